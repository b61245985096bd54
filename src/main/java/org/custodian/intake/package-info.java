/**
 * Intake: an officer's submission of a request, checked field by field, with its legal
 * document (kept with its SHA-256), idempotent replays and a readable case number.
 */
package org.custodian.intake;
