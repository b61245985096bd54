package org.custodian.shared;

/**
 * The legal instrument that backs a request; each compels certain data categories.
 */
public enum Instrument {

	SUBPOENA, COURT_ORDER, SEARCH_WARRANT, MLAT, NSL, OTHER

}
