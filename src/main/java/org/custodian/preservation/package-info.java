/**
 * Preservation: sealed snapshots of the targets' records taken when a preservation
 * request is accepted, kept 90 days (extendable once), produced when a legal-process
 * request references them, and purged on expiry.
 */
package org.custodian.preservation;
