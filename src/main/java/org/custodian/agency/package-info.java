/**
 * Requesting agencies and their officers: registration, verification, suspension, the
 * e-mail domains that prove an officer belongs to an agency.
 */
package org.custodian.agency;
