package org.custodian.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.custodian.intake.SubmissionForm.EmergencyForm;
import org.custodian.intake.SubmissionForm.TargetForm;
import org.custodian.shared.DataCategory;
import org.custodian.shared.FieldProblems;
import org.custodian.shared.Instrument;
import org.custodian.shared.InvalidInputException;
import org.custodian.shared.InvalidInputException.FieldProblem;
import org.custodian.shared.RequestType;
import org.custodian.shared.TargetKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A submission is checked field by field, and every problem is reported at once; the
 * legal document is checked by its bytes.
 */
class SubmissionTests {

	private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

	private static final List<TargetForm> ONE_TARGET = List.of(new TargetForm("EMAIL", "suspect@example.com"));

	@Test
	void acceptsACompleteLegalProcessRequest() {
		Submission submission = Submission.check(new Form().build(), TODAY, new FieldProblems());

		assertThat(submission.type()).isEqualTo(RequestType.LEGAL_PROCESS);
		assertThat(submission.instrument()).isEqualTo(Instrument.COURT_ORDER);
		assertThat(submission.legalBasis()).isEqualTo("18 U.S.C. § 2703(d)");
		assertThat(submission.targets()).containsExactly(new Target(TargetKind.EMAIL, "suspect@example.com"));
		assertThat(submission.categories()).containsExactly(DataCategory.BASIC_SUBSCRIBER, DataCategory.NON_CONTENT);
		assertThat(submission.from()).isEqualTo(LocalDate.of(2025, 1, 1));
		assertThat(submission.to()).isEqualTo(LocalDate.of(2025, 3, 31));
		assertThat(submission.emergency()).isNull();
	}

	@Test
	void reportsAnUnknownRequestType() {
		Form form = new Form();
		form.type = "URGENT";

		assertThat(problemsWith(form)).containsExactly("type");
	}

	@Test
	void reportsLegalProcessWithoutAnInstrument() {
		Form form = new Form();
		form.instrument = null;

		assertThat(problemsWith(form)).containsExactly("instrument");
	}

	@Test
	void reportsAnUnknownInstrument() {
		Form form = new Form();
		form.instrument = "PINKIE_PROMISE";

		assertThat(problemsWith(form)).containsExactly("instrument");
	}

	@Test
	void reportsLegalProcessWithoutALegalBasis() {
		Form form = new Form();
		form.legalBasis = "  ";

		assertThat(problemsWith(form)).containsExactly("legalBasis");
	}

	@Test
	void reportsARequestWithoutTargets() {
		Form empty = new Form();
		empty.targets = List.of();
		Form missing = new Form();
		missing.targets = null;

		assertThat(problemsWith(empty)).containsExactly("targets");
		assertThat(problemsWith(missing)).containsExactly("targets");
	}

	@Test
	void reportsMoreThanAThousandTargets() {
		Form form = new Form();
		form.targets = Collections.nCopies(Submission.MAX_TARGETS + 1, new TargetForm("USER_ID", "12345"));

		InvalidInputException refused = refused(() -> Submission.check(form.build(), TODAY, new FieldProblems()));

		assertThat(fields(refused)).containsExactly("targets");
		assertThat(refused.errors().get(0).message()).contains("1001").contains("1000");
	}

	@Test
	void acceptsAThousandTargets() {
		Form form = new Form();
		form.targets = Collections.nCopies(Submission.MAX_TARGETS, new TargetForm("USER_ID", "12345"));

		assertThat(Submission.check(form.build(), TODAY, new FieldProblems()).targets()).hasSize(1000);
	}

	@Test
	void reportsEachBadTargetByItsPosition() {
		Form form = new Form();
		List<TargetForm> targets = new ArrayList<>(ONE_TARGET);
		targets.add(new TargetForm("FINGERPRINT", "x"));
		targets.add(new TargetForm("USERNAME", " "));
		targets.add(null);
		form.targets = targets;

		assertThat(problemsWith(form)).containsExactlyInAnyOrder("targets[1].kind", "targets[2].value", "targets[3]");
	}

	@Test
	void reportsAPeriodThatEndsBeforeItStarts() {
		Form form = new Form();
		form.from = "2025-04-01";
		form.to = "2025-03-31";

		assertThat(problemsWith(form)).containsExactly("from");
	}

	@Test
	void acceptsAPeriodOfOneDay() {
		Form form = new Form();
		form.from = "2025-03-31";
		form.to = "2025-03-31";

		assertThat(Submission.check(form.build(), TODAY, new FieldProblems()).from())
			.isEqualTo(LocalDate.of(2025, 3, 31));
	}

	@ParameterizedTest
	@ValueSource(strings = { "01/07/2020", "2020-13-01", "2020-02-30", "yesterday", "2020-7-1" })
	void reportsADateInTheWrongForm(String date) {
		Form form = new Form();
		form.to = date;

		InvalidInputException refused = refused(() -> Submission.check(form.build(), TODAY, new FieldProblems()));

		assertThat(fields(refused)).containsExactly("to");
		assertThat(refused.errors().get(0).message()).contains("2020-07-01");
	}

	@Test
	void reportsAnEmergencyWithoutThreatOrSupervisor() {
		Form form = emergency(new EmergencyForm(null, " ", null));

		assertThat(problemsWith(form)).containsExactlyInAnyOrder("emergency.threat", "emergency.supervisorName",
				"emergency.supervisorPhone");
	}

	@Test
	void reportsAnEmergencyWithoutItsDetails() {
		assertThat(problemsWith(emergency(null))).containsExactly("emergency");
	}

	@Test
	void reportsASupervisorPhoneThatIsNotANumber() {
		Form form = emergency(new EmergencyForm("Kidnapping in progress", "Sgt. Lee", "call the front desk"));

		assertThat(problemsWith(form)).containsExactly("emergency.supervisorPhone");
	}

	@Test
	void acceptsAnEmergencyWithoutLegalProcess() {
		Form form = emergency(new EmergencyForm("Kidnapping in progress", "Sgt. Lee", "+1 (212) 555-0100"));

		Submission submission = Submission.check(form.build(), TODAY, new FieldProblems());

		assertThat(submission.type()).isEqualTo(RequestType.EMERGENCY);
		assertThat(submission.instrument()).isNull();
		assertThat(submission.emergency())
			.isEqualTo(new Submission.Emergency("Kidnapping in progress", "Sgt. Lee", "+1 (212) 555-0100"));
	}

	@Test
	void reportsEmergencyDetailsOnALegalProcessRequest() {
		Form form = new Form();
		form.emergency = new EmergencyForm("Threat", "Sgt. Lee", "+12125550100");

		assertThat(problemsWith(form)).containsExactly("emergency");
	}

	@Test
	void reportsANonDisclosureOrderThatHasAlreadyExpired() {
		Form form = new Form();
		form.nonDisclosureUntil = TODAY.minusDays(1).toString();

		assertThat(problemsWith(form)).containsExactly("nonDisclosureUntil");
	}

	@Test
	void acceptsANonDisclosureOrderUntilToday() {
		Form form = new Form();
		form.nonDisclosureUntil = TODAY.toString();

		assertThat(Submission.check(form.build(), TODAY, new FieldProblems()).nonDisclosureUntil()).isEqualTo(TODAY);
	}

	@Test
	void reportsARequestWithoutCategories() {
		Form form = new Form();
		form.categories = List.of();

		assertThat(problemsWith(form)).containsExactly("categories");
	}

	@Test
	void preservesEveryCategoryWhenAPreservationNamesNone() {
		Form form = new Form();
		form.type = "PRESERVATION";
		form.instrument = null;
		form.legalBasis = null;
		form.categories = null;

		Submission submission = Submission.check(form.build(), TODAY, new FieldProblems());

		assertThat(submission.categories()).isEqualTo(EnumSet.allOf(DataCategory.class));
	}

	@Test
	void reportsSeveralProblemsTogether() {
		Form form = new Form();
		form.type = "URGENT";
		form.targets = List.of();
		form.categories = List.of("CONTENT", "DNA");
		form.from = "2025-02-31";
		form.nonDisclosureUntil = "2020-01-01";

		assertThat(problemsWith(form)).containsExactlyInAnyOrder("type", "targets", "categories[1]", "from",
				"nonDisclosureUntil");
	}

	@Test
	void reportsADocumentProblemTogetherWithTheFormsProblems() {
		FieldProblems problems = new FieldProblems();
		LegalDocument.of("order.pdf", "not a pdf".getBytes(StandardCharsets.US_ASCII), problems);
		Form form = new Form();
		form.targets = null;

		InvalidInputException refused = refused(() -> Submission.check(form.build(), TODAY, problems));

		assertThat(fields(refused)).containsExactlyInAnyOrder("document", "targets");
	}

	@Test
	void reportsAMissingRequest() {
		InvalidInputException refused = refused(() -> Submission.check(null, TODAY, new FieldProblems()));

		assertThat(fields(refused)).containsExactly("request");
	}

	@Test
	void acceptsAPdfAndFingerprintsItsBytes() throws NoSuchAlgorithmException {
		byte[] pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF".getBytes(StandardCharsets.US_ASCII);
		FieldProblems problems = new FieldProblems();

		LegalDocument document = LegalDocument.of("Court order 2025-17.pdf", pdf, problems);

		assertThat(problems.isEmpty()).isTrue();
		assertThat(document.filename()).isEqualTo("Court order 2025-17.pdf");
		assertThat(document.content()).isEqualTo(pdf);
		assertThat(document.sha256())
			.isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)))
			.matches("[0-9a-f]{64}");
	}

	@Test
	void cleansTheNameOfAnUploadedDocument() {
		byte[] pdf = "%PDF-1.4".getBytes(StandardCharsets.US_ASCII);

		assertThat(LegalDocument.of("../../etc/passwd.pdf", pdf, new FieldProblems()).filename()).doesNotContain("/")
			.endsWith("passwd.pdf");
		assertThat(LegalDocument.of(null, pdf, new FieldProblems()).filename()).isEqualTo("document.pdf");
	}

	@Test
	void refusesADocumentThatIsNotAPdf() {
		byte[] zip = { 'P', 'K', 3, 4, 0, 0, 0, 0 };

		assertThat(documentProblems("order.pdf", zip))
			.containsExactly("is not a PDF (its content does not start with %PDF-)");
		assertThat(documentProblems("order.pdf", "%PD".getBytes(StandardCharsets.US_ASCII))).hasSize(1);
	}

	@Test
	void refusesAnEmptyDocument() {
		assertThat(documentProblems("order.pdf", new byte[0])).containsExactly("is empty");
		assertThat(documentProblems("order.pdf", null)).containsExactly("is empty");
	}

	@Test
	void refusesADocumentLargerThanTwentyMegabytes() {
		byte[] big = pdfOfSize(20 * 1024 * 1024 + 1);

		assertThat(documentProblems("order.pdf", big)).containsExactly("is larger than 20 MB");
	}

	@Test
	void acceptsADocumentOfExactlyTwentyMegabytes() {
		FieldProblems problems = new FieldProblems();

		assertThat(LegalDocument.of("order.pdf", pdfOfSize(20 * 1024 * 1024), problems)).isNotNull();
		assertThat(problems.isEmpty()).isTrue();
	}

	private static byte[] pdfOfSize(int size) {
		byte[] content = new byte[size];
		Arrays.fill(content, (byte) ' ');
		byte[] magic = "%PDF-1.7".getBytes(StandardCharsets.US_ASCII);
		System.arraycopy(magic, 0, content, 0, magic.length);
		return content;
	}

	/** The messages reported for the document; asserts nothing was returned. */
	private static List<String> documentProblems(String filename, byte[] content) {
		FieldProblems problems = new FieldProblems();
		assertThat(LegalDocument.of(filename, content, problems)).isNull();
		InvalidInputException refused = refused(problems::throwIfAny);
		assertThat(fields(refused)).containsOnly("document");
		return refused.errors().stream().map(FieldProblem::message).toList();
	}

	private static Form emergency(EmergencyForm details) {
		Form form = new Form();
		form.type = "EMERGENCY";
		form.instrument = null;
		form.legalBasis = null;
		form.emergency = details;
		return form;
	}

	private static List<String> problemsWith(Form form) {
		return fields(refused(() -> Submission.check(form.build(), TODAY, new FieldProblems())));
	}

	private static InvalidInputException refused(ThrowingCallable check) {
		InvalidInputException refused = catchThrowableOfType(InvalidInputException.class, check);
		assertThat(refused).as("the input should be refused").isNotNull();
		return refused;
	}

	private static List<String> fields(InvalidInputException refused) {
		return refused.errors().stream().map(FieldProblem::field).toList();
	}

	/** A valid court-order request; each test spoils what it is about. */
	private static final class Form {

		String type = "LEGAL_PROCESS";

		String instrument = "COURT_ORDER";

		String legalBasis = "18 U.S.C. § 2703(d)";

		List<TargetForm> targets = ONE_TARGET;

		List<String> categories = List.of("BASIC_SUBSCRIBER", "NON_CONTENT");

		String from = "2025-01-01";

		String to = "2025-03-31";

		String offence = "Fraud";

		String nonDisclosureUntil;

		EmergencyForm emergency;

		SubmissionForm build() {
			return new SubmissionForm(this.type, this.instrument, this.legalBasis, this.targets, this.categories,
					this.from, this.to, this.offence, this.nonDisclosureUntil, this.emergency);
		}

	}

}
