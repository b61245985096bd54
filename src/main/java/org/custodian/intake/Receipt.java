package org.custodian.intake;

import org.custodian.shared.RequestId;

/**
 * What an officer gets back for a submission.
 *
 * @param id the request's id
 * @param caseNumber the readable case number, e.g. CR-2026-000042
 * @param replayed whether this answers a repeated Idempotency-Key
 */
public record Receipt(RequestId id, String caseNumber, boolean replayed) {
}
