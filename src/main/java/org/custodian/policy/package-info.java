/**
 * Jurisdiction policies: the legal-tier rules (which instrument compels which data), and
 * their evaluation as pure functions.
 */
package org.custodian.policy;
