package org.custodian.removal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A decision on one item as a statement of reasons in the layout of the EU's DSA
 * Transparency Database API ({@code POST /api/v1/statement}, DSA Art. 17 and 24(5)):
 * field names and values as that API defines them. A restriction in a jurisdiction rests
 * on the order's law (illegal content); a global removal on the platform's own terms.
 * Only decisions that act on content have a statement.
 */
public final class StatementOfReasons {

	/**
	 * EU and EEA member states: the only codes the database accepts as territorial scope.
	 */
	static final Set<String> EUROPEAN = Set.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR",
			"HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "IS", "LI", "NO");

	private StatementOfReasons() {
	}

	/**
	 * @param request the removal request
	 * @param item the decided item, given effect
	 * @param reasoning the approved proposal's reasoning
	 */
	static Map<String, Object> of(RemovalRequest request, RemovalRequest.Item item, String reasoning) {
		boolean restrict = item.decision() == ItemDecision.RESTRICT_IN_JURISDICTION;
		Map<String, Object> statement = new LinkedHashMap<>();
		if (item.kind() == ItemKind.ACCOUNT) {
			statement.put("decision_account", restrict ? "DECISION_ACCOUNT_SUSPENDED" : "DECISION_ACCOUNT_TERMINATED");
		}
		else {
			statement.put("decision_visibility",
					List.of(restrict ? "DECISION_VISIBILITY_CONTENT_DISABLED" : "DECISION_VISIBILITY_CONTENT_REMOVED"));
		}
		if (restrict && request.basis() != RemovalBasis.POLICY_REFERRAL) {
			statement.put("decision_ground", "DECISION_GROUND_ILLEGAL_CONTENT");
			statement.put("illegal_content_legal_ground", limit(request.legalBasis(), 500));
			statement.put("illegal_content_explanation", limit(reasoning, 2000));
		}
		else {
			statement.put("decision_ground", "DECISION_GROUND_INCOMPATIBLE_CONTENT");
			statement.put("incompatible_content_ground", "The platform's terms of service");
			statement.put("incompatible_content_explanation", limit(reasoning, 2000));
			statement.put("incompatible_content_illegal", "No");
		}
		statement.put("content_type", List.of(contentType(item.kind())));
		if (item.kind() != ItemKind.APP) {
			statement.put("content_type_other", switch (item.kind()) {
				case URL -> "Web page";
				case POST_ID -> "Post";
				default -> "Account";
			});
		}
		statement.put("category", category(request.reason()));
		if (restrict) {
			statement.put("territorial_scope", item.effectIn().stream().filter(EUROPEAN::contains).sorted().toList());
		}
		statement.put("content_date", date(request.receivedAt()));
		statement.put("application_date", date(item.effectGivenAt()));
		statement.put("decision_facts", limit("On the order of " + request.issuingAuthority() + " ("
				+ request.caseNumber() + "): " + request.explanation(), 5000));
		statement.put("source_type", "SOURCE_TYPE_OTHER_NOTIFICATION");
		statement.put("source_identity", limit(request.issuingAuthority(), 500));
		statement.put("automated_detection", "No");
		statement.put("automated_decision", "AUTOMATED_DECISION_NOT_AUTOMATED");
		statement.put("puid", item.id().toString());
		return statement;
	}

	private static String contentType(ItemKind kind) {
		return (kind == ItemKind.APP) ? "CONTENT_TYPE_APP" : "CONTENT_TYPE_OTHER";
	}

	static String category(RemovalReason reason) {
		return "STATEMENT_CATEGORY_" + switch (reason) {
			case DEFAMATION, HATE_SPEECH -> "ILLEGAL_OR_HARMFUL_SPEECH";
			case PRIVACY -> "DATA_PROTECTION_AND_PRIVACY_VIOLATIONS";
			case NATIONAL_SECURITY -> "RISK_FOR_PUBLIC_SECURITY";
			case GOVERNMENT_CRITICISM -> "NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS";
			case VIOLENCE -> "VIOLENCE";
			case FRAUD -> "SCAMS_AND_FRAUD";
			case REGULATED_GOODS -> "UNSAFE_AND_ILLEGAL_PRODUCTS";
			case COPYRIGHT -> "INTELLECTUAL_PROPERTY_INFRINGEMENTS";
			case OTHER -> "SCOPE_OF_PLATFORM_SERVICE";
		};
	}

	private static String date(java.time.Instant instant) {
		return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
	}

	private static String limit(String text, int max) {
		return (text == null || text.length() <= max) ? text : text.substring(0, max);
	}

}
