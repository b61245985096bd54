package org.custodian.removal;

import java.util.UUID;

/**
 * One piece of content a removal request names, as the platform's controls receive it.
 *
 * @param id the item's id in Custodian: the same on every call about it
 * @param kind what it is
 * @param value its URL, post id, account or app identifier as the authority wrote it
 */
public record ContentItem(UUID id, ItemKind kind, String value) {
}
