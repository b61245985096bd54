/**
 * The production package format, with nothing but the JDK: WinZip AES-256 (AE-2) entries
 * encrypted with the JDK's AES, a canonical ZIP layout, and the offline verifier that an
 * agency runs from the small {@code verifier} jar.
 */
package org.custodian.disclosure.format;
