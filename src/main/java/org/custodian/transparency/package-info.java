/**
 * The transparency report: what authorities asked for and what was given, per half-year
 * and jurisdiction, computed by SQL aggregates over a ledger fed by the lifecycle's
 * events.
 */
package org.custodian.transparency;
