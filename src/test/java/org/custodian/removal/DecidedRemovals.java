package org.custodian.removal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.custodian.notice.HolderNotices;
import org.custodian.support.World;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A removal request of three posts, each held by its own account, decided RESTRICT /
 * REMOVE / NO_ACTION by a reviewer, approved by an approver, and the holders' notices
 * sent.
 */
final class DecidedRemovals {

	private final Removals removals;

	private final Holders holders;

	private final HolderNotices notices;

	DecidedRemovals(Removals removals, Holders holders, HolderNotices notices) {
		this.removals = removals;
		this.holders = holders;
		this.notices = notices;
	}

	/** The request, its items in order and the three posts. */
	record Decided(String id, List<String> items, String restricted, String removed, String kept) {
	}

	Decided decide(World.Person officer, World.Person reviewer, World.Person approver, Holders.Holder restrictedBy,
			Holders.Holder removedBy, Holders.Holder keptBy) {
		String restricted = this.holders.postBy(restrictedBy);
		String removed = this.holders.postBy(removedBy);
		String kept = this.holders.postBy(keptBy);
		String id = this.removals.submit(officer, Removals.order(List.of("MC"), restricted, removed, kept));
		List<String> items = this.removals.itemIds(reviewer, id);
		Map<String, String> decisions = new LinkedHashMap<>();
		decisions.put(items.get(0), "RESTRICT_IN_JURISDICTION");
		decisions.put(items.get(1), "REMOVE_GLOBALLY");
		decisions.put(items.get(2), "NO_ACTION:PROTECTED_EXPRESSION");
		assertThat(this.removals.propose(reviewer, id, decisions).status()).isEqualTo(200);
		assertThat(this.removals.approve(approver, id).status()).isEqualTo(200);
		this.notices.sendDue(Instant.now());
		return new Decided(id, items, restricted, removed, kept);
	}

}
