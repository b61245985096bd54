package org.custodian.removal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.custodian.accounts.Account;
import org.custodian.accounts.AccountDirectory;
import org.custodian.notice.HolderNotices;
import org.custodian.shared.TargetKind;

import org.springframework.stereotype.Component;

/**
 * The statement of reasons to the affected account holder (DSA Art. 17) when an item is
 * withheld or removed: what, where, on whose request, on which legal ground, and a
 * one-time link to appeal. The holder is the account itself for an ACCOUNT item, else the
 * account the platform says posted it ({@link ContentControls#ownerOf}); an item without
 * a known holder gets no notice.
 */
@Component
class RemovalNotices {

	static final String EFFECT = "removal-effect";

	static final String APPEAL_DECIDED = "appeal-decided";

	static final String APPEAL_PATH = "/appeal";

	private final AccountDirectory accounts;

	private final List<ContentControls> controls;

	private final HolderNotices notices;

	RemovalNotices(AccountDirectory accounts, List<ContentControls> controls, HolderNotices notices) {
		this.accounts = accounts;
		this.controls = controls;
		this.notices = notices;
	}

	/**
	 * Queues the holder's notice of an effect just given, in the caller's transaction.
	 */
	void effectGiven(RemovalRequest request, RemovalRequest.Item item, String effect, List<String> where, Instant now) {
		holder(item.content()).ifPresent((accountId) -> {
			Map<String, String> values = new TreeMap<>();
			values.put("caseNumber", request.caseNumber());
			values.put("authority", request.issuingAuthority());
			values.put("jurisdiction", request.jurisdiction().code());
			values.put("item", describe(item));
			values.put("effect", "REMOVED".equals(effect) ? "removed for everyone" : "withheld from viewers");
			values.put("where", "REMOVED".equals(effect) ? "everywhere" : String.join(", ", where));
			values.put("legalGround", (request.legalBasis() != null) ? request.legalBasis()
					: "no legal order: a referral claiming the content breaks the platform's rules");
			this.notices.queue(
					new HolderNotices.Notice(accountId, EFFECT, RemovalAudit.ITEM, item.id(), values, APPEAL_PATH),
					now);
		});
	}

	/** Queues the holder's notice of an appeal's outcome, in the caller's transaction. */
	void appealDecided(RemovalRequest request, RemovalRequest.Item item, String accountId, String outcome,
			String reason, Instant now) {
		Map<String, String> values = new TreeMap<>();
		values.put("caseNumber", request.caseNumber());
		values.put("item", describe(item));
		values.put("outcome", "RESTORE".equals(outcome) ? "your content is visible again"
				: "the decision stands; your content stays restricted");
		values.put("reason", reason);
		this.notices.queue(
				new HolderNotices.Notice(accountId, APPEAL_DECIDED, RemovalAudit.ITEM, item.id(), values, null), now);
	}

	/** The account holding the item, if known. */
	Optional<String> holder(ContentItem item) {
		if (item.kind() == ItemKind.ACCOUNT) {
			return this.accounts.resolve(TargetKind.USERNAME, item.value())
				.or(() -> this.accounts.resolve(TargetKind.USER_ID, item.value()))
				.map(Account::id);
		}
		return this.controls.stream().map((control) -> control.ownerOf(item)).flatMap(Optional::stream).findFirst();
	}

	private static String describe(RemovalRequest.Item item) {
		return item.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + item.value();
	}

}
