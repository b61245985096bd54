/**
 * The platform's accounts as Custodian sees them: resolving the identifiers in a request
 * (user id, username, e-mail, phone) to accounts and their home jurisdictions.
 */
package org.custodian.accounts;
