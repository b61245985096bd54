package org.custodian.audit;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.custodian.shared.crypto.Ed25519;
import org.custodian.shared.crypto.MasterKey;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit module's own Ed25519 key for checkpoints (not the disclosure signing key: the
 * audit log depends on no other module). Generated on first use and kept in the database
 * with its private half sealed by the master key, which lives outside the database; so a
 * key the database holds is trusted only if its private half opens and matches its public
 * half, and a key row someone put there does not make their checkpoints valid.
 */
@Component
class CheckpointKeys {

	private static final byte[] PROBE = "custodian audit checkpoint key probe".getBytes(StandardCharsets.US_ASCII);

	private final JdbcClient jdbc;

	private final MasterKey master;

	private final Clock clock;

	CheckpointKeys(JdbcClient jdbc, MasterKey master, Clock clock) {
		this.jdbc = jdbc;
		this.master = master;
		this.clock = clock;
	}

	/** The newest key, created if there is none. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public Signer active() {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(7302009)").query(Object.class).single();
		return this.jdbc
			.sql("SELECT id, public_key, private_key_sealed FROM audit_checkpoint_key ORDER BY created_at DESC LIMIT 1")
			.query((rs, row) -> new Signer(rs.getString("id"),
					Ed25519.privateKey(this.master.open(rs.getBytes("private_key_sealed"), place(rs.getString("id"))))))
			.optional()
			.orElseGet(this::create);
	}

	/**
	 * The public half of the key with this id, if the database holds it and it is this
	 * platform's (its sealed private half opens under the master key and signs what the
	 * public half verifies).
	 */
	@Transactional(readOnly = true)
	public Optional<PublicKey> trusted(String id) {
		return this.jdbc.sql("SELECT public_key, private_key_sealed FROM audit_checkpoint_key WHERE id = ?")
			.param(id)
			.query((rs, row) -> trusted(id, rs.getBytes("public_key"), rs.getBytes("private_key_sealed")))
			.optional()
			.flatMap((key) -> key);
	}

	/** Every key's id and public half, newest first, for publication. */
	@Transactional(readOnly = true)
	public List<PublishedKey> published() {
		return this.jdbc.sql("SELECT id, public_key FROM audit_checkpoint_key ORDER BY created_at DESC")
			.query((rs, row) -> new PublishedKey(rs.getString("id"), rs.getBytes("public_key")))
			.list();
	}

	private Optional<PublicKey> trusted(String id, byte[] publicBytes, byte[] sealed) {
		try {
			PublicKey publicKey = Ed25519.publicKey(publicBytes);
			PrivateKey privateKey = Ed25519.privateKey(this.master.open(sealed, place(id)));
			boolean pair = Ed25519.verifies(publicKey, PROBE, Ed25519.sign(privateKey, PROBE));
			return pair ? Optional.of(publicKey) : Optional.empty();
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			return Optional.empty();
		}
	}

	private Signer create() {
		KeyPair pair = Ed25519.generate();
		String id = Ed25519.keyId(pair.getPublic());
		this.jdbc.sql("""
				INSERT INTO audit_checkpoint_key (id, public_key, private_key_sealed, created_at)
				VALUES (?, ?, ?, ?)""")
			.params(id, pair.getPublic().getEncoded(), this.master.seal(pair.getPrivate().getEncoded(), place(id)),
					OffsetDateTime.now(this.clock))
			.update();
		return new Signer(id, pair.getPrivate());
	}

	private static MasterKey.SealedAt place(String id) {
		return new MasterKey.SealedAt("audit_checkpoint_key", "private_key_sealed", id);
	}

	/** A checkpoint key that signs; its private half never leaves this object. */
	static final class Signer {

		private final String id;

		private final PrivateKey key;

		Signer(String id, PrivateKey key) {
			this.id = id;
			this.key = key;
		}

		String id() {
			return this.id;
		}

		byte[] sign(byte[] data) {
			return Ed25519.sign(this.key, data);
		}

		@Override
		public String toString() {
			return "Signer[" + this.id + "]";
		}

	}

	/** A key as published: its id and X.509 encoding. */
	record PublishedKey(String id, byte[] x509) {
	}

}
