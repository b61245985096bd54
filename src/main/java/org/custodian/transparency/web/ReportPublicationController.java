package org.custodian.transparency.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.custodian.identity.CurrentUser;
import org.custodian.transparency.Period;
import org.custodian.transparency.PublicationProposals;
import org.custodian.transparency.PublishedReport;
import org.custodian.transparency.ReportPublications;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Signed reports: proposed by one policy administrator (or administrator), confirmed and
 * so published by a second one, fetched by anyone. A publication comes as its readable
 * report and the compact JWS that signs it; {@code report verify
 * --file} checks a downloaded one.
 */
@RestController
class ReportPublicationController {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ReportPublications publications;

	private final PublicationProposals proposals;

	ReportPublicationController(ReportPublications publications, PublicationProposals proposals) {
		this.publications = publications;
		this.proposals = proposals;
	}

	/**
	 * 202: proposed, for a second publisher to confirm; nothing is computed or signed.
	 */
	@PostMapping("/api/v1/transparency/reports/{period}/publications")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Map<String, Object> propose(@PathVariable String period, @AuthenticationPrincipal CurrentUser publisher) {
		return proposal(this.proposals.propose(Period.parse(period), publisher));
	}

	/** 201: computed, signed and published now, under the proposal's id. */
	@PostMapping("/api/v1/transparency/reports/{period}/publications/{id}/confirmation")
	ResponseEntity<Map<String, Object>> confirm(@PathVariable String period, @PathVariable UUID id,
			@AuthenticationPrincipal CurrentUser publisher) {
		PublishedReport published = this.proposals.confirm(Period.parse(period), id, publisher);
		return ResponseEntity.created(URI.create("/api/v1/transparency/publications/" + published.id()))
			.body(envelope(published));
	}

	@PostMapping("/api/v1/transparency/reports/{period}/publications/{id}/rejection")
	Map<String, Object> decline(@PathVariable String period, @PathVariable UUID id,
			@RequestBody(required = false) ReasonBody body, @AuthenticationPrincipal CurrentUser publisher) {
		return proposal(
				this.proposals.decline(Period.parse(period), id, (body != null) ? body.reason() : null, publisher));
	}

	@GetMapping("/api/v1/transparency/publications")
	List<Map<String, Object>> all() {
		return this.publications.all().stream().map(ReportPublicationController::summary).toList();
	}

	@GetMapping("/api/v1/transparency/publications/{id}")
	Map<String, Object> one(@PathVariable UUID id) {
		return envelope(this.publications.find(id));
	}

	private static Map<String, Object> proposal(PublicationProposals.Proposal proposal) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", proposal.id());
		view.put("period", proposal.period().toString());
		view.put("status", proposal.status());
		view.put("proposedAt", proposal.proposedAt());
		return view;
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

	record ReasonBody(String reason) {
	}

}
