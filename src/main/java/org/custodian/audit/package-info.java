/**
 * The append-only, hash-chained audit log: every state change, write and staff read, and
 * the verification that proves none of it was altered.
 */
package org.custodian.audit;
