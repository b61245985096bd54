package org.custodian.web;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal speaks Traditional Chinese completely: every message its pages, e-mails and
 * field problems can show an officer has a zh-TW entry. The keys are read from the
 * templates themselves and the problems from the services' source, so a new English text
 * without a translation fails here.
 */
class PortalTranslationTests {

	private static final Path RESOURCES = Path.of("src/main/resources");

	private static final Path SOURCES = Path.of("src/main/java/org/custodian");

	/**
	 * Pages an officer sees: the portal's own, the shared layout and the common pages;
	 * and the public transparency report, which is offered in the same languages.
	 */
	private static final List<String> PORTAL_TEMPLATES = List.of("fragments/layout.html", "enrolment.html",
			"recovery-codes.html", "error.html", "problem.html", "transparency/index.html",
			"transparency/jurisdiction.html");

	/** Key families the portal uses from Java (flash notices, e-mails, sign-in). */
	private static final List<String> PORTAL_FAMILIES = List.of("portal.", "common.", "mail.", "login.", "enrolment.",
			"recovery.", "error.", "problem.", "field.");

	/**
	 * The services an officer's input and actions reach, whose problems an officer reads.
	 */
	private static final List<String> OFFICER_SERVICES = List.of("intake/Submission.java", "intake/LegalDocument.java",
			"intake/IntakeService.java", "agency/OfficerAccounts.java", "agency/Agencies.java",
			"identity/SecondFactors.java", "review/Delegations.java", "review/ReviewService.java",
			"review/CaseQueries.java", "shared/FieldProblems.java", "disclosure/ProductionService.java");

	/** String literals (each on one line) joined by {@code +}, closing a call. */
	private static final String LITERALS = "((?:\"(?:[^\"\\\\\\n]|\\\\.)*\"\\s*\\+?\\s*)+)\\)";

	private static final List<Pattern> PROBLEMS = List.of(
			Pattern.compile("new (?:NotFound|Forbidden|Conflict)Exception\\(\\s*" + LITERALS),
			Pattern.compile("new InvalidInputException\\(\\s*\"[^\"]*\",\\s*" + LITERALS),
			Pattern.compile("\\.check\\([^;]*?,\\s*[^,;]+,\\s*" + LITERALS),
			Pattern.compile("\\.add\\(\\s*[^,;]+,\\s*" + LITERALS));

	private static final Pattern LENGTH = Pattern.compile("(?:required|optional)\\([^;]*?,\\s*(\\d+)\\)");

	@Test
	void everyMessageThePortalShowsHasATraditionalChineseEntry() throws IOException {
		Properties english = load("messages.properties");
		Properties chinese = load("messages_zh_TW.properties");
		Set<String> shown = new TreeSet<>();
		Set<String> prefixes = new TreeSet<>(PORTAL_FAMILIES);
		for (Path template : portalTemplates()) {
			String html = Files.readString(template);
			find(html, "#\\{([A-Za-z0-9_.-]+)", shown);
			find(html, "msg(?:OrNull)?\\('([A-Za-z0-9_.-]+)'\\)", shown);
			find(html, "'([A-Za-z]+\\.)' ?\\+", prefixes);
		}
		english.stringPropertyNames()
			.stream()
			.filter((key) -> prefixes.stream().anyMatch(key::startsWith))
			.forEach(shown::add);
		// the shared layout also renders the console's header
		shown.removeIf((key) -> key.startsWith("console."));
		assertThat(shown).hasSizeGreaterThan(150);
		assertThat(english.stringPropertyNames()).containsAll(shown);
		assertThat(shown).allSatisfy((key) -> assertThat(chinese.getProperty(key)).as(key).isNotBlank());
	}

	@Test
	void everyProblemAnOfficerCanMeetHasATraditionalChineseEntry() throws IOException {
		Properties chinese = load("messages_zh_TW.properties");
		Set<String> problems = new TreeSet<>();
		for (String service : OFFICER_SERVICES) {
			String source = Files.readString(SOURCES.resolve(service));
			for (Pattern pattern : PROBLEMS) {
				Matcher matcher = pattern.matcher(source);
				while (matcher.find()) {
					problems.add(join(matcher.group(1)));
				}
			}
			Matcher length = LENGTH.matcher(source);
			while (length.find()) {
				problems.add("is longer than " + length.group(1) + " characters");
			}
		}
		assertThat(problems).contains("is required", "needs at least one data category",
				"is not an active officer of your agency", "No request with this id.", "is longer than 320 characters");
		assertThat(problems)
			.allSatisfy((problem) -> assertThat(chinese.getProperty("problem." + problem)).as(problem).isNotBlank());
	}

	private static List<Path> portalTemplates() throws IOException {
		try (Stream<Path> portal = Files.list(RESOURCES.resolve("templates/portal"))) {
			return Stream
				.concat(portal.toList().stream(),
						PORTAL_TEMPLATES.stream().map((name) -> RESOURCES.resolve("templates").resolve(name)))
				.toList();
		}
	}

	private static void find(String text, String regex, Set<String> into) {
		Matcher matcher = Pattern.compile(regex).matcher(text);
		while (matcher.find()) {
			into.add(matcher.group(1));
		}
	}

	/** The text of string literals joined by {@code +}, as Java reads it. */
	private static String join(String literals) {
		StringBuilder text = new StringBuilder();
		Matcher literal = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(literals);
		while (literal.find()) {
			text.append(literal.group(1).replace("\\\\", "\\").replace("\\\"", "\""));
		}
		return text.toString();
	}

	/** The bundle with its transparency part (transparency-messages, read beside it). */
	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		for (String file : List.of(name, "transparency-" + name)) {
			try (Reader reader = Files.newBufferedReader(RESOURCES.resolve(file), StandardCharsets.UTF_8)) {
				properties.load(reader);
			}
		}
		return properties;
	}

}
