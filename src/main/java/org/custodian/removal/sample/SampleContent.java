package org.custodian.removal.sample;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.custodian.removal.ContentControls;
import org.custodian.removal.ContentItem;
import org.custodian.shared.Jurisdiction;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A stand-in for the platform's own content systems, for the demo and the tests: every
 * post, account, URL or app is visible everywhere until a decision withholds it in some
 * jurisdictions or removes it; a restoration makes it visible again. On by default
 * ({@code custodian.removal.sample-platform.enabled}).
 */
@Component
@ConditionalOnProperty(name = "custodian.removal.sample-platform.enabled", havingValue = "true", matchIfMissing = true)
public class SampleContent implements ContentControls {

	private final JdbcClient jdbc;

	private final Clock clock;

	SampleContent(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void restrictIn(ContentItem item, Set<Jurisdiction> jurisdictions) {
		String[] codes = jurisdictions.stream().map(Jurisdiction::code).sorted().toArray(String[]::new);
		this.jdbc.sql("""
				INSERT INTO sample_platform_item (value, withheld_in, changed_at) VALUES (?, ?::text[], ?)
				ON CONFLICT (value) DO UPDATE SET changed_at = EXCLUDED.changed_at,
				  withheld_in = ARRAY(SELECT DISTINCT unnest(sample_platform_item.withheld_in || EXCLUDED.withheld_in)
				    ORDER BY 1)""").params(item.value(), codes, now()).update();
	}

	@Override
	public void remove(ContentItem item) {
		this.jdbc.sql("""
				INSERT INTO sample_platform_item (value, removed, changed_at) VALUES (?, true, ?)
				ON CONFLICT (value) DO UPDATE SET removed = true, changed_at = EXCLUDED.changed_at""")
			.params(item.value(), now())
			.update();
	}

	@Override
	public void restore(ContentItem item) {
		this.jdbc
			.sql("""
					INSERT INTO sample_platform_item (value, changed_at) VALUES (?, ?)
					ON CONFLICT (value) DO UPDATE SET removed = false, withheld_in = '{}', changed_at = EXCLUDED.changed_at""")
			.params(item.value(), now())
			.update();
	}

	/**
	 * An item the sample platform carries, posted by an account: the sample's stand-in
	 * for a platform's own record of who posted what, which {@link #ownerOf} reads for
	 * the holder's notice. Its visibility is left as it is.
	 */
	@Transactional
	public void carry(String value, String ownerAccount) {
		this.jdbc.sql("""
				INSERT INTO sample_platform_item (value, owner_account, changed_at) VALUES (?, ?, ?)
				ON CONFLICT (value) DO UPDATE SET owner_account = EXCLUDED.owner_account""")
			.params(value, ownerAccount, now())
			.update();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<String> ownerOf(ContentItem item) {
		return this.jdbc
			.sql("SELECT owner_account FROM sample_platform_item WHERE value = ? AND owner_account IS NOT NULL")
			.param(item.value())
			.query(String.class)
			.optional();
	}

	/** What a viewer in a jurisdiction sees of an item. */
	@Transactional(readOnly = true)
	public Visibility visibility(String value, Jurisdiction from) {
		return this.jdbc.sql("SELECT withheld_in, removed FROM sample_platform_item WHERE value = ?")
			.param(value)
			.query((rs, row) -> {
				List<String> withheld = List.of((String[]) rs.getArray("withheld_in").getArray());
				boolean removed = rs.getBoolean("removed");
				return new Visibility(value, from.code(), !removed && !withheld.contains(from.code()), removed,
						withheld);
			})
			.optional()
			.orElse(new Visibility(value, from.code(), true, false, List.of()));
	}

	private java.time.OffsetDateTime now() {
		return Instant.now(this.clock).atOffset(java.time.ZoneOffset.UTC);
	}

	/**
	 * An item as a viewer in {@code from} sees it: visible, or withheld there, or removed
	 * everywhere.
	 */
	public record Visibility(String value, String from, boolean visible, boolean removed, List<String> withheldIn) {
	}

}
