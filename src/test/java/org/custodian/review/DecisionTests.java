package org.custodian.review;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.custodian.policy.CategoryFinding;
import org.custodian.policy.TierVerdict;
import org.custodian.review.Assessment.Consideration;
import org.custodian.review.Assessment.Verdict;
import org.custodian.review.Decision.FindingForm;
import org.custodian.review.Decision.Form;
import org.custodian.shared.DataCategory;
import org.custodian.shared.InvalidInputException;
import org.custodian.shared.InvalidInputException.FieldProblem;
import org.custodian.shared.StaffId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A proposed decision is checked against what was requested and what the legal-tier
 * screening allows, and every problem is named by its field.
 */
class DecisionTests {

	private static final Instant NOW = Instant.parse("2025-06-01T10:15:30Z");

	private static final StaffId REVIEWER = StaffId.random();

	private static final Set<DataCategory> SUBSCRIBER_AND_CONTENT = Set.of(DataCategory.BASIC_SUBSCRIBER,
			DataCategory.CONTENT);

	/** A subpoena: subscriber data yes, content no. */
	private static final List<CategoryFinding> SUBPOENA_SCREENING = List.of(
			new CategoryFinding(DataCategory.BASIC_SUBSCRIBER, TierVerdict.SUPPORTED, "A SUBPOENA compels it."),
			new CategoryFinding(DataCategory.CONTENT, TierVerdict.INSUFFICIENT_INSTRUMENT,
					"A SUBPOENA compels only [BASIC_SUBSCRIBER]; CONTENT needs a stronger instrument."));

	@Test
	void acceptsADisclosureOfWhatTheInstrumentSupports() {
		Decision decision = Decision.check(form("DISCLOSE", List.of("BASIC_SUBSCRIBER"), null, assessment()),
				SUBSCRIBER_AND_CONTENT, SUBPOENA_SCREENING, REVIEWER, NOW);

		assertThat(decision.outcome()).isEqualTo(Outcome.DISCLOSE);
		assertThat(decision.categories()).containsExactly(DataCategory.BASIC_SUBSCRIBER);
		assertThat(decision.reason()).isEqualTo("The instrument supports it.");
		assertThat(decision.rejectionReason()).isNull();
		assertThat(decision.proposedBy()).isEqualTo(REVIEWER);
		assertThat(decision.proposedAt()).isEqualTo(NOW);
		assertThat(decision.id()).isNotNull();
		assertThat(decision.assessment().findings()).containsOnlyKeys(Consideration.values());
		assertThat(decision.assessment().asMap().get("necessity")).containsEntry("verdict", "SATISFIED");
	}

	@Test
	void refusesToDiscloseContentTheInstrumentDoesNotCompel() {
		InvalidInputException refused = refused(
				() -> Decision.check(form("DISCLOSE", List.of("BASIC_SUBSCRIBER", "CONTENT"), null, assessment()),
						SUBSCRIBER_AND_CONTENT, SUBPOENA_SCREENING, REVIEWER, NOW));

		assertThat(refused.errors()).extracting(FieldProblem::field).containsExactly("categories[1]");
		assertThat(refused.errors().get(0).message()).contains("CONTENT cannot be disclosed")
			.contains("needs a stronger instrument");
	}

	@ParameterizedTest
	@EnumSource(value = TierVerdict.class, names = { "INSUFFICIENT_INSTRUMENT", "REQUIRES_MLAT", "PRESERVATION_ONLY" })
	void refusesToDiscloseACategoryScreeningDoesNotPermit(TierVerdict verdict) {
		List<CategoryFinding> screening = List.of(new CategoryFinding(DataCategory.CONTENT, verdict, "No."));

		InvalidInputException refused = refused(
				() -> Decision.check(form("DISCLOSE", List.of("CONTENT"), null, assessment()),
						Set.of(DataCategory.CONTENT), screening, REVIEWER, NOW));

		assertThat(fields(refused)).containsExactly("categories[0]");
	}

	@Test
	void permitsVoluntaryDisclosureInAnEmergency() {
		List<CategoryFinding> screening = List
			.of(new CategoryFinding(DataCategory.CONTENT, TierVerdict.VOLUNTARY, "Emergency: voluntary disclosure."));

		Decision decision = Decision.check(form("DISCLOSE", List.of("CONTENT"), null, assessment()),
				Set.of(DataCategory.CONTENT), screening, REVIEWER, NOW);

		assertThat(decision.categories()).containsExactly(DataCategory.CONTENT);
	}

	@Test
	void refusesACategoryThatWasNotRequested() {
		InvalidInputException refused = refused(
				() -> Decision.check(form("DISCLOSE", List.of("BASIC_SUBSCRIBER", "NON_CONTENT"), null, assessment()),
						SUBSCRIBER_AND_CONTENT, SUBPOENA_SCREENING, REVIEWER, NOW));

		assertThat(fields(refused)).containsExactly("categories[1]");
		assertThat(refused.errors().get(0).message()).isEqualTo("NON_CONTENT was not requested");
	}

	@Test
	void refusesAnUnknownCategory() {
		InvalidInputException refused = refused(
				() -> Decision.check(form("DISCLOSE", List.of("PASSWORDS"), null, assessment()), SUBSCRIBER_AND_CONTENT,
						SUBPOENA_SCREENING, REVIEWER, NOW));

		assertThat(fields(refused)).contains("categories[0]");
	}

	@Test
	void refusesARejectionWithoutAStructuredReason() {
		InvalidInputException refused = refused(() -> Decision.check(form("REJECT", List.of(), null, assessment()),
				SUBSCRIBER_AND_CONTENT, SUBPOENA_SCREENING, REVIEWER, NOW));

		assertThat(fields(refused)).containsExactly("rejectionReason");
	}

	@Test
	void keepsTheReasonOfARejection() {
		Decision decision = Decision.check(form("REJECT", null, "OVERBROAD", assessment()), SUBSCRIBER_AND_CONTENT,
				SUBPOENA_SCREENING, REVIEWER, NOW);

		assertThat(decision.outcome()).isEqualTo(Outcome.REJECT);
		assertThat(decision.rejectionReason()).isEqualTo(RejectionReason.OVERBROAD);
		assertThat(decision.categories()).isEmpty();
	}

	@Test
	void refusesAnUnknownRejectionReason() {
		InvalidInputException refused = refused(() -> Decision.check(form("REJECT", null, "BORED", assessment()),
				SUBSCRIBER_AND_CONTENT, SUBPOENA_SCREENING, REVIEWER, NOW));

		assertThat(fields(refused)).containsExactly("rejectionReason");
	}

	@Test
	void refusesAnAssessmentThatSkipsAConsideration() {
		Map<String, FindingForm> assessment = assessment();
		assessment.remove("necessity");
		assessment.remove("humanRights");

		InvalidInputException refused = refused(
				() -> Decision.check(form("DISCLOSE", List.of("BASIC_SUBSCRIBER"), null, assessment),
						SUBSCRIBER_AND_CONTENT, SUBPOENA_SCREENING, REVIEWER, NOW));

		assertThat(fields(refused)).containsExactlyInAnyOrder("assessment.necessity", "assessment.humanRights");
	}

	@Test
	void refusesADecisionWithoutAnAssessment() {
		InvalidInputException refused = refused(
				() -> Decision.check(form("DISCLOSE", List.of("BASIC_SUBSCRIBER"), null, null), SUBSCRIBER_AND_CONTENT,
						SUBPOENA_SCREENING, REVIEWER, NOW));

		assertThat(fields(refused)).containsExactly("assessment");
	}

	@Test
	void refusesAConsiderationWithoutVerdictOrNote() {
		Map<String, FindingForm> assessment = assessment();
		assessment.put("legality", new FindingForm("PROBABLY", " "));

		InvalidInputException refused = refused(
				() -> Decision.check(form("DISCLOSE", List.of("BASIC_SUBSCRIBER"), null, assessment),
						SUBSCRIBER_AND_CONTENT, SUBPOENA_SCREENING, REVIEWER, NOW));

		assertThat(fields(refused)).containsExactlyInAnyOrder("assessment.legality.verdict",
				"assessment.legality.note");
	}

	@Test
	void refusesAnUnknownConsideration() {
		Map<String, FindingForm> assessment = assessment();
		assessment.put("gutFeeling", new FindingForm("SATISFIED", "Seems fine"));

		InvalidInputException refused = refused(
				() -> Decision.check(form("DISCLOSE", List.of("BASIC_SUBSCRIBER"), null, assessment),
						SUBSCRIBER_AND_CONTENT, SUBPOENA_SCREENING, REVIEWER, NOW));

		assertThat(fields(refused)).containsExactly("assessment.gutFeeling");
	}

	@ParameterizedTest
	@EnumSource(value = Outcome.class, names = { "DISCLOSE", "DISCLOSE_PARTIAL" })
	void refusesADisclosureThatRestsOnAnUnsatisfiedConsideration(Outcome outcome) {
		Map<String, FindingForm> assessment = assessment();
		assessment.put("proportionality", new FindingForm("NOT_SATISFIED", "Far too broad"));

		InvalidInputException refused = refused(
				() -> Decision.check(form(outcome.name(), List.of("BASIC_SUBSCRIBER"), null, assessment),
						SUBSCRIBER_AND_CONTENT, SUBPOENA_SCREENING, REVIEWER, NOW));

		assertThat(fields(refused)).containsExactly("assessment.proportionality");
		assertThat(refused.errors().get(0).message()).contains("NOT_SATISFIED");
	}

	@Test
	void letsARejectionRestOnAnUnsatisfiedConsideration() {
		Map<String, FindingForm> assessment = assessment();
		assessment.put("proportionality", new FindingForm("NOT_SATISFIED", "Far too broad"));

		Decision decision = Decision.check(form("REJECT", null, "OVERBROAD", assessment), SUBSCRIBER_AND_CONTENT,
				SUBPOENA_SCREENING, REVIEWER, NOW);

		assertThat(decision.assessment().unsatisfied()).containsExactly(Consideration.PROPORTIONALITY);
		assertThat(decision.assessment().findings().get(Consideration.PROPORTIONALITY).verdict())
			.isEqualTo(Verdict.NOT_SATISFIED);
	}

	@Test
	void reportsAnUnsatisfiedConsiderationTogetherWithOtherProblems() {
		Map<String, FindingForm> assessment = assessment();
		assessment.put("necessity", new FindingForm("NOT_SATISFIED", "Other means exist"));

		InvalidInputException refused = refused(
				() -> Decision.check(form("DISCLOSE", List.of("BASIC_SUBSCRIBER", "CONTENT"), null, assessment),
						SUBSCRIBER_AND_CONTENT, SUBPOENA_SCREENING, REVIEWER, NOW));

		assertThat(fields(refused)).containsExactlyInAnyOrder("categories[1]", "assessment.necessity");
	}

	@Test
	void refusesAPartialDisclosureOfEverythingRequested() {
		InvalidInputException refused = refused(() -> Decision.check(
				form("DISCLOSE_PARTIAL", List.of("BASIC_SUBSCRIBER", "NON_CONTENT"), null, assessment()),
				Set.of(DataCategory.BASIC_SUBSCRIBER, DataCategory.NON_CONTENT), List.of(), REVIEWER, NOW));

		assertThat(fields(refused)).containsExactly("categories");
		assertThat(refused.errors().get(0).message()).contains("use DISCLOSE");
	}

	@Test
	void acceptsAPartialDisclosureOfFewerCategories() {
		Decision decision = Decision.check(form("DISCLOSE_PARTIAL", List.of("BASIC_SUBSCRIBER"), null, assessment()),
				Set.of(DataCategory.BASIC_SUBSCRIBER, DataCategory.NON_CONTENT), List.of(), REVIEWER, NOW);

		assertThat(decision.categories()).containsExactly(DataCategory.BASIC_SUBSCRIBER);
	}

	@Test
	void refusesADisclosureOfNothing() {
		InvalidInputException refused = refused(() -> Decision.check(form("DISCLOSE", List.of(), null, assessment()),
				SUBSCRIBER_AND_CONTENT, SUBPOENA_SCREENING, REVIEWER, NOW));

		assertThat(fields(refused)).containsExactly("categories");
	}

	@ParameterizedTest
	@EnumSource(value = Outcome.class, names = { "NO_DATA", "REQUIRE_MLAT" })
	void refusesCategoriesOnADecisionThatDisclosesNothing(Outcome outcome) {
		InvalidInputException refused = refused(
				() -> Decision.check(form(outcome.name(), List.of("BASIC_SUBSCRIBER"), null, assessment()),
						SUBSCRIBER_AND_CONTENT, SUBPOENA_SCREENING, REVIEWER, NOW));

		assertThat(fields(refused)).containsExactly("categories");
	}

	@Test
	void refusesAnUnknownOrMissingOutcomeAndAMissingReason() {
		InvalidInputException unknown = refused(
				() -> Decision.check(new Form("SHRUG", List.of(), "Because", null, assessment()),
						SUBSCRIBER_AND_CONTENT, SUBPOENA_SCREENING, REVIEWER, NOW));
		InvalidInputException missing = refused(() -> Decision.check(new Form(null, List.of(), " ", null, assessment()),
				SUBSCRIBER_AND_CONTENT, SUBPOENA_SCREENING, REVIEWER, NOW));

		assertThat(fields(unknown)).containsExactly("outcome");
		assertThat(fields(missing)).containsExactlyInAnyOrder("outcome", "reason");
	}

	@Test
	void dropsARejectionReasonFromADecisionThatIsNotARejection() {
		Decision decision = Decision.check(form("NO_DATA", null, "OVERBROAD", assessment()), SUBSCRIBER_AND_CONTENT,
				SUBPOENA_SCREENING, REVIEWER, NOW);

		assertThat(decision.outcome()).isEqualTo(Outcome.NO_DATA);
		assertThat(decision.rejectionReason()).isNull();
	}

	private static Form form(String outcome, List<String> categories, String rejectionReason,
			Map<String, FindingForm> assessment) {
		return new Form(outcome, categories, "The instrument supports it.", rejectionReason, assessment);
	}

	/** Every consideration satisfied, with a note; mutable so a test can spoil it. */
	private static Map<String, FindingForm> assessment() {
		Map<String, FindingForm> assessment = new LinkedHashMap<>();
		for (Consideration consideration : Consideration.values()) {
			assessment.put(consideration.field(), new FindingForm("SATISFIED", "Checked."));
		}
		return assessment;
	}

	private static InvalidInputException refused(ThrowingCallable check) {
		InvalidInputException refused = catchThrowableOfType(InvalidInputException.class, check);
		assertThat(refused).as("the decision should be refused").isNotNull();
		return refused;
	}

	private static List<String> fields(InvalidInputException refused) {
		return refused.errors().stream().map(FieldProblem::field).toList();
	}

}
