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
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.custodian.disclosure.format.PublicKeys;
import org.custodian.shared.crypto.MasterKey;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The platform's Ed25519 signing key, for production manifests and published transparency
 * reports: generated on first use, kept in the database with its private half sealed, so
 * every node and every restart signs with the same key. The public half is published at a
 * well-known address.
 */
@Component
public class SigningKeys {

	private final JdbcClient jdbc;

	private final MasterKey master;

	private final Clock clock;

	SigningKeys(JdbcClient jdbc, MasterKey master, Clock clock) {
		this.jdbc = jdbc;
		this.master = master;
		this.clock = clock;
	}

	/** The active key, created if there is none. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public Signer active() {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(7302002)").query(Object.class).single();
		return this.jdbc.sql("SELECT id, public_key, private_key_sealed FROM signing_key WHERE active")
			.query((rs, row) -> new Signer(rs.getString("id"), publicKey(rs.getBytes("public_key")),
					privateKey(this.master.open(rs.getBytes("private_key_sealed")))))
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
				.params(id, publicBytes, this.master.seal(pair.getPrivate().getEncoded()),
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
	 * for the JWK Set.
	 */
	@Transactional(readOnly = true)
	public List<PublicKey> publicKeys() {
		return this.jdbc.sql("SELECT public_key FROM signing_key ORDER BY active DESC, created_at DESC")
			.query((rs, row) -> publicKey(rs.getBytes("public_key")))
			.list();
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
