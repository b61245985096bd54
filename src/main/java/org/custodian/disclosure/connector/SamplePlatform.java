package org.custodian.disclosure.connector;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.custodian.disclosure.DataRecord;
import org.custodian.disclosure.RecordSource;
import org.custodian.shared.DataCategory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bundled sample platform: synthetic accounts in several jurisdictions (Hong Kong
 * among them) with a profile, login IPs, messages and posts from 2019 to 2021, for the
 * demo and the tests. Its accounts are in {@code platform_account}, so the ordinary
 * {@link org.custodian.accounts.AccountDirectory} resolves them.
 */
public class SamplePlatform implements RecordSource {

	/** id, username, e-mail, phone (E.164), home jurisdiction, name. */
	static final List<List<String>> ACCOUNTS = List.of(
			List.of("sample-hk-001", "harbour.reporter", "reporter@mail.hk.example", "+85291234567", "HK",
					"Chan Tai Man"),
			List.of("sample-hk-002", "lantau.hiker", "hiker@mail.hk.example", "+85262345678", "HK", "Wong Siu Ming"),
			List.of("sample-us-001", "wire.fraudster", "fraud@mail.us.example", "+12025550123", "US", "John Roe"),
			List.of("sample-gb-001", "london.trader", "trader@mail.uk.example", "+447700900123", "GB", "Jane Smith"),
			List.of("sample-de-001", "berlin.dev", "dev@mail.de.example", "+4915123456789", "DE", "Max Mustermann"),
			// the accounts of the demo's requests of today
			List.of("sample-hk-003", "harbour_lee", "lee@mail.hk.example", "+85293456789", "HK", "Lee Ka Yan"),
			List.of("sample-hk-004", "kowloon.wong", "wong@mail.hk.example", "+85264567890", "HK", "Wong Chi Keung"),
			List.of("sample-us-002", "jdoe_nyc", "jdoe@mail.us.example", "+12125550147", "US", "John Doe"),
			List.of("sample-us-003", "dc.protest.org", "contact@protest.us.example", "+12025550188", "US",
					"DC Protest Organisers"),
			List.of("sample-gb-002", "london_calling", "calling@mail.uk.example", "+447700900456", "GB", "Sam Jones"),
			List.of("sample-de-002", "berlin.bear", "bear@mail.de.example", "+4915223456789", "DE", "Erika Mustermann"),
			// the holders of content the demo's removal requests of 2019 are about
			List.of("sample-hk-005", "hkmap.live", "developers@hkmap.hk.example", "+85265678901", "HK",
					"HKmap Live developers"),
			List.of("sample-hk-006", "lion.rock.watch", "watch@mail.hk.example", "+85296789012", "HK",
					"Lion Rock Watch"));

	private static final Map<DataCategory, List<String>> FIELDS = Map.of(DataCategory.BASIC_SUBSCRIBER,
			List.of("username", "name", "email", "phone", "homeJurisdiction", "createdAt"), DataCategory.NON_CONTENT,
			List.of("ip", "userAgent", "from", "to"), DataCategory.CONTENT, List.of("from", "to", "body"));

	private final JdbcClient jdbc;

	private final CursorReads reads;

	private final JsonMapper json = JsonMapper.builder().build();

	SamplePlatform(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.reads = new CursorReads(template.getDataSource());
	}

	@Override
	public List<String> fields(DataCategory category) {
		return FIELDS.get(category);
	}

	@Override
	public Stream<DataRecord> export(String accountId, DataCategory category, LocalDate from, LocalDate to) {
		boolean state = category == DataCategory.BASIC_SUBSCRIBER;
		return this.reads.stream((jdbc) -> jdbc.getJdbcTemplate().queryForStream("""
				SELECT kind, occurred_at, fields::text AS fields FROM sample_record
				WHERE account_id = ? AND category = ? AND (? OR (occurred_at >= ? AND occurred_at < ?))
				ORDER BY occurred_at, id""", (rs, row) -> {
			Map<String, String> fields = this.json.readValue(rs.getString("fields"), new TypeReference<>() {
			});
			Instant at = state ? null : rs.getObject("occurred_at", OffsetDateTime.class).toInstant();
			return new DataRecord(rs.getString("kind"), at, new LinkedHashMap<>(fields));
		}, accountId, category.name(), state, start(from), start(to.plusDays(1))));
	}

	/**
	 * Deletes an account's records, as a user deleting their data would: preserved copies
	 * must survive it.
	 */
	@Transactional
	public int deleteRecords(String accountId) {
		return this.jdbc.sql("DELETE FROM sample_record WHERE account_id = ?").param(accountId).update();
	}

	/**
	 * Adds the sample accounts and their records unless they are there; safe on several
	 * nodes at once.
	 */
	@Transactional
	public void seed() {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(7302001)").query(Object.class).single();
		for (List<String> account : ACCOUNTS) {
			this.jdbc.sql("""
					INSERT INTO platform_account (id, username, email, phone, home_jurisdiction)
					VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
				.params(account.get(0), account.get(1), account.get(2), account.get(3), account.get(4))
				.update();
		}
		for (List<String> account : ACCOUNTS) {
			if (this.jdbc.sql("SELECT count(*) FROM sample_record WHERE account_id = ?")
				.param(account.get(0))
				.query(Long.class)
				.single() == 0) {
				seedRecords(account);
			}
		}
	}

	private void seedRecords(List<String> account) {
		String id = account.get(0);
		this.jdbc.sql("""
				INSERT INTO sample_record (account_id, category, kind, occurred_at, fields)
				VALUES (?, 'BASIC_SUBSCRIBER', 'profile', '2018-03-01T00:00:00Z',
				  jsonb_build_object('username', ?::text, 'name', ?::text, 'email', ?::text, 'phone', ?::text,
				    'homeJurisdiction', ?::text, 'createdAt', '2018-03-01T00:00:00Z'))""")
			.params(id, account.get(1), account.get(5), account.get(2), account.get(3), account.get(4))
			.update();
		int octet = Math.abs(id.hashCode() % 200) + 1;
		this.jdbc.sql("""
				INSERT INTO sample_record (account_id, category, kind, occurred_at, fields)
				SELECT ?, 'NON_CONTENT', 'login', ts,
				  jsonb_build_object('ip', '198.51.' || ? || '.' || (extract(doy FROM ts)::int % 250 + 1),
				    'userAgent', 'SampleApp/2.' || (extract(month FROM ts)::int), 'from', '', 'to', '')
				FROM generate_series('2019-01-03T08:15:00Z'::timestamptz, '2021-12-31', interval '7 days') AS ts""")
			.params(id, octet)
			.update();
		this.jdbc.sql("""
				INSERT INTO sample_record (account_id, category, kind, occurred_at, fields)
				SELECT ?, c.category, c.kind, ts, c.fields
				FROM generate_series('2019-01-05T12:30:00Z'::timestamptz, '2021-12-31', interval '9 days') AS ts
				CROSS JOIN LATERAL (VALUES
				  ('NON_CONTENT', 'message-header', jsonb_build_object('ip', '', 'userAgent', '', 'from', ?::text,
				    'to', 'friend' || (extract(day FROM ts)::int % 5) || '@sample')),
				  ('CONTENT', 'message', jsonb_build_object('from', ?::text,
				    'to', 'friend' || (extract(day FROM ts)::int % 5) || '@sample',
				    'body', 'Message of ' || to_char(ts, 'YYYY-MM-DD') || ': see you at the usual place')),
				  ('CONTENT', 'post', jsonb_build_object('from', ?::text, 'to', 'public',
				    'body', 'Post of ' || to_char(ts, 'YYYY-MM-DD') || ' about the weather'))
				) AS c(category, kind, fields)""").params(id, account.get(1), account.get(1), account.get(1)).update();
	}

	static OffsetDateTime start(LocalDate day) {
		return day.atStartOfDay().atOffset(ZoneOffset.UTC);
	}

}
