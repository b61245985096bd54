package org.custodian.disclosure;

import java.util.Optional;

import org.custodian.shared.RequestId;

/**
 * Where a request's records come from when it follows a preservation: implemented by the
 * preservation module, so that a referenced snapshot, not the live data, is produced.
 */
public interface PreservedRecords {

	/** The snapshot a request is to be produced from, if it references one. */
	Optional<RecordSource> sourceFor(RequestId request);

}
