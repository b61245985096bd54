package org.custodian.shared;

/**
 * What an agency asks for: disclosure under legal process, voluntary disclosure in an
 * emergency, or preservation of records pending legal process.
 */
public enum RequestType {

	LEGAL_PROCESS, EMERGENCY, PRESERVATION

}
