package org.custodian.disclosure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.custodian.shared.DataCategory;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the disclosure module ({@code custodian.disclosure.*}).
 *
 * @param source which {@link RecordSource} runs: {@code sample} or {@code jdbc}
 * @param storage where production packages are written (a volume shared by the nodes)
 * @param retention how long a package stays downloadable before it is purged
 * @param maxAttempts how often a failing build is tried before the production fails
 * @param retryDelay the wait between attempts
 * @param purgeInterval how often expired packages are looked for
 * @param followUpWithin how soon an emergency disclosure needs its follow-up legal
 * process
 * @param jdbc the JDBC connector's settings
 * @param compressionLevel the deflate level of package files, 0 (store) to 9; 1 by
 * default (where deflating pays at all, see {@code EntryEncoder})
 * @param buildParallelism how many parts of a package are built at once (the cores, at
 * most 4, by default: each holds a connection of the record source while it reads)
 */
@ConfigurationProperties("custodian.disclosure")
public record DisclosureProperties(String source, Path storage, Duration retention, int maxAttempts,
		Duration retryDelay, Duration purgeInterval, Duration followUpWithin, Jdbc jdbc, Integer compressionLevel,
		Integer buildParallelism) {

	public DisclosureProperties {
		source = (source != null) ? source : "sample";
		storage = (storage != null) ? storage : Path.of("data", "productions");
		retention = (retention != null) ? retention : Duration.ofDays(30);
		maxAttempts = (maxAttempts > 0) ? maxAttempts : 3;
		retryDelay = (retryDelay != null) ? retryDelay : Duration.ofMinutes(1);
		purgeInterval = (purgeInterval != null) ? purgeInterval : Duration.ofHours(1);
		followUpWithin = (followUpWithin != null) ? followUpWithin : Duration.ofDays(30);
		jdbc = (jdbc != null) ? jdbc : new Jdbc(null, null, null, Map.of(), Map.of());
		compressionLevel = (compressionLevel != null) ? compressionLevel : 1;
		if (compressionLevel < 0 || compressionLevel > 9) {
			throw new IllegalArgumentException("custodian.disclosure.compression-level must be 0 to 9");
		}
		buildParallelism = (buildParallelism != null && buildParallelism > 0) ? buildParallelism
				: Math.min(4, Runtime.getRuntime().availableProcessors());
	}

	/**
	 * The JDBC connector: a platform's own (replica) database and one query per category.
	 * A query takes the named parameters {@code :account}, {@code :from} (inclusive) and
	 * {@code :to} (exclusive), both timestamps, and returns the columns {@code kind},
	 * {@code occurred_at} (null for a state) and one column per field.
	 *
	 * @param url the database, or empty to use Custodian's own
	 * @param username its user
	 * @param password its password
	 * @param queries the SQL per category
	 * @param fields the field columns per category
	 */
	public record Jdbc(String url, String username, String password, Map<DataCategory, String> queries,
			Map<DataCategory, List<String>> fields) {

		public Jdbc {
			queries = (queries != null) ? queries : Map.of();
			fields = (fields != null) ? fields : Map.of();
		}

	}

}
