package org.custodian.transparency.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.custodian.identity.CurrentUser;
import org.custodian.transparency.Period;
import org.custodian.transparency.PublishedReport;
import org.custodian.transparency.ReportPublications;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Signed reports: published by a policy administrator, fetched by anyone. A publication
 * comes as its readable report and the compact JWS that signs it; {@code report verify
 * --file} checks a downloaded one.
 */
@RestController
class ReportPublicationController {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ReportPublications publications;

	ReportPublicationController(ReportPublications publications) {
		this.publications = publications;
	}

	@PostMapping("/api/v1/transparency/reports/{period}/publications")
	ResponseEntity<Map<String, Object>> publish(@PathVariable String period,
			@AuthenticationPrincipal CurrentUser publisher) {
		PublishedReport published = this.publications.publish(Period.parse(period), publisher);
		return ResponseEntity.created(URI.create("/api/v1/transparency/publications/" + published.id()))
			.body(envelope(published));
	}

	@GetMapping("/api/v1/transparency/publications")
	List<Map<String, Object>> all() {
		return this.publications.all().stream().map(ReportPublicationController::summary).toList();
	}

	@GetMapping("/api/v1/transparency/publications/{id}")
	Map<String, Object> one(@PathVariable UUID id) {
		return envelope(this.publications.find(id));
	}

	private static Map<String, Object> summary(PublishedReport published) {
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("id", published.id());
		summary.put("period", published.period().toString());
		summary.put("publishedAt", published.publishedAt());
		summary.put("auditEventCount", published.auditEventCount());
		summary.put("auditHeadHash", published.auditHeadHash());
		summary.put("keyId", published.keyId());
		summary.put("href", "/api/v1/transparency/publications/" + published.id());
		return summary;
	}

	private static Map<String, Object> envelope(PublishedReport published) {
		Map<String, Object> envelope = summary(published);
		envelope.remove("href");
		envelope.put("signingKey", "/.well-known/custodian/production-signing-key");
		envelope.put("report", JSON.readTree(published.document()));
		envelope.put("jws", published.jws());
		return envelope;
	}

}
