/**
 * The sample platform's content: what Custodian's decisions do to its posts, accounts and
 * apps, and who holds them. Published (as {@code sample-platform}) for the demo, which
 * says who posted the items of its history.
 */
@org.springframework.modulith.NamedInterface("sample-platform")
package org.custodian.removal.sample;
