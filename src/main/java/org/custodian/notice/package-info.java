/**
 * User notice: tells each targeted account's holder about a disclosure before it happens,
 * unless a non-disclosure order runs, the request is an emergency or the account is
 * compromised; delayed notices go out when the order ends or 90 days after an emergency.
 */
package org.custodian.notice;
