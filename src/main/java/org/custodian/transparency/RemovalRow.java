package org.custodian.transparency;

import java.util.Map;

/**
 * One jurisdiction's government removal requests in a period's report (DSA Art. 15(1)(a)
 * asks for the same): requests and items by the requesting authority's jurisdiction, by
 * what they rested on and why, what was done with each item, and how fast.
 *
 * @param jurisdiction the requesting authority's jurisdiction
 * @param requests removal requests received in the period
 * @param items the items (posts, URLs, accounts, apps) they named
 * @param requestsByBasis requests per basis (court order, legal order, DSA Art. 9 order,
 * policy referral)
 * @param requestsByReason requests per reason the authority gave
 * @param itemsRestrictedHere items withheld only where the order's law applies
 * @param itemsRemovedGlobally items removed everywhere for breaking the platform's policy
 * @param itemsNoAction items left as they were
 * @param itemsRestored items restored after their effect had been given
 * @param medianHoursToEffect the median time from receipt to the effect given
 * (restricted, removed or no action) over the items given one, in hours to one decimal;
 * null if none
 * @param appealsLodged appeals the holders of the items lodged against the effect given
 * (DSA Art. 20), counted with the items' request
 * @param appealsUpheld of those, appeals decided by keeping the effect
 * @param appealsRestored of those, appeals decided by restoring the item
 */
public record RemovalRow(String jurisdiction, long requests, long items, Map<String, Long> requestsByBasis,
		Map<String, Long> requestsByReason, long itemsRestrictedHere, long itemsRemovedGlobally, long itemsNoAction,
		long itemsRestored, Double medianHoursToEffect, long appealsLodged, long appealsUpheld, long appealsRestored) {
}
