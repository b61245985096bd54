package org.custodian.audit;

/**
 * The end of the chain at some moment.
 *
 * @param events the number of events in the log (the sequence number of the newest)
 * @param hash the newest event's hash, or 64 zeros when the log is empty
 */
public record AuditHead(long events, String hash) {
}
