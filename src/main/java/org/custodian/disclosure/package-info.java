/**
 * Disclosure: the data-source SPI and its connectors, production packages (signed,
 * encrypted, streamed), the officer's download, retention purge and the emergency
 * callback that must precede any emergency disclosure.
 */
package org.custodian.disclosure;
