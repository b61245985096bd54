/**
 * Government removal requests: an authority's order to restrict content, accounts or
 * apps, reviewed item by item under the same assessment, four eyes and pauses as data
 * requests, and given effect on the platform through
 * {@link org.custodian.removal.ContentControls}.
 */
package org.custodian.removal;
