package org.custodian.shared.web;

import java.util.List;

import org.custodian.duediligence.Assessments;
import org.custodian.intake.SubmissionForm;
import org.custodian.shared.CleanText;
import org.custodian.shared.InvalidInputException.FieldProblem;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CleanTextModuleTests {

	private final JsonMapper json = JsonMapper.builder().addModule(new CleanTextModule()).build();

	@Test
	void refusesControlCharactersWithTheJsonPathOfTheField() {
		assertThat(problems("{\"legalBasis\": \"a\\u0000b\"}", SubmissionForm.class))
			.containsExactly(new FieldProblem("legalBasis", "contains a control character (U+0000)"));
		assertThat(problems("{\"targets\": [{}, {\"value\": \"\\u001b[2J\"}]}", SubmissionForm.class))
			.containsExactly(new FieldProblem("targets[1].value", "contains a control character (U+001B)"));
		assertThat(problems("{\"categories\": [\"x\\ud800\"]}", SubmissionForm.class))
			.containsExactly(new FieldProblem("categories[0]", "contains an unpaired surrogate (U+D800)"));
		assertThat(problems("{\"findings\": {\"a\\u0001\": {}}}", Assessments.Conclusion.class))
			.extracting(FieldProblem::message)
			.containsExactly("contains a control character (U+0001)");
	}

	@Test
	void namesWrongTypesByPathAndMalformedJsonAsTheBody() {
		assertThat(problems("{\"targets\": \"x\"}", SubmissionForm.class))
			.containsExactly(new FieldProblem("targets", "must be a list"));
		assertThat(problems("{\"emergency\": []}", SubmissionForm.class))
			.containsExactly(new FieldProblem("emergency", "must be an object"));
		assertThat(problems("{\"type\": ", SubmissionForm.class))
			.containsExactly(new FieldProblem("body", "is not valid JSON"));
		assertThat(problems("not json", SubmissionForm.class))
			.containsExactly(new FieldProblem("body", "is not valid JSON"));
	}

	@Test
	void keepsTabsNewlinesEmojiAndOtherScripts() {
		assertThat(this.json.readValue("{\"offence\": \"a\\tb\\r\\nc 😀 詐騙\"}", SubmissionForm.class).offence())
			.isEqualTo("a\tb\r\nc 😀 詐騙");
		assertThat(CleanText.isClean("😀")).isTrue();
		assertThat(CleanText.isClean("\u007f")).isTrue();
	}

	private List<FieldProblem> problems(String body, Class<?> type) {
		JacksonException failure = catchThrowableOfType(JacksonException.class, () -> this.json.readValue(body, type));
		assertThat(failure).as("refused").isNotNull();
		return InputFailures.json(failure, "body");
	}

}
