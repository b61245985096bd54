package org.custodian.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.custodian.support.IntegrationTest;
import org.custodian.support.WebSession;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages are light: HTML, CSS, JavaScript and JSON are sent compressed, and stylesheets,
 * scripts and icons under URLs that carry a hash of their content, cached for a year, so
 * a second page downloads only its HTML. Prints the bytes each page costs: as the pages
 * were sent before (nothing compressed, every file again on every page) and now (first
 * visit and next page).
 */
class LightPagesIntegrationTests extends IntegrationTest {

	private static final Pattern FILES = Pattern.compile("(?:href|src)=\"(/(?:css|js|webjars|favicon)[^\"]*)\"");

	private static final Logger LOG = LoggerFactory.getLogger(LightPagesIntegrationTests.class);

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void pagesAreCompressedAndTheirFilesCachedForAYearUnderVersionedUrls() throws Exception {
		HttpResponse<byte[]> page = fetch("/transparency", null, true);
		assertThat(page.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
		List<String> files = files(new String(gunzip(page.body())));
		assertThat(files).anyMatch((file) -> file.matches("/css/custodian-[0-9a-f]{32}\\.css"))
			.anyMatch((file) -> file.matches("/webjars/htmx.org/.*/htmx\\.min-[0-9a-f]{32}\\.js"))
			.anyMatch((file) -> file.matches("/favicon-[0-9a-f]{32}\\.svg"));
		for (String file : files) {
			HttpResponse<byte[]> asset = fetch(file, null, true);
			assertThat(asset.statusCode()).as(file).isEqualTo(200);
			assertThat(asset.headers().firstValue("Cache-Control")).as(file).hasValue("max-age=31536000, public");
			if (!file.endsWith(".svg")) {
				assertThat(asset.headers().firstValue("Content-Encoding")).as(file).hasValue("gzip");
			}
		}
		HttpResponse<byte[]> json = fetch("/api/v1/transparency/reports/2020-H2", null, true);
		assertThat(json.headers().firstValue("Content-Encoding")).hasValue("gzip");
	}

	@Test
	void theFaviconIsThereForBrowsersThatAskForIt() throws Exception {
		HttpResponse<byte[]> icon = fetch("/favicon.ico", null, false);
		assertThat(icon.statusCode()).isEqualTo(200);
		assertThat(icon.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).isIn("image/x-icon", "image/vnd.microsoft.icon"));
		assertThat(icon.body()).startsWith(0, 0, 1, 0);
		assertThat(fetch("/favicon.svg", null, false).statusCode()).isEqualTo(200);
	}

	@Test
	void eachPageCostsAFractionOfWhatItDidBefore() throws Exception {
		WebSession officer = new WebSession(this.port);
		WebAccounts.officer(officer, this.world.agency("HK"));
		WebSession reviewer = new WebSession(this.port);
		WebAccounts.staff(reviewer, this.world.staffAccount(WebAccounts.PASSWORD, "REVIEWER"));
		record Visit(String path, WebSession session) {
		}
		List<Visit> visits = List.of(new Visit("/transparency", null), new Visit("/portal/login", null),
				new Visit("/portal/requests", officer), new Visit("/portal/requests/new", officer),
				new Visit("/console/cases", reviewer));
		LOG.info("Bytes per page   before (plain, every file again)   now: first visit   now: next page");
		for (Visit visit : visits) {
			String cookies = (visit.session() != null) ? "JSESSIONID=" + visit.session().cookie("JSESSIONID") : null;
			HttpResponse<byte[]> plain = fetch(visit.path(), cookies, false);
			HttpResponse<byte[]> compressed = fetch(visit.path(), cookies, true);
			assertThat(plain.statusCode()).as(visit.path()).isEqualTo(200);
			long before = plain.body().length;
			long first = compressed.body().length;
			long next = first;
			for (String file : files(new String(plain.body()))) {
				before += fetch(file, null, false).body().length;
				first += fetch(file, null, true).body().length;
			}
			LOG.info(String.format("%-28s %10d %22d %18d", visit.path(), before, first, next));
			assertThat(first).as(visit.path()).isLessThan(before / 2);
			assertThat(next).as(visit.path()).isLessThan(before / 5);
		}
	}

	private static List<String> files(String html) {
		Set<String> files = new LinkedHashSet<>();
		Matcher matcher = FILES.matcher(html);
		while (matcher.find()) {
			files.add(matcher.group(1));
		}
		return new ArrayList<>(files);
	}

	private HttpResponse<byte[]> fetch(String path, String cookies, boolean gzip)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", "text/html,application/json,*/*;q=0.8");
		if (gzip) {
			request.header("Accept-Encoding", "gzip");
		}
		if (cookies != null) {
			request.header("Cookie", cookies);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static byte[] gunzip(byte[] body) throws IOException {
		try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
			return in.readAllBytes();
		}
	}

}
