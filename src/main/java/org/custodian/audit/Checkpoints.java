package org.custodian.audit;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signs the audit log's head every so many events or minutes, so that a log cut short or
 * rewritten after a checkpoint no longer matches something the database cannot re-sign:
 * the key's private half is sealed by the master key. Each checkpoint is stored,
 * published and, if configured, appended to a mirror outside the database.
 */
@Service
public class Checkpoints {

	private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private static final String SELECT = "SELECT events, hash, signed_at, key_id, signature FROM audit_checkpoint ";

	private final JdbcClient jdbc;

	private final JdbcTemplate stream;

	private final CheckpointKeys keys;

	private final AuditProperties properties;

	private final Clock clock;

	private final TransactionTemplate transaction;

	Checkpoints(JdbcClient jdbc, DataSource dataSource, CheckpointKeys keys, AuditProperties properties, Clock clock,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.stream = new JdbcTemplate(dataSource);
		this.stream.setFetchSize(1000);
		this.keys = keys;
		this.properties = properties;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Signs the head now if the log grew since the last checkpoint; see
	 * {@link #takeIfDue()}.
	 */
	public Optional<Checkpoint> take() {
		return sign(true);
	}

	/**
	 * Signs the head if the log grew by {@code checkpoint-every-events} since the last
	 * checkpoint, or grew at all and {@code checkpoint-interval} has passed. Refuses (and
	 * logs an error) if the events since the last checkpoint do not chain from it: a
	 * checkpoint vouches only for a log that extends the previous one.
	 */
	public Optional<Checkpoint> takeIfDue() {
		return sign(false);
	}

	private Optional<Checkpoint> sign(boolean now) {
		Optional<Checkpoint> taken = this.transaction.execute((status) -> {
			// Events left pending by a chaining that failed (docs/adr/0023) join the
			// chain first, so the checkpoint vouches for them too.
			if (this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM audit_pending)").query(Boolean.class).single()) {
				this.jdbc.sql("CALL audit_chain_pending()").update();
			}
			AuditHead head = this.jdbc.sql("SELECT seq, hash FROM audit_head WHERE id = 1")
				.query((rs, row) -> new AuditHead(rs.getLong("seq"), rs.getString("hash")))
				.single();
			Optional<Checkpoint> last = latest();
			if (head.events() == 0 || !(now || due(head, last)) || !extendsLast(head, last)) {
				return Optional.<Checkpoint>empty();
			}
			return store(head);
		});
		taken.ifPresent(this::mirror);
		return taken;
	}

	private boolean due(AuditHead head, Optional<Checkpoint> last) {
		return due(head.events(), last.orElse(null), this.properties, Instant.now(this.clock));
	}

	/**
	 * Whether a log of {@code events} events wants a checkpoint now: it has none yet, or
	 * grew by the configured number of events, or grew at all and the interval passed.
	 */
	static boolean due(long events, Checkpoint last, AuditProperties properties, Instant now) {
		if (last == null) {
			return events > 0;
		}
		long grown = events - last.events();
		Instant next = last.signedAt().plus(properties.checkpointInterval());
		return grown >= properties.checkpointEveryEvents() || (grown > 0 && !now.isBefore(next));
	}

	private boolean extendsLast(AuditHead head, Optional<Checkpoint> last) {
		if (last.isEmpty()) {
			return true;
		}
		Checkpoint checkpoint = last.get();
		if (head.events() <= checkpoint.events()) {
			if (head.events() < checkpoint.events()) {
				log.error("Not signing the audit head: the log ends at event {}, before the {}", head.events(),
						checkpoint.describe());
			}
			return false;
		}
		ChainWalk walk = ChainWalk.after(checkpoint);
		this.stream.query("SELECT " + ChainWalk.COLUMNS + " FROM audit_event WHERE seq > ? AND seq <= ? ORDER BY seq",
				walk, checkpoint.events(), head.events());
		Verification problem = walk.problem();
		if (problem == null && !walk.head().equals(head.hash())) {
			problem = Verification.broken(walk.count(), walk.head(), walk.count(), "the head is not the newest event");
		}
		if (problem != null) {
			log.error("Not signing the audit head: since the {}: {}", checkpoint.describe(), problem.problem());
			return false;
		}
		return true;
	}

	/**
	 * Stores the signed head; if another node signed the same head meanwhile, theirs
	 * stands.
	 */
	private Optional<Checkpoint> store(AuditHead head) {
		CheckpointKeys.Signer signer = this.keys.active();
		Instant at = Instant.now(this.clock).truncatedTo(ChronoUnit.MICROS);
		Checkpoint unsigned = new Checkpoint(head.events(), head.hash(), at, signer.id(), "");
		Checkpoint signed = new Checkpoint(head.events(), head.hash(), at, signer.id(),
				BASE64URL.encodeToString(signer.sign(unsigned.signedBytes())));
		int stored = this.jdbc.sql("""
				INSERT INTO audit_checkpoint (events, hash, signed_at, key_id, signature) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (events) DO NOTHING""")
			.params(signed.events(), signed.hash(), at.atOffset(ZoneOffset.UTC), signed.keyId(), signed.signature())
			.update();
		return (stored == 1) ? Optional.of(signed) : Optional.empty();
	}

	/** Once the checkpoint is committed: a rolled-back one must not be mirrored. */
	private void mirror(Checkpoint checkpoint) {
		if (this.properties.checkpointMirror() == null) {
			return;
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					append(checkpoint);
				}
			});
		}
		else {
			append(checkpoint);
		}
	}

	private void append(Checkpoint checkpoint) {
		try {
			CheckpointFiles.append(this.properties.checkpointMirror(), checkpoint);
		}
		catch (RuntimeException ex) {
			log.error("The {} is stored but not mirrored: {}", checkpoint.describe(), ex.getMessage());
		}
	}

	/** The newest checkpoint in the database. */
	@Transactional(readOnly = true)
	public Optional<Checkpoint> latest() {
		return this.jdbc.sql(SELECT + "ORDER BY events DESC LIMIT 1").query(Checkpoints::checkpoint).optional();
	}

	/** Checkpoints newest first, those before the given event count if one is given. */
	@Transactional(readOnly = true)
	public List<Checkpoint> newestFirst(Long before, int limit) {
		return this.jdbc.sql(SELECT + "WHERE events < ? ORDER BY events DESC LIMIT ?")
			.params((before != null) ? before : Long.MAX_VALUE, limit)
			.query(Checkpoints::checkpoint)
			.list();
	}

	/** The keys that sign checkpoints, newest first, as published. */
	@Transactional(readOnly = true)
	public List<Key> publishedKeys() {
		return this.keys.published()
			.stream()
			.map((key) -> new Key(key.id(), "Ed25519", Base64.getEncoder().encodeToString(key.x509())))
			.toList();
	}

	/**
	 * The checkpoints kept outside the database (the mirror, if configured). Read before
	 * the database's, so that none of them can be newer than the snapshot verified.
	 */
	List<Checkpoint> outside() {
		Path mirror = this.properties.checkpointMirror();
		return (mirror != null) ? CheckpointFiles.mirrored(mirror) : new ArrayList<>();
	}

	/** The given checkpoints and the database's, each with its signature checked. */
	CheckpointSet check(List<Checkpoint> outside) {
		List<Checkpoint> all = new ArrayList<>(outside);
		all.addAll(this.jdbc.sql(SELECT + "ORDER BY events").query(Checkpoints::checkpoint).list());
		return CheckpointSet.of(all, this.keys::trusted);
	}

	private static Checkpoint checkpoint(ResultSet rs, int row) throws SQLException {
		return new Checkpoint(rs.getLong("events"), rs.getString("hash"),
				rs.getObject("signed_at", OffsetDateTime.class).toInstant(), rs.getString("key_id"),
				rs.getString("signature"));
	}

	/**
	 * A checkpoint key as published.
	 *
	 * @param keyId the id checkpoints name
	 * @param algorithm always Ed25519
	 * @param publicKey base64 of the X.509 SubjectPublicKeyInfo
	 */
	public record Key(String keyId, String algorithm, String publicKey) {
	}

}
