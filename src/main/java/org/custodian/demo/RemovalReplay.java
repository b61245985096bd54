package org.custodian.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.custodian.identity.CurrentUser;
import org.custodian.identity.Role;
import org.custodian.notice.HolderNotices;
import org.custodian.removal.RemovalAppeals;
import org.custodian.removal.RemovalForm;
import org.custodian.removal.RemovalIntake;
import org.custodian.removal.RemovalProposalForm;
import org.custodian.removal.RemovalQueries;
import org.custodian.removal.RemovalReview;
import org.custodian.removal.RemovalViews;
import org.custodian.removal.sample.SampleContent;
import org.custodian.review.Decision;
import org.custodian.shared.StaffId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The removal requests the demo replays, through the real services under four eyes: Hong
 * Kong's of 2019 to 2021 (among them the app removal asked for on "credible information"
 * in October 2019, withheld in Hong Kong only) and a few orders from Germany and France
 * in the layout of DSA Art. 9 orders (the regulation applies from 2024; the demo shows
 * what its figures look like). After the national security law a human-rights lead
 * assesses each Hong Kong request before a decision is proposed. The holders of the app
 * and of a doxxing post appeal with the link of their notice ({@link #APPEALS}).
 */
@Component
@Profile("demo")
class RemovalReplay {

	private static final List<Planned> PLAN = List.of(
			new Planned("hkpf", "2019-08-19T03:00:00Z", "POLICY_REFERRAL", null, "VIOLENCE",
					"Hong Kong Police Force, Cyber Security and Technology Crime Bureau",
					"Posts said to coordinate attacks on police stations.", "POST_ID:hk-protest-1,POST_ID:hk-protest-2",
					"NO_ACTION:PROTECTED_EXPRESSION,NO_ACTION:INSUFFICIENT_INFORMATION", 3),
			new Planned("hkpf", "2019-10-09T02:00:00Z", "POLICY_REFERRAL", null, "VIOLENCE",
					"Hong Kong Police Force, Cyber Security and Technology Crime Bureau",
					"Credible information that the app is used to target and ambush police and to threaten "
							+ "residents where there is no police.",
					"APP:live.hkmap.app", "RESTRICT_IN_JURISDICTION", 1),
			new Planned("hkpf", "2019-10-28T04:00:00Z", "COURT_ORDER", "Interim injunction, HCA 1957/2019", "PRIVACY",
					"Court of First Instance of the High Court",
					"Posts disclosing personal data of police officers and their families (doxxing).",
					"POST_ID:hk-doxx-1,POST_ID:hk-doxx-2,POST_ID:hk-doxx-3",
					"RESTRICT_IN_JURISDICTION,RESTRICT_IN_JURISDICTION,REMOVE_GLOBALLY", 2),
			new Planned("hkpf", "2020-03-11T05:00:00Z", "LEGAL_ORDER", "Crimes Ordinance (Cap. 200), s. 161",
					"GOVERNMENT_CRITICISM", "Hong Kong Police Force",
					"Posts accusing the government of mishandling the epidemic.",
					"POST_ID:hk-covid-1,POST_ID:hk-covid-2",
					"NO_ACTION:PROTECTED_EXPRESSION,NO_ACTION:PROTECTED_EXPRESSION", 4),
			new Planned("hkpf", "2020-08-03T03:00:00Z", "LEGAL_ORDER",
					"National Security Law, art. 43; Implementation Rules, Schedule 4", "NATIONAL_SECURITY",
					"Hong Kong Police Force, National Security Department",
					"Accounts and posts said to incite secession.",
					"ACCOUNT:harbour.reporter,POST_ID:hk-nsl-1,POST_ID:hk-nsl-2",
					"NO_ACTION:PROTECTED_EXPRESSION,NO_ACTION:PROTECTED_EXPRESSION,NO_ACTION:NOT_ILLEGAL_WHERE_CLAIMED",
					5),
			new Planned("hkpf", "2021-01-12T03:00:00Z", "LEGAL_ORDER",
					"National Security Law, art. 43; Implementation Rules, Schedule 4", "NATIONAL_SECURITY",
					"Hong Kong Police Force, National Security Department",
					"A website publishing personal data of police officers and of protest supporters.",
					"URL:https://hkchronicles.example/officers,URL:https://hkchronicles.example/index",
					"REMOVE_GLOBALLY,NO_ACTION:PROTECTED_EXPRESSION", 3),
			new Planned("bka", "2021-02-16T09:00:00Z", "DSA_ARTICLE_9", "§ 130 StGB (Volksverhetzung)", "HATE_SPEECH",
					"Bundeskriminalamt, Zentrale Meldestelle für strafbare Inhalte im Internet",
					"Posts inciting hatred against a religious group.",
					"POST_ID:de-hate-1,POST_ID:de-hate-2,POST_ID:de-hate-3",
					"RESTRICT_IN_JURISDICTION,RESTRICT_IN_JURISDICTION,REMOVE_GLOBALLY", 1),
			new Planned("bka", "2021-05-04T08:00:00Z", "DSA_ARTICLE_9", "§ 86a StGB", "HATE_SPEECH",
					"Bundeskriminalamt, Zentrale Meldestelle für strafbare Inhalte im Internet",
					"A post showing symbols of an unconstitutional organisation.", "POST_ID:de-symbol-1",
					"RESTRICT_IN_JURISDICTION", 1),
			new Planned("pn", "2021-03-22T10:00:00Z", "DSA_ARTICLE_9", "Code pénal, art. 421-2-5", "VIOLENCE",
					"Office central de lutte contre la criminalité liée aux technologies de l'information",
					"Posts glorifying a terrorist attack.", "POST_ID:fr-terror-1,POST_ID:fr-terror-2",
					"REMOVE_GLOBALLY,REMOVE_GLOBALLY", 1),
			new Planned("pn", "2021-06-08T09:00:00Z", "DSA_ARTICLE_9", "Loi du 29 juillet 1881, art. 32", "DEFAMATION",
					"Tribunal judiciaire de Paris", "A post accusing a mayor of corruption.", "POST_ID:fr-defamation-1",
					"NO_ACTION:INSUFFICIENT_INFORMATION", 2));

	/**
	 * The appeals of the replay, by the holders of two items of October 2019, each filed
	 * with the link of the holder's notice some days after the effect was given and
	 * decided later by a human-rights lead who took no part in the decision: the app
	 * withheld on "credible information" is restored (the referral showed no use of the
	 * app for attacks; it maps what its users report, as traffic apps do, and no law was
	 * cited), the doxxing post withheld under the court's injunction stays withheld.
	 */
	private static final List<PlannedAppeal> APPEALS = List.of(
			new PlannedAppeal("live.hkmap.app", "sample-hk-005", "developers@hkmap.hk.example",
					"The app shows where protests, police and closed roads are, from what its users report, as a "
							+ "traffic app does. It does not ask anyone to attack anyone, and no law was cited.",
					3, "RESTORE",
					"The referral names no law and gives no instance of the app being used to target police; "
							+ "showing what users report in public places is protected expression. The "
							+ "restriction rested on the claim alone.",
					14),
			new PlannedAppeal("hk-doxx-2", "sample-hk-006", "watch@mail.hk.example",
					"We report on police conduct; officers' names are a matter of public interest.", 2, "UPHOLD",
					"The post gives officers' home addresses and their children's school, which the court's "
							+ "injunction covers; reporting on police conduct does not need them. It stays withheld "
							+ "in Hong Kong only.",
					10));

	private static final Pattern TOKEN = Pattern.compile("[?&]token=([A-Za-z0-9_-]+)");

	private static final Duration LINK_WAIT = Duration.ofSeconds(20);

	private static final Logger log = LoggerFactory.getLogger(RemovalReplay.class);

	private static final Instant NATIONAL_SECURITY_LAW = ReplayPlan.LAW;

	private final RemovalIntake intake;

	private final RemovalReview review;

	private final RemovalQueries queries;

	private final RemovalAppeals appeals;

	private final HolderNotices holderNotices;

	private final ObjectProvider<SampleContent> content;

	private final ObjectProvider<DemoMailbox> mailbox;

	RemovalReplay(RemovalIntake intake, RemovalReview review, RemovalQueries queries, RemovalAppeals appeals,
			HolderNotices holderNotices, ObjectProvider<SampleContent> content, ObjectProvider<DemoMailbox> mailbox) {
		this.intake = intake;
		this.review = review;
		this.queries = queries;
		this.appeals = appeals;
		this.holderNotices = holderNotices;
		this.content = content;
		this.mailbox = mailbox;
	}

	/**
	 * Adds the removal requests' steps to the replay: submission, the lead's assessment
	 * where needed, the reviewer's proposal days later, the approver's approval, and the
	 * holders' appeals with their decisions.
	 * @param at adds a step at a moment
	 */
	void schedule(BiConsumer<Instant, Runnable> at, Map<String, StaffId> team, Map<String, CurrentUser> officers) {
		CurrentUser reviewer = CurrentUser.staff(team.get("reviewer"), Set.of(Role.REVIEWER));
		CurrentUser approver = CurrentUser.staff(team.get("approver"), Set.of(Role.APPROVER));
		CurrentUser lead = CurrentUser.staff(team.get("hr-lead"), Set.of(Role.HUMAN_RIGHTS_LEAD));
		CurrentUser appealLead = CurrentUser.staff(team.get("hr-lead-2"), Set.of(Role.HUMAN_RIGHTS_LEAD));
		for (Planned planned : PLAN) {
			Instant submitted = Instant.parse(planned.at());
			Instant proposed = submitted.plus(Duration.ofDays(planned.days()));
			Instant approved = proposed.plus(Duration.ofHours(4));
			List<PlannedAppeal> appealed = APPEALS.stream().filter((appeal) -> planned.names(appeal.item())).toList();
			at.accept(submitted, () -> {
				appealed.forEach((appeal) -> this.content
					.ifAvailable((platform) -> platform.carry(appeal.item(), appeal.holder())));
				UUID id = this.intake.submit(officers.get(planned.agency()), planned.form(submitted), null, null).id();
				if ("hkpf".equals(planned.agency()) && submitted.isAfter(NATIONAL_SECURITY_LAW)) {
					at.accept(proposed.minus(Duration.ofHours(3)),
							() -> this.review.recordHumanRightsReview(id, "CONCERN",
									"Order under the national security law; each item checked for protected "
											+ "expression before any restriction.",
									lead));
				}
				at.accept(proposed, () -> {
					List<UUID> items = this.queries.staffView(id, reviewer)
						.items()
						.stream()
						.map(RemovalViews.StaffItem::id)
						.toList();
					this.review.propose(id, planned.proposal(items), reviewer);
					at.accept(approved, () -> this.review.approve(id, true, "Agreed", approver));
					appealed.forEach((appeal) -> appeal(at, id, approved, appeal, appealLead));
				});
			});
		}
	}

	/**
	 * The holder appeals with the link their notice brought them, days after the effect;
	 * someone who did not decide the item decides the appeal later.
	 */
	private void appeal(BiConsumer<Instant, Runnable> at, UUID request, Instant approved, PlannedAppeal appeal,
			CurrentUser decider) {
		Instant filed = approved.plus(Duration.ofDays(appeal.filedAfterDays()));
		at.accept(filed, () -> {
			Optional<String> token = tokenSentTo(appeal.email(), filed);
			if (token.isEmpty()) {
				log.warn("No appeal link reached {} (mail goes to a real server, or no notice went out): no appeal",
						appeal.email());
				return;
			}
			UUID id = this.appeals.file(token.get(), appeal.statement());
			at.accept(filed.plus(Duration.ofDays(appeal.decidedAfterDays())),
					() -> this.appeals.decide(request, id, appeal.outcome(), appeal.reason(), decider));
		});
	}

	/**
	 * The token of the latest appeal link the demo's mailbox delivered to the address,
	 * once the notices due by now are sent; empty where mail goes to a real server.
	 */
	private Optional<String> tokenSentTo(String email, Instant now) {
		DemoMailbox box = this.mailbox.getIfAvailable();
		if (box == null) {
			return Optional.empty();
		}
		this.holderNotices.sendDue(now);
		// the notice job may be sending it at this moment: wait for it a little
		long deadline = System.nanoTime() + LINK_WAIT.toNanos();
		Optional<String> link = box.lastLinkTo(email, "/appeal?token=");
		while (link.isEmpty() && System.nanoTime() < deadline) {
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return Optional.empty();
			}
			this.holderNotices.sendDue(now);
			link = box.lastLinkTo(email, "/appeal?token=");
		}
		return link.map(TOKEN::matcher).filter(Matcher::find).map((matcher) -> matcher.group(1));
	}

	/**
	 * An appeal by the holder (a platform account) of one item, filed that many days
	 * after the effect was given, and decided ({@code UPHOLD} or {@code RESTORE}) that
	 * many days after it was filed.
	 */
	private record PlannedAppeal(String item, String holder, String email, String statement, int filedAfterDays,
			String outcome, String reason, int decidedAfterDays) {
	}

	/**
	 * One planned removal request: items as {@code KIND:value,...} and their decisions in
	 * the same order ({@code DECISION} or {@code NO_ACTION:reason}); proposed that many
	 * days after it arrives.
	 */
	private record Planned(String agency, String at, String basis, String legalBasis, String reason, String authority,
			String explanation, String items, String decisions, int days) {

		/** Whether the request names the item. */
		boolean names(String value) {
			return List.of(this.items.split(",")).stream().anyMatch((item) -> item.split(":", 2)[1].equals(value));
		}

		RemovalForm form(Instant submitted) {
			List<RemovalForm.ItemForm> forms = new ArrayList<>();
			for (String item : this.items.split(",")) {
				String[] parts = item.split(":", 2);
				forms.add(new RemovalForm.ItemForm(parts[0], parts[1]));
			}
			String respondBy = LocalDate.ofInstant(submitted, ZoneOffset.UTC).plusDays(14).toString();
			return new RemovalForm(this.basis, this.legalBasis, this.authority, forms, this.reason, this.explanation,
					List.of(DemoAgency.of(this.agency).jurisdiction()), respondBy);
		}

		/**
		 * The reviewer's decisions for the request's items, in order, on a full
		 * assessment.
		 */
		RemovalProposalForm proposal(List<UUID> itemIds) {
			String[] decided = this.decisions.split(",");
			List<RemovalProposalForm.ItemDecisionForm> items = new ArrayList<>();
			for (int i = 0; i < decided.length; i++) {
				String[] parts = decided[i].split(":", 2);
				items.add(new RemovalProposalForm.ItemDecisionForm(itemIds.get(i).toString(), parts[0],
						(parts.length > 1) ? parts[1] : null));
			}
			Map<String, Decision.FindingForm> assessment = new LinkedHashMap<>();
			for (String consideration : List.of("legality", "legitimateAim", "necessity", "proportionality",
					"competentAuthority", "companyPolicy", "humanRights")) {
				assessment.put(consideration,
						new Decision.FindingForm("SATISFIED", "Checked item by item against the order and local law"));
			}
			return new RemovalProposalForm(items, "Each item checked against the order, local law and our rules",
					assessment);
		}

	}

}
