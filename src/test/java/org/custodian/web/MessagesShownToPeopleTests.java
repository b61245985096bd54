package org.custodian.web;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * Every text a person reads, on every page of the console, the portal and the public
 * report, comes from the bundles in English and Traditional Chinese, and none of it shows
 * an enum's code ({@code SEARCH_WARRANT}) or a field's path
 * ({@code assessment.legality.verdict}). The keys are read from every template, the codes
 * from the Java sources and the problems from every service, so a new text without a
 * translation, or worded from a code, fails here.
 */
class MessagesShownToPeopleTests {

	private static final Path RESOURCES = Path.of("src/main/resources");

	private static final Path SOURCES = Path.of("src/main/java/org/custodian");

	/** String literals (each on one line) joined by {@code +}, closing a call. */
	private static final String LITERALS = "((?:\"(?:[^\"\\\\\\n]|\\\\.)*\"\\s*\\+?\\s*)+)\\)";

	private static final List<Pattern> PROBLEMS = List.of(
			Pattern.compile("new (?:NotFound|Forbidden|Conflict)Exception\\(\\s*" + LITERALS),
			Pattern.compile("new InvalidInputException\\(\\s*\"[^\"]*\",\\s*" + LITERALS),
			Pattern.compile("\\.check\\([^;]*?,\\s*[^,;]+,\\s*" + LITERALS),
			Pattern.compile("\\.add\\(\\s*[^,;]+,\\s*" + LITERALS));

	/** A code as an enum spells it: upper case words joined by underscores. */
	private static final Pattern ENUM_CODE = Pattern.compile("\\b[A-Z]{2,}(?:_[A-Z]+)+\\b");

	/** Abbreviations written as such in running text, which some enums also use. */
	private static final Set<String> ABBREVIATIONS = Set.of("MLAT", "NSL", "URL", "APP", "PDF", "CSV", "JSON");

	/** A field path: two or more dotted names (or an index), as a form posts it. */
	private static final Pattern FIELD_PATH = Pattern.compile("\\b[a-z]+[A-Za-z]*(?:\\.[a-z][A-Za-z]*|\\[\\d+])+\\b");

	@Test
	void everyMessageKeyOfEveryTemplateHasAnEnglishAndATraditionalChineseEntry() throws IOException {
		Properties english = english();
		Properties chinese = chinese();
		Set<String> keys = new TreeSet<>();
		Set<String> families = new TreeSet<>();
		for (Path template : templates()) {
			String html = Files.readString(template);
			find(html, "#\\{([A-Za-z0-9_.-]+)", keys);
			find(html, "msg(?:OrNull)?\\('([A-Za-z0-9_.-]+)'\\)", keys);
			find(html, "(?:#\\{\\$\\{|msg(?:OrNull)?\\()'([A-Za-z]+\\.(?:[A-Za-z]+\\.)*)' ?\\+", families);
		}
		assertThat(keys).hasSizeGreaterThan(350).contains("console.pauses.affected", "error.notFound");
		assertThat(families).contains("status.", "pauseMatch.", "pauseStage.", "rejection.");
		assertThat(keys).allSatisfy((key) -> assertThat(english.getProperty(key)).as(key).isNotNull());
		for (String family : families) {
			assertThat(english.stringPropertyNames()).as(family).anyMatch((key) -> key.startsWith(family));
		}
		assertThat(keys).allSatisfy((key) -> assertThat(chinese.getProperty(key)).as(key).isNotNull());
	}

	@Test
	void everyEnglishEntryHasATraditionalChineseOne() throws IOException {
		Properties english = english();
		Properties chinese = chinese();
		assertThat(english.stringPropertyNames()).allSatisfy((key) -> assertThat(chinese.getProperty(key)).as(key)
			.isNotNull()
			.matches((text) -> !text.isBlank() || english.getProperty(key).isBlank(), "not blank"));
	}

	@Test
	void everyCodeTheJavaSourcesLookUpIsInBothBundles() throws IOException {
		Properties english = english();
		Properties chinese = chinese();
		Set<String> codes = new TreeSet<>();
		Set<String> families = new TreeSet<>();
		for (Path source : sources()) {
			String java = Files.readString(source);
			find(java, "(?:getMessage|message)\\(\"([A-Za-z0-9_.-]*[A-Za-z0-9_-])\"", codes);
			find(java, "(?:getMessage|message)\\(\"([A-Za-z0-9_]+\\.(?:[A-Za-z0-9_]+\\.)*)\" \\+", families);
		}
		assertThat(codes).contains("hold.compliance", "hold.reconsidered", "list.separator");
		assertThat(families).contains("hold.pause.", "tier.note.", "instrument.", "category.");
		assertThat(codes).allSatisfy((code) -> assertThat(english.getProperty(code)).as(code).isNotNull());
		assertThat(codes).allSatisfy((code) -> assertThat(chinese.getProperty(code)).as(code).isNotNull());
		for (String family : families) {
			assertThat(english.stringPropertyNames()).as(family).anyMatch((key) -> key.startsWith(family));
		}
	}

	@Test
	void noMessageShowsAnEnumCodeOrAFieldPath() throws IOException {
		Set<String> constants = enumConstants();
		assertThat(constants).contains("SEARCH_WARRANT", "BOTH", "PRODUCTION", "VERIFIED", "HIGH");
		List<String> worded = new ArrayList<>();
		List<String> files = new ArrayList<>();
		for (String bundle : bundles()) {
			files.add(bundle + ".properties");
			files.add(bundle + "_zh_TW.properties");
		}
		for (String bundle : files) {
			Properties messages = load(bundle);
			for (String key : messages.stringPropertyNames()) {
				String text = messages.getProperty(key);
				String withoutNames = text.replaceAll("\\b[\\w-]+(\\.[\\w-]+)*\\.(gov|com|org|hk|tw|example)\\b", "")
					.replaceAll("\\d+ U\\.S\\.C\\.", "")
					.replaceAll("e\\.g\\.", "");
				if (!codesIn(text, constants).isEmpty() || FIELD_PATH.matcher(withoutNames).find()) {
					worded.add(bundle + " " + key + "=" + text);
				}
			}
		}
		assertThat(worded).isEmpty();
	}

	/**
	 * The problems every service raises are shown on the pages through the bundles: each
	 * has a Traditional Chinese entry, and one whose English words it from an enum's code
	 * ("is only for EMERGENCY requests") has an English entry that does not.
	 */
	@Test
	void everyProblemAServiceRaisesIsWordedForPeopleInBothLanguages() throws IOException {
		Properties english = english();
		Properties chinese = chinese();
		Set<String> problems = new TreeSet<>();
		for (Path source : sources()) {
			String java = Files.readString(source);
			for (Pattern pattern : PROBLEMS) {
				Matcher matcher = pattern.matcher(java);
				while (matcher.find()) {
					problems.add(join(matcher.group(1)));
				}
			}
		}
		problems.removeIf(String::isBlank);
		Set<String> constants = enumConstants();
		assertThat(problems).hasSizeGreaterThan(60).contains("is required", "No request with this id.");
		assertThat(problems)
			.allSatisfy((problem) -> assertThat(chinese.getProperty("problem." + problem)).as(problem).isNotBlank());
		assertThat(problems.stream().filter((problem) -> !codesIn(problem, constants).isEmpty()))
			.allSatisfy((problem) -> assertThat(english.getProperty("problem." + problem)).as(problem)
				.isNotNull()
				.matches((text) -> codesIn(text, constants).isEmpty(), "worded without codes"));
	}

	/**
	 * The constants of every enum in the sources, but the abbreviations people write as
	 * such (MLAT).
	 */
	private static Set<String> enumConstants() throws IOException {
		Set<String> constants = new TreeSet<>();
		Pattern declaration = Pattern.compile("\\benum \\w+[^{;]*\\{");
		for (Path source : sources()) {
			String java = Files.readString(source)
				.replaceAll("(?s)\"\"\".*?\"\"\"", "\"\"")
				.replaceAll("\"(?:[^\"\\\\\\n]|\\\\.)*\"", "\"\"")
				.replaceAll("(?s)/\\*.*?\\*/", "")
				.replaceAll("//[^\\n]*", "");
			Matcher matcher = declaration.matcher(java);
			while (matcher.find()) {
				String body = java.substring(matcher.end());
				String previous;
				do {
					previous = body;
					body = body.replaceAll("\\([^()]*\\)", "").replaceAll("\\{[^{}]*\\}", "");
				}
				while (!body.equals(previous));
				String list = body.split("[;}]", 2)[0];
				for (String constant : list.split(",")) {
					if (constant.strip().matches("[A-Z][A-Z0-9_]+")) {
						constants.add(constant.strip());
					}
				}
			}
		}
		constants.removeAll(ABBREVIATIONS);
		return constants;
	}

	/** The enum codes a text shows: a constant's name, or any word spelt like one. */
	private static List<String> codesIn(String text, Set<String> constants) {
		List<String> codes = new ArrayList<>();
		Matcher word = Pattern.compile("\\b[A-Z][A-Z0-9_]+\\b").matcher(text);
		while (word.find()) {
			if (constants.contains(word.group()) || ENUM_CODE.matcher(word.group()).matches()) {
				codes.add(word.group());
			}
		}
		return codes;
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(RESOURCES.resolve("templates"))) {
			return files.filter((path) -> path.toString().endsWith(".html")).toList();
		}
	}

	private static List<Path> sources() throws IOException {
		try (Stream<Path> files = Files.walk(SOURCES)) {
			return files.filter((path) -> path.toString().endsWith(".java")).toList();
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

	/**
	 * The bundles the application reads, as {@code spring.messages.basename} in
	 * application.yml names them, so a bundle added there is checked here too.
	 */
	static List<String> bundles() throws IOException {
		Matcher basename = Pattern.compile("(?m)^\\s+basename:\\s*(\\S+)\\s*$")
			.matcher(Files.readString(RESOURCES.resolve("application.yml")));
		assertThat(basename.find()).as("spring.messages.basename in application.yml").isTrue();
		List<String> bundles = List.of(basename.group(1).split(","));
		assertThat(bundles).contains("messages", "console");
		return bundles;
	}

	/** The English of every bundle the application reads. */
	private static Properties english() throws IOException {
		return language("");
	}

	/** The Traditional Chinese of every bundle the application reads. */
	private static Properties chinese() throws IOException {
		return language("_zh_TW");
	}

	private static Properties language(String suffix) throws IOException {
		Properties properties = new Properties();
		for (String bundle : bundles()) {
			properties.putAll(load(bundle + suffix + ".properties"));
		}
		return properties;
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(RESOURCES.resolve(name), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
