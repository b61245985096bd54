package org.custodian.removal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.custodian.shared.AgencyId;
import org.custodian.shared.Jurisdiction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each decision exported as a statement of reasons passes the DSA Transparency Database's
 * own rules for {@code POST /api/v1/statement} (its StatementStoreRequest): the required
 * fields, the fields a ground requires, and the allowed values.
 */
class StatementOfReasonsTests {

	private static final Set<String> VISIBILITIES = Set.of("DECISION_VISIBILITY_CONTENT_REMOVED",
			"DECISION_VISIBILITY_CONTENT_DISABLED", "DECISION_VISIBILITY_CONTENT_DEMOTED",
			"DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED", "DECISION_VISIBILITY_CONTENT_INTERACTION_RESTRICTED",
			"DECISION_VISIBILITY_CONTENT_LABELLED", "DECISION_VISIBILITY_OTHER");

	private static final Set<String> ACCOUNTS = Set.of("DECISION_ACCOUNT_SUSPENDED", "DECISION_ACCOUNT_TERMINATED");

	private static final Set<String> GROUNDS = Set.of("DECISION_GROUND_ILLEGAL_CONTENT",
			"DECISION_GROUND_INCOMPATIBLE_CONTENT");

	private static final Set<String> CONTENT_TYPES = Set.of("CONTENT_TYPE_APP", "CONTENT_TYPE_AUDIO",
			"CONTENT_TYPE_IMAGE", "CONTENT_TYPE_PRODUCT", "CONTENT_TYPE_SYNTHETIC_MEDIA", "CONTENT_TYPE_TEXT",
			"CONTENT_TYPE_VIDEO", "CONTENT_TYPE_OTHER");

	private static final Set<String> CATEGORIES = Set.of("STATEMENT_CATEGORY_ANIMAL_WELFARE",
			"STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS", "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH",
			"STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS",
			"STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS",
			"STATEMENT_CATEGORY_NON_CONSENSUAL_BEHAVIOUR", "STATEMENT_CATEGORY_PORNOGRAPHY_OR_SEXUALIZED_CONTENT",
			"STATEMENT_CATEGORY_PROTECTION_OF_MINORS", "STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY",
			"STATEMENT_CATEGORY_SCAMS_AND_FRAUD", "STATEMENT_CATEGORY_SELF_HARM",
			"STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE", "STATEMENT_CATEGORY_UNSAFE_AND_ILLEGAL_PRODUCTS",
			"STATEMENT_CATEGORY_VIOLENCE");

	private static final Set<String> SOURCE_TYPES = Set.of("SOURCE_ARTICLE_16", "SOURCE_TRUSTED_FLAGGER",
			"SOURCE_TYPE_OTHER_NOTIFICATION", "SOURCE_VOLUNTARY");

	private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	@Test
	void everyDecisionThatActsOnContentIsAValidStatement() {
		for (RemovalBasis basis : RemovalBasis.values()) {
			for (RemovalReason reason : RemovalReason.values()) {
				for (ItemKind kind : ItemKind.values()) {
					for (ItemDecision decision : List.of(ItemDecision.RESTRICT_IN_JURISDICTION,
							ItemDecision.REMOVE_GLOBALLY)) {
						Map<String, Object> statement = StatementOfReasons.of(request(basis, reason),
								item(kind, decision), "Checked against the order and local law");
						assertThat(problems(statement))
							.as(basis + " " + reason + " " + kind + " " + decision + ": " + statement)
							.isEmpty();
					}
				}
			}
		}
	}

	@Test
	void aRestrictionUnderAnOrderRestsOnItsLawInTheEuropeanPartOfItsScope() {
		Map<String, Object> statement = StatementOfReasons.of(
				request(RemovalBasis.DSA_ARTICLE_9, RemovalReason.HATE_SPEECH),
				item(ItemKind.POST_ID, ItemDecision.RESTRICT_IN_JURISDICTION), "Incitement under § 130 StGB");
		assertThat(statement).containsEntry("decision_ground", "DECISION_GROUND_ILLEGAL_CONTENT")
			.containsEntry("illegal_content_legal_ground", "NetzDG; StGB § 130")
			.containsEntry("territorial_scope", List.of("DE", "FR"))
			.containsEntry("decision_visibility", List.of("DECISION_VISIBILITY_CONTENT_DISABLED"))
			.containsEntry("category", "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH")
			.containsEntry("application_date", "2021-03-02");
		Map<String, Object> referral = StatementOfReasons.of(
				request(RemovalBasis.POLICY_REFERRAL, RemovalReason.VIOLENCE),
				item(ItemKind.APP, ItemDecision.REMOVE_GLOBALLY), "Breaks the store's rules");
		assertThat(referral).containsEntry("decision_ground", "DECISION_GROUND_INCOMPATIBLE_CONTENT")
			.containsEntry("content_type", List.of("CONTENT_TYPE_APP"))
			.doesNotContainKey("territorial_scope");
	}

	/** The database's validation rules, as its API documentation gives them. */
	private static List<String> problems(Map<String, Object> s) {
		List<String> problems = new ArrayList<>();
		boolean visibility = s.get("decision_visibility") != null;
		if (!visibility && s.get("decision_account") == null && s.get("decision_monetary") == null
				&& s.get("decision_provision") == null) {
			problems.add("one of decision_visibility, decision_monetary, decision_provision, decision_account");
		}
		if (visibility && !VISIBILITIES.containsAll((Collection<?>) s.get("decision_visibility"))) {
			problems.add("decision_visibility");
		}
		if (s.get("decision_account") != null && !ACCOUNTS.contains(s.get("decision_account"))) {
			problems.add("decision_account");
		}
		Object ground = s.get("decision_ground");
		if (!GROUNDS.contains(ground)) {
			problems.add("decision_ground");
		}
		if ("DECISION_GROUND_ILLEGAL_CONTENT".equals(ground)) {
			requireText(s, "illegal_content_legal_ground", 500, problems);
			requireText(s, "illegal_content_explanation", 2000, problems);
		}
		if ("DECISION_GROUND_INCOMPATIBLE_CONTENT".equals(ground)) {
			requireText(s, "incompatible_content_ground", 500, problems);
			requireText(s, "incompatible_content_explanation", 2000, problems);
			if (s.get("incompatible_content_illegal") != null
					&& !Set.of("Yes", "No").contains(s.get("incompatible_content_illegal"))) {
				problems.add("incompatible_content_illegal");
			}
		}
		Object types = s.get("content_type");
		if (!(types instanceof Collection<?> list) || list.isEmpty() || !CONTENT_TYPES.containsAll(list)) {
			problems.add("content_type");
		}
		else if (list.contains("CONTENT_TYPE_OTHER")) {
			requireText(s, "content_type_other", 500, problems);
		}
		if (!CATEGORIES.contains(s.get("category"))) {
			problems.add("category");
		}
		if (s.get("territorial_scope") != null
				&& !StatementOfReasons.EUROPEAN.containsAll((Collection<?>) s.get("territorial_scope"))) {
			problems.add("territorial_scope");
		}
		for (String date : List.of("content_date", "application_date")) {
			Object value = s.get(date);
			if (!(value instanceof String text) || !DATE.matcher(text).matches()
					|| !LocalDate.parse(text).isAfter(LocalDate.of(2020, 1, 1))) {
				problems.add(date);
			}
		}
		requireText(s, "decision_facts", 5000, problems);
		if (!SOURCE_TYPES.contains(s.get("source_type"))) {
			problems.add("source_type");
		}
		if (!Set.of("Yes", "No").contains(s.get("automated_detection"))) {
			problems.add("automated_detection");
		}
		if (!Set.of("AUTOMATED_DECISION_FULLY", "AUTOMATED_DECISION_PARTIALLY", "AUTOMATED_DECISION_NOT_AUTOMATED")
			.contains(s.get("automated_decision"))) {
			problems.add("automated_decision");
		}
		requireText(s, "puid", 500, problems);
		return problems;
	}

	private static void requireText(Map<String, Object> s, String field, int max, List<String> problems) {
		Object value = s.get(field);
		if (!(value instanceof String text) || text.isBlank() || text.length() > max) {
			problems.add(field);
		}
	}

	private static RemovalRequest request(RemovalBasis basis, RemovalReason reason) {
		Set<Jurisdiction> scope = new LinkedHashSet<>(
				List.of(Jurisdiction.of("DE"), Jurisdiction.of("FR"), Jurisdiction.of("HK")));
		return new RemovalRequest(UUID.randomUUID(), "RR-2021-000001", AgencyId.random(), UUID.randomUUID(),
				Jurisdiction.of("DE"), basis, (basis == RemovalBasis.POLICY_REFERRAL) ? null : "NetzDG; StGB § 130",
				"Bundesamt für Justiz", reason, "Posts inciting hatred against a group.", scope, null,
				RemovalStatus.DECIDED, null, null, Instant.parse("2021-03-01T09:00:00Z"),
				Instant.parse("2021-03-01T09:00:00Z"), null, List.of());
	}

	private static RemovalRequest.Item item(ItemKind kind, ItemDecision decision) {
		boolean restrict = decision == ItemDecision.RESTRICT_IN_JURISDICTION;
		return new RemovalRequest.Item(UUID.randomUUID(), 0, kind, "item-1", "DECIDED", UUID.randomUUID(), decision,
				null, restrict ? "RESTRICTED" : "REMOVED", restrict ? List.of("DE", "FR", "HK") : List.of(),
				Instant.parse("2021-03-02T10:00:00Z"), null, null);
	}

}
