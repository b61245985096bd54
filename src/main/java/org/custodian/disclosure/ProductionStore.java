package org.custodian.disclosure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.custodian.shared.RequestId;
import org.custodian.shared.crypto.MasterKey;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code production} table: one row per approved request and its package.
 */
@Repository
class ProductionStore {

	private final JdbcClient jdbc;

	ProductionStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Queues (or re-queues after a block or failure, or once what it waited for is there)
	 * a production; false if one is already under way or done.
	 */
	boolean queue(RequestId id, String status, Instant now) {
		return this.jdbc.sql("""
				INSERT INTO production (request_id, status, queued_at) VALUES (?, ?, ?)
				ON CONFLICT (request_id) DO UPDATE SET status = EXCLUDED.status, attempts = 0, last_error = NULL,
				  queued_at = EXCLUDED.queued_at
				WHERE production.status IN ('BLOCKED', 'FAILED', 'AWAITING_CALLBACK', 'AWAITING_NOTICE')""")
			.params(id.value(), status, utc(now))
			.update() > 0;
	}

	/** Marks the start of an attempt and returns its number; locks the row. */
	int startAttempt(RequestId id) {
		return this.jdbc.sql("""
				UPDATE production SET status = 'BUILDING', attempts = attempts + 1
				WHERE request_id = ? AND status IN ('QUEUED', 'BUILDING') RETURNING attempts""")
			.param(id.value())
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	void attemptFailed(RequestId id, String error, String status) {
		this.jdbc.sql("UPDATE production SET last_error = ?, status = ? WHERE request_id = ?")
			.params(error, status, id.value())
			.update();
	}

	/**
	 * The case says why a production is being built again (its last attempt vanished).
	 */
	void noteInterrupted(RequestId id, String note) {
		this.jdbc.sql("UPDATE production SET last_error = ? WHERE request_id = ?").params(note, id.value()).update();
	}

	void produced(RequestId id, String fileName, long size, String packageSha256, String manifestSha256,
			byte[] passphraseSealed, String passphraseSha256, Instant now, Instant expiresAt) {
		this.jdbc.sql("""
				UPDATE production SET status = 'PRODUCED', last_error = NULL, file_name = ?, size_bytes = ?,
				  package_sha256 = ?, manifest_sha256 = ?, passphrase_sealed = ?, passphrase_sha256 = ?,
				  produced_at = ?, expires_at = ?
				WHERE request_id = ?""")
			.params(fileName, size, packageSha256, manifestSha256, passphraseSealed, passphraseSha256, utc(now),
					utc(expiresAt), id.value())
			.update();
	}

	Optional<Production> find(RequestId id) {
		return this.jdbc.sql("SELECT * FROM production WHERE request_id = ?")
			.param(id.value())
			.query(ProductionStore::production)
			.optional();
	}

	Optional<Production> lock(RequestId id) {
		return this.jdbc.sql("SELECT * FROM production WHERE request_id = ? FOR UPDATE")
			.param(id.value())
			.query(ProductionStore::production)
			.optional();
	}

	Optional<Production> findByPackage(String packageSha256) {
		return this.jdbc.sql("SELECT * FROM production WHERE package_sha256 = ? LIMIT 1")
			.param(packageSha256)
			.query(ProductionStore::production)
			.optional();
	}

	void countDownload(RequestId id) {
		this.jdbc.sql("UPDATE production SET downloads = downloads + 1 WHERE request_id = ?")
			.param(id.value())
			.update();
	}

	/** Who downloaded the package and when. */
	void recordDownload(RequestId id, UUID officer, String packageSha256, Instant now) {
		this.jdbc.sql("""
				INSERT INTO production_download (request_id, officer_id, downloaded_at, package_sha256)
				VALUES (?, ?, ?, ?)""").params(id.value(), officer, utc(now), packageSha256).update();
	}

	/** The downloads of a request's packages, oldest first. */
	List<Downloaded> downloads(RequestId id) {
		return this.jdbc.sql("""
				SELECT officer_id, downloaded_at FROM production_download WHERE request_id = ?
				ORDER BY downloaded_at LIMIT 1000""")
			.param(id.value())
			.query((rs, row) -> new Downloaded(rs.getObject("officer_id", UUID.class),
					rs.getObject("downloaded_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	/**
	 * A new passphrase was asked for: the package is built again under it, and until then
	 * nothing can be downloaded.
	 */
	void reissue(RequestId id) {
		this.jdbc.sql("""
				UPDATE production SET status = 'REISSUING', passphrase_sealed = NULL, last_error = NULL
				WHERE request_id = ?""").param(id.value()).update();
	}

	/** The package built again under a new passphrase replaced the old one. */
	void reissued(RequestId id, long size, String packageSha256, String manifestSha256, byte[] passphraseSealed,
			String passphraseSha256) {
		this.jdbc.sql("""
				UPDATE production SET status = 'PRODUCED', last_error = NULL, size_bytes = ?, package_sha256 = ?,
				  manifest_sha256 = ?, passphrase_sealed = ?, passphrase_sha256 = ?
				WHERE request_id = ? AND status = 'REISSUING'""")
			.params(size, packageSha256, manifestSha256, passphraseSealed, passphraseSha256, id.value())
			.update();
	}

	void forgetPassphrase(RequestId id) {
		this.jdbc.sql("UPDATE production SET passphrase_sealed = NULL WHERE request_id = ?").param(id.value()).update();
	}

	/** Expired packages, locked so that one node purges each. */
	List<Production> lockExpired(Instant now, int limit) {
		return this.jdbc.sql("""
				SELECT * FROM production WHERE status = 'PRODUCED' AND expires_at <= ?
				ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED""")
			.params(utc(now), limit)
			.query(ProductionStore::production)
			.list();
	}

	void purged(RequestId id, Instant now) {
		this.jdbc.sql("""
				UPDATE production SET status = 'PURGED', purged_at = ?, passphrase_sealed = NULL
				WHERE request_id = ?""").params(utc(now), id.value()).update();
	}

	private static Production production(ResultSet rs, int row) throws SQLException {
		return new Production(new RequestId(rs.getObject("request_id", UUID.class)), rs.getString("status"),
				rs.getInt("attempts"), rs.getString("last_error"), rs.getString("file_name"),
				(Long) rs.getObject("size_bytes"), rs.getString("package_sha256"), rs.getString("manifest_sha256"),
				rs.getBytes("passphrase_sealed"), instant(rs, "queued_at"), instant(rs, "produced_at"),
				instant(rs, "expires_at"), instant(rs, "purged_at"), rs.getInt("downloads"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/** One download: by whom, when. */
	record Downloaded(UUID officerId, Instant at) {
	}

	/**
	 * A production as stored.
	 */
	record Production(RequestId requestId, String status, int attempts, String lastError, String fileName,
			Long sizeBytes, String packageSha256, String manifestSha256, byte[] passphraseSealed, Instant queuedAt,
			Instant producedAt, Instant expiresAt, Instant purgedAt, int downloads) {
	}

	/** Where a package's sealed passphrase lives, as its associated data. */
	static MasterKey.SealedAt passphrasePlace(RequestId id) {
		return new MasterKey.SealedAt("production", "passphrase_sealed", id.value().toString());
	}

}
