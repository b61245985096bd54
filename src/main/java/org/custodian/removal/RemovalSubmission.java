package org.custodian.removal;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.custodian.shared.FieldProblems;
import org.custodian.shared.Jurisdiction;

/**
 * A checked removal request: it can only be built from a form that breaks no rule, with
 * every problem reported by field together.
 */
record RemovalSubmission(RemovalBasis basis, String legalBasis, String issuingAuthority, List<Item> items,
		RemovalReason reason, String explanation, Set<Jurisdiction> territorialScope, LocalDate respondBy) {

	static final int MAX_ITEMS = 1000;

	/** One item to act on. */
	record Item(ItemKind kind, String value) {
	}

	/**
	 * @param form the request as sent
	 * @param requester the requesting agency's jurisdiction: the territorial scope when
	 * none is given
	 * @param today the platform's date, for "not in the past"
	 * @param problems where to collect problems (a document's may already be there)
	 */
	static RemovalSubmission check(RemovalForm form, Jurisdiction requester, LocalDate today, FieldProblems problems) {
		if (form == null) {
			problems.add("request", "is required").throwIfAny();
		}
		RemovalBasis basis = problems.enumValue(RemovalBasis.class, form.basis(), "basis", true);
		String legalBasis = problems.optional(form.legalBasis(), "legalBasis", 2000);
		problems.check(basis == RemovalBasis.POLICY_REFERRAL || basis == null || legalBasis != null, "legalBasis",
				"is required for a legal order (e.g. the statute and section); only a POLICY_REFERRAL has none");
		String authority = problems.required(form.issuingAuthority(), "issuingAuthority", 500);
		List<Item> items = items(form.items(), problems);
		RemovalReason reason = problems.enumValue(RemovalReason.class, form.reason(), "reason", true);
		String explanation = problems.required(form.explanation(), "explanation", 8000);
		Set<Jurisdiction> scope = scope(form.territorialScope(), requester, problems);
		LocalDate respondBy = date(form.respondBy(), "respondBy", problems);
		problems.check(respondBy == null || !respondBy.isBefore(today), "respondBy", "is in the past");
		problems.throwIfAny();
		return new RemovalSubmission(basis, legalBasis, authority, items, reason, explanation, scope, respondBy);
	}

	private static List<Item> items(List<RemovalForm.ItemForm> forms, FieldProblems problems) {
		List<Item> items = new ArrayList<>();
		if (forms == null || forms.isEmpty()) {
			problems.add("items", "needs at least one item (a URL, post, account or app)");
			return items;
		}
		if (forms.size() > MAX_ITEMS) {
			problems.add("items", "has " + forms.size() + " entries; at most " + MAX_ITEMS + " are accepted");
			return items;
		}
		for (int i = 0; i < forms.size(); i++) {
			RemovalForm.ItemForm form = forms.get(i);
			if (form == null) {
				problems.add("items[" + i + "]", "is empty");
				continue;
			}
			ItemKind kind = problems.enumValue(ItemKind.class, form.kind(), "items[" + i + "].kind", true);
			String value = problems.required(form.value(), "items[" + i + "].value", 2000);
			if (kind == ItemKind.URL && value != null && !isWebAddress(value)) {
				problems.add("items[" + i + "].value", "is not an http(s) address");
			}
			else if (kind != null && value != null) {
				items.add(new Item(kind, value));
			}
		}
		return items;
	}

	private static boolean isWebAddress(String value) {
		try {
			URI uri = new URI(value);
			return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
					&& uri.getHost() != null;
		}
		catch (java.net.URISyntaxException ex) {
			return false;
		}
	}

	private static Set<Jurisdiction> scope(List<String> codes, Jurisdiction requester, FieldProblems problems) {
		Set<Jurisdiction> scope = new LinkedHashSet<>();
		if (codes == null || codes.isEmpty()) {
			scope.add(requester);
			return scope;
		}
		if (codes.size() > 300) {
			problems.add("territorialScope", "has more entries than there are jurisdictions");
			return scope;
		}
		for (int i = 0; i < codes.size(); i++) {
			String code = codes.get(i);
			if (Jurisdiction.isValid(code)) {
				scope.add(Jurisdiction.of(code));
			}
			else {
				problems.add("territorialScope[" + i + "]", "must be an ISO 3166-1 alpha-2 code such as HK");
			}
		}
		return scope;
	}

	private static LocalDate date(String value, String field, FieldProblems problems) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.trim());
		}
		catch (DateTimeParseException ex) {
			problems.add(field, "is not a date of the form 2020-07-01");
			return null;
		}
	}

}
