package org.custodian.disclosure;

import java.time.Instant;
import java.util.Map;

/**
 * One record of a platform's data: what it is ({@code profile}, {@code login},
 * {@code message}, …), when it happened (null for a state such as a profile, which is
 * exported as it stands) and its fields by name.
 */
public record DataRecord(String kind, Instant at, Map<String, String> fields) {
}
