package org.custodian.shared.crypto;

import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.custodian.shared.Actor;
import org.custodian.shared.AuditedAction;
import org.custodian.shared.crypto.MasterKey.SealedAt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every sealed value in the database, and re-sealing them: under the current master key
 * after a rotation ({@code keys rotate-master}), and into the format with a key version
 * and associated data at start-up, for values sealed before it. Each run is one
 * transaction with its audit event; a run interrupted changes nothing, and a second run
 * skips what is already under the current key, so it can always be run again.
 */
@Component
public class SealedValues {

	private static final Logger log = LoggerFactory.getLogger(SealedValues.class);

	/**
	 * The sealed columns: table, column, the row's id as SQL, and whether the column is
	 * text ({@code sealed:} and base64) rather than bytes.
	 */
	static final List<Column> COLUMNS = List.of(new Column("signing_key", "private_key_sealed", "id", false),
			new Column("audit_checkpoint_key", "private_key_sealed", "id", false),
			new Column("production", "passphrase_sealed", "request_id::text", false), new Column("preserved_records",
					"sealed", "request_id::text || '/' || account_id || '/' || category", false),
			new Column("second_factor", "secret", "subject_kind || '/' || subject_id", true));

	private final JdbcClient jdbc;

	private final MasterKey master;

	private final ApplicationEventPublisher events;

	/** At start-up: values sealed before key versions get one, and their row. */
	@Bean
	static ApplicationRunner upgradeSealedValues(ObjectProvider<SealedValues> values) {
		return (arguments) -> values.getObject().upgrade();
	}

	SealedValues(JdbcClient jdbc, MasterKey master, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.master = master;
		this.events = events;
	}

	/**
	 * Re-seals every value not sealed under the current key, audited; the count per
	 * column.
	 */
	@Transactional
	public Map<String, Integer> rotate(Actor actor) {
		Map<String, Integer> counts = reseal(false);
		this.events.publishEvent(
				new AuditedAction(actor, "keys.master-rotated", "master-key", this.master.version(), Map.of("resealed",
						counts.values().stream().mapToInt(Integer::intValue).sum(), "columns", counts.toString())));
		return counts;
	}

	/**
	 * Re-seals values of the format before key versions, so that none opens in another
	 * row; audited when there were any.
	 */
	@Transactional
	public int upgrade() {
		int total = reseal(true).values().stream().mapToInt(Integer::intValue).sum();
		if (total > 0) {
			this.events.publishEvent(new AuditedAction(Actor.SYSTEM, "keys.sealed-values-upgraded", "master-key",
					this.master.version(), Map.of("resealed", total)));
		}
		return total;
	}

	private Map<String, Integer> reseal(boolean unversionedOnly) {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(7302019)").query(Object.class).single();
		byte[] done = unversionedOnly ? MasterKey.MAGIC : this.master.currentHeader();
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (Column column : COLUMNS) {
			int count = 0;
			for (String row : column.rowsNotStartingWith(this.jdbc, done)) {
				count += resealRow(column, row, unversionedOnly) ? 1 : 0;
			}
			counts.put(column.table() + "." + column.name(), count);
		}
		return counts;
	}

	/**
	 * One row at a time, so that large preserved record sets are not all in memory. At
	 * start-up a value that does not open is left as it is (and named in the log); a
	 * rotation stops at it, changing nothing.
	 */
	private boolean resealRow(Column column, String row, boolean unversionedOnly) {
		String where = " WHERE " + column.row() + " = ?";
		byte[] sealed = this.jdbc.sql("SELECT " + column.name() + " FROM " + column.table() + where + " FOR UPDATE")
			.param(row)
			.query((rs, n) -> column.text()
					? Base64.getDecoder().decode(rs.getString(1).substring(Column.TEXT_PREFIX.length()))
					: rs.getBytes(1))
			.single();
		if (unversionedOnly ? MasterKey.isVersioned(sealed) : this.master.isCurrent(sealed)) {
			return false;
		}
		SealedAt place = column.at(row);
		byte[] plain;
		try {
			plain = this.master.open(sealed, place);
		}
		catch (IllegalStateException ex) {
			if (unversionedOnly) {
				log.warn(
						"A sealed value in {}.{} (row {}) does not open under any configured master key; left as it is",
						column.table(), column.name(), row);
				return false;
			}
			throw new IllegalStateException(
					column.table() + "." + column.name() + " row " + row + ": " + ex.getMessage(), ex);
		}
		byte[] resealed = this.master.seal(plain, place);
		Arrays.fill(plain, (byte) 0);
		Object value = column.text() ? Column.TEXT_PREFIX + Base64.getEncoder().encodeToString(resealed) : resealed;
		this.jdbc.sql("UPDATE " + column.table() + " SET " + column.name() + " = ?" + where)
			.params(value, row)
			.update();
		return true;
	}

	/** A sealed column, and how its rows are named in their associated data. */
	record Column(String table, String name, String row, boolean text) {

		static final String TEXT_PREFIX = "sealed:";

		SealedAt at(String id) {
			return new SealedAt(this.table, this.name, id);
		}

		/**
		 * The rows whose value does not start with these bytes (whole base64 groups, so a
		 * prefix of 3 or 12 bytes): what is left to re-seal, found by the database.
		 */
		List<String> rowsNotStartingWith(JdbcClient jdbc, byte[] prefix) {
			String select = "SELECT " + this.row + " FROM " + this.table + " WHERE " + this.name + " IS NOT NULL AND ";
			if (this.text) {
				return jdbc.sql(select + this.name + " LIKE 'sealed:%' AND " + this.name + " NOT LIKE ?")
					.param(TEXT_PREFIX + Base64.getEncoder().encodeToString(prefix) + "%")
					.query(String.class)
					.list();
			}
			return jdbc.sql(select + "substring(" + this.name + " from 1 for " + prefix.length + ") <> ?")
				.param(prefix)
				.query(String.class)
				.list();
		}

	}

}
