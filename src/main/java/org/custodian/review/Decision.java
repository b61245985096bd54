package org.custodian.review;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.custodian.policy.CategoryFinding;
import org.custodian.review.Assessment.Consideration;
import org.custodian.shared.DataCategory;
import org.custodian.shared.FieldProblems;
import org.custodian.shared.StaffId;

/**
 * A reviewer's proposed decision, checked against what was requested and what the
 * legal-tier screening allows: an approval can never cover a category the instrument does
 * not support.
 */
public record Decision(UUID id, Outcome outcome, Set<DataCategory> categories, String reason,
		RejectionReason rejectionReason, Assessment assessment, StaffId proposedBy, Instant proposedAt) {

	/**
	 * A decision as a reviewer sent it.
	 */
	public record Form(String outcome, List<String> categories, String reason, String rejectionReason,
			Map<String, FindingForm> assessment) {
	}

	/**
	 * One consideration as sent.
	 */
	public record FindingForm(String verdict, String note) {

		/**
		 * The assessment as a form posts it, each consideration under
		 * {@code assessment.<field>.verdict} and {@code assessment.<field>.note}: the
		 * same fields on every page that asks for one.
		 * @param field a form field's value by name (null if not sent)
		 */
		public static Map<String, FindingForm> fromFields(Function<String, String> field) {
			Map<String, FindingForm> assessment = new LinkedHashMap<>();
			for (Consideration consideration : Consideration.values()) {
				String prefix = "assessment." + consideration.field();
				assessment.put(consideration.field(),
						new FindingForm(field.apply(prefix + ".verdict"), field.apply(prefix + ".note")));
			}
			return assessment;
		}

	}

	/**
	 * Checks a proposal and reports every problem by field.
	 * @param form the proposal
	 * @param requested the categories the agency asked for
	 * @param screening what the legal-tier rules found for each requested category
	 * @param proposer the reviewer
	 * @param now when
	 * @return the checked decision
	 */
	public static Decision check(Form form, Set<DataCategory> requested, List<CategoryFinding> screening,
			StaffId proposer, Instant now) {
		FieldProblems problems = new FieldProblems();
		Outcome outcome = problems.enumValue(Outcome.class, form.outcome(), "outcome", true);
		String reason = problems.required(form.reason(), "reason", 8000);
		RejectionReason rejection = problems.enumValue(RejectionReason.class, form.rejectionReason(), "rejectionReason",
				outcome == Outcome.REJECT);
		Set<DataCategory> categories = categories(form, outcome, requested, screening, problems);
		Assessment assessment = Assessment.check(form.assessment(), problems);
		if (outcome != null && outcome.discloses() && assessment != null) {
			assessment.unsatisfiedFields()
				.forEach((field) -> problems.add(field,
						"is NOT_SATISFIED: a disclosure cannot rest on an unsatisfied consideration"));
		}
		problems.throwIfAny();
		return new Decision(UUID.randomUUID(), outcome, categories, reason,
				(outcome == Outcome.REJECT) ? rejection : null, assessment, proposer, now);
	}

	private static Set<DataCategory> categories(Form form, Outcome outcome, Set<DataCategory> requested,
			List<CategoryFinding> screening, FieldProblems problems) {
		Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
		List<String> names = (form.categories() != null) ? form.categories() : List.of();
		for (int i = 0; i < names.size(); i++) {
			String field = "categories[" + i + "]";
			DataCategory category = problems.enumValue(DataCategory.class, names.get(i), field, true);
			if (category == null) {
				continue;
			}
			if (!requested.contains(category)) {
				problems.add(field, category + " was not requested");
				continue;
			}
			screening.stream()
				.filter((finding) -> finding.category() == category && !finding.verdict().permitsDisclosure())
				.findFirst()
				.ifPresent((finding) -> problems.add(field, category + " cannot be disclosed: " + finding.note()));
			categories.add(category);
		}
		if (outcome == null) {
			return categories;
		}
		if (outcome.discloses()) {
			problems.check(!categories.isEmpty(), "categories", "a disclosure needs at least one category");
			problems.check(outcome != Outcome.DISCLOSE_PARTIAL || categories.size() < requested.size(), "categories",
					"a partial disclosure discloses fewer categories than were requested; use DISCLOSE for all");
		}
		else {
			problems.check(categories.isEmpty(), "categories", "only a disclosure names categories");
		}
		return categories;
	}

}
