package org.custodian.disclosure;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.custodian.disclosure.format.PublicKeys;
import org.custodian.identity.Action;
import org.custodian.identity.CurrentUser;
import org.custodian.shared.AuditedAction;
import org.custodian.shared.crypto.MasterKey;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The platform's Ed25519 signing key, for production manifests and published transparency
 * reports: generated on first use, kept in the database with its private half sealed, so
 * every node and every restart signs with the same key. The public halves, retired ones
 * included, are published at a well-known address (ADR 0019).
 */
@Component
public class SigningKeys {

	private final JdbcClient jdbc;

	private final MasterKey master;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	SigningKeys(JdbcClient jdbc, MasterKey master, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.master = master;
		this.clock = clock;
		this.events = events;
	}

	/** The active key, created if there is none. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public Signer active() {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(7302002)").query(Object.class).single();
		return this.jdbc.sql("SELECT id, public_key, private_key_sealed FROM signing_key WHERE active")
			.query((rs, row) -> new Signer(rs.getString("id"), publicKey(rs.getBytes("public_key")),
					privateKey(this.master.open(rs.getBytes("private_key_sealed"), place(rs.getString("id"))))))
			.optional()
			.orElseGet(this::create);
	}

	private Signer create() {
		try {
			KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
			byte[] publicBytes = pair.getPublic().getEncoded();
			String id = keyId(pair.getPublic());
			this.jdbc.sql("""
					INSERT INTO signing_key (id, algorithm, public_key, private_key_sealed, created_at)
					VALUES (?, 'Ed25519', ?, ?, ?)""")
				.params(id, publicBytes, this.master.seal(pair.getPrivate().getEncoded(), place(id)),
						OffsetDateTime.now(this.clock))
				.update();
			return new Signer(id, pair.getPublic(), pair.getPrivate());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The public half of a key this platform has signed with, active or retired, so that
	 * what it signed earlier still verifies.
	 */
	@Transactional(readOnly = true)
	public Optional<PublicKey> publicKey(String id) {
		return this.jdbc.sql("SELECT public_key FROM signing_key WHERE id = ?")
			.param(id)
			.query((rs, row) -> publicKey(rs.getBytes("public_key")))
			.optional();
	}

	/**
	 * The public halves of every key this platform has signed with, the active one first,
	 * with when each signed, for the JWK Set.
	 */
	@Transactional(readOnly = true)
	public List<PublishedKey> publicKeys() {
		return this.jdbc
			.sql("SELECT public_key, created_at, retired_at FROM signing_key ORDER BY active DESC, created_at DESC")
			.query((rs, row) -> new PublishedKey(publicKey(rs.getBytes("public_key")),
					rs.getObject("created_at", OffsetDateTime.class).toInstant(),
					Optional.ofNullable(rs.getObject("retired_at", OffsetDateTime.class))
						.map(OffsetDateTime::toInstant)
						.orElse(null)))
			.list();
	}

	/**
	 * Retires the active key (it stays published, so what it signed still verifies) and
	 * signs with a new one from now on; audited.
	 * @return the new key's id
	 */
	@Transactional
	public String rotate(CurrentUser operator) {
		operator.require(Action.ROTATE_KEYS);
		this.jdbc.sql("SELECT pg_advisory_xact_lock(7302002)").query(Object.class).single();
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		String retired = this.jdbc
			.sql("UPDATE signing_key SET active = false, retired_at = ? WHERE active RETURNING id")
			.param(now)
			.query(String.class)
			.optional()
			.orElse(null);
		Signer next = create();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("newKeyId", next.id());
		details.put("retiredKeyId", (retired != null) ? retired : "");
		this.events.publishEvent(
				new AuditedAction(operator.actor(), "keys.signing-rotated", "signing-key", next.id(), details));
		return next.id();
	}

	private static MasterKey.SealedAt place(String id) {
		return new MasterKey.SealedAt("signing_key", "private_key_sealed", id);
	}

	/** A key's id: the first 16 hex digits of the SHA-256 of its X.509 encoding. */
	public static String keyId(PublicKey key) {
		return PublicKeys.keyId(key);
	}

	public static PublicKey publicKey(byte[] x509) {
		return PublicKeys.fromX509(x509);
	}

	private static PrivateKey privateKey(byte[] pkcs8) {
		try {
			return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A public key as published: valid for signing from {@code notBefore}, and until
	 * {@code notAfter} once retired (null while active).
	 */
	public record PublishedKey(PublicKey key, Instant notBefore, Instant notAfter) {
	}

	/**
	 * A key that signs; its private half never leaves this object.
	 */
	public static final class Signer {

		private final String id;

		private final PublicKey publicKey;

		private final PrivateKey privateKey;

		public Signer(String id, PublicKey publicKey, PrivateKey privateKey) {
			this.id = id;
			this.publicKey = publicKey;
			this.privateKey = privateKey;
		}

		public String id() {
			return this.id;
		}

		public PublicKey publicKey() {
			return this.publicKey;
		}

		public byte[] sign(byte[] data) {
			try {
				Signature signature = Signature.getInstance("Ed25519");
				signature.initSign(this.privateKey);
				signature.update(data);
				return signature.sign();
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		}

		@Override
		public String toString() {
			return "Signer[" + this.id + "]";
		}

	}

}
