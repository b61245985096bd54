package org.custodian.disclosure;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.custodian.shared.DataCategory;

/**
 * The data-source SPI: where a platform's records come from. Identifiers are resolved to
 * accounts by {@link org.custodian.accounts.AccountDirectory}; a source exports one
 * category of one account's records for a period. Implementations: the configurable JDBC
 * connector and the bundled sample platform.
 */
public interface RecordSource {

	/** The field names of a category's records, in column order for CSV. */
	List<String> fields(DataCategory category);

	/**
	 * The account's records of a category that happened within the period (both days
	 * inclusive, UTC), oldest first. States (records without a time) are always included.
	 * The caller closes the stream; it may hold a database cursor.
	 */
	Stream<DataRecord> export(String accountId, DataCategory category, LocalDate from, LocalDate to);

}
