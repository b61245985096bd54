package org.custodian.transparency;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.custodian.audit.AuditHead;
import org.custodian.audit.AuditLog;
import org.custodian.audit.Verification;
import org.custodian.disclosure.SigningKeys;
import org.custodian.identity.Action;
import org.custodian.identity.CurrentUser;
import org.custodian.shared.Actor;
import org.custodian.shared.AuditedAction;
import org.custodian.shared.InvalidInputException;
import org.custodian.shared.NotFoundException;
import org.custodian.transparency.ReportVerification.Check;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes signed reports and verifies them. A publication fixes the figures, the audit
 * log's size and head hash they were computed on, and an Ed25519 signature over all of
 * it; verification recomputes the figures from that many audit events, without the
 * ledger, and checks the signature and the head, so that changing the audit log or the
 * stored report after publication shows.
 */
@Service
public class ReportPublications {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int MAX_DIFFERENCES = 20;

	/** The removal figures' fields on appeals, published since docs/adr/0022. */
	private static final Set<String> APPEAL_FIELDS = Set.of("appealsLodged", "appealsUpheld", "appealsRestored");

	private final JdbcClient jdbc;

	private final TransparencyReports reports;

	private final AuditLog auditLog;

	private final SigningKeys keys;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate snapshot;

	private final TransactionTemplate write;

	ReportPublications(JdbcClient jdbc, TransparencyReports reports, AuditLog auditLog, SigningKeys keys,
			ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.reports = reports;
		this.auditLog = auditLog;
		this.keys = keys;
		this.events = events;
		this.clock = clock;
		this.snapshot = new TransactionTemplate(transactions);
		this.snapshot.setReadOnly(true);
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.write = new TransactionTemplate(transactions);
	}

	/**
	 * Computes the period's report and the audit head in one snapshot (the ledger and the
	 * log are written in the same transactions, so they agree), signs them, and stores
	 * the publication with its audit event. Only {@link PublicationProposals#confirm},
	 * the second person's step, calls this.
	 * @param id the publication's id (the proposal's)
	 * @param alongside what else must commit with the publication (the proposal's
	 * confirmation); if it throws, nothing is published
	 */
	PublishedReport publish(Period period, UUID id, Actor actor, Map<String, Object> auditDetails, Runnable alongside) {
		Instant now = Instant.now(this.clock).truncatedTo(ChronoUnit.MICROS);
		if (period.start().isAfter(now)) {
			throw new InvalidInputException("period", "has not begun yet");
		}
		SigningKeys.Signer signer = this.keys.active();
		Snapshot figures = this.snapshot.execute((status) -> new Snapshot(this.auditLog.head(),
				this.reports.report(period), this.reports.removals(period)));
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("id", id.toString());
		document.put("period", period.toString());
		document.put("publishedAt", now.toString());
		document.put("auditEventCount", figures.head().events());
		document.put("auditHeadHash", figures.head().hash());
		document.put("jurisdictions", figures.rows());
		document.put("removals", figures.removals());
		String text = JSON.writeValueAsString(document);
		PublishedReport published = new PublishedReport(id, period, now, figures.head().events(), figures.head().hash(),
				signer.id(), text, Jws.sign(signer, text));
		this.write.executeWithoutResult((status) -> {
			alongside.run();
			this.jdbc.sql("""
					INSERT INTO transparency_publication (id, period, published_at, published_by, audit_event_count,
					  audit_head_hash, key_id, document, jws)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(id, period.toString(), now.atOffset(ZoneOffset.UTC), actor.kind() + ":" + actor.id(),
						published.auditEventCount(), published.auditHeadHash(), published.keyId(), text,
						published.jws())
				.update();
			Map<String, Object> details = new LinkedHashMap<>(auditDetails);
			details.put("period", period.toString());
			details.put("auditEventCount", published.auditEventCount());
			details.put("auditHeadHash", published.auditHeadHash());
			details.put("keyId", published.keyId());
			this.events.publishEvent(
					new AuditedAction(actor, "report.published", "transparency-report", id.toString(), details));
		});
		return published;
	}

	/** Every publication, newest first. */
	@Transactional(readOnly = true)
	public List<PublishedReport> all() {
		return this.jdbc.sql("SELECT * FROM transparency_publication ORDER BY published_at DESC, id")
			.query(ReportPublications::published)
			.list();
	}

	@Transactional(readOnly = true)
	public PublishedReport find(UUID id) {
		return this.jdbc.sql("SELECT * FROM transparency_publication WHERE id = ?")
			.param(id)
			.query(ReportPublications::published)
			.optional()
			.orElseThrow(() -> new NotFoundException("No published report " + id + "."));
	}

	/** A period's publications, newest first. */
	@Transactional(readOnly = true)
	public List<PublishedReport> of(Period period) {
		return this.jdbc.sql("SELECT * FROM transparency_publication WHERE period = ? ORDER BY published_at DESC, id")
			.param(period.toString())
			.query(ReportPublications::published)
			.list();
	}

	/** The newest publication of a period. */
	@Transactional(readOnly = true)
	public Optional<PublishedReport> latest(Period period) {
		return of(period).stream().findFirst();
	}

	/**
	 * Verifies a stored publication: the stored document must be the signed one.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public ReportVerification verify(PublishedReport published, CurrentUser caller) {
		caller.require(Action.VERIFY_PUBLICATION);
		return verify(published.jws(), (payload) -> payload.equals(parse(published.document())),
				"The stored report is the signed one");
	}

	/**
	 * Verifies a publication as downloaded from the API ({@code report} and {@code jws}):
	 * the readable copy must be the signed one.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public ReportVerification verifyDownload(String envelope) {
		JsonNode downloaded;
		try {
			downloaded = JSON.readTree(envelope);
		}
		catch (JacksonException ex) {
			return new ReportVerification(
					List.of(new Check(false, "The file is not JSON: " + ex.getOriginalMessage())));
		}
		JsonNode copy = downloaded.path("report");
		return verify(downloaded.path("jws").asString(""), (payload) -> payload.equals(copy),
				"The file's readable report is the signed one");
	}

	private ReportVerification verify(String jws, PayloadCheck sameAsCopy, String sameStatement) {
		List<Check> checks = new ArrayList<>();
		Optional<Jws.Parsed> parsed = Jws.parse(jws);
		if (parsed.isEmpty()) {
			checks.add(new Check(false, "The signature is not a compact JWS"));
			return new ReportVerification(checks);
		}
		Jws.Parsed signed = parsed.get();
		Optional<java.security.PublicKey> key = this.keys.publicKey(signed.keyId());
		if (!"EdDSA".equals(signed.algorithm()) || key.isEmpty()) {
			checks.add(new Check(false, "The report is signed with " + signed.algorithm() + " key " + signed.keyId()
					+ ", which is not an Ed25519 key of this platform"));
		}
		else if (!signed.verifiesWith(key.get())) {
			checks.add(new Check(false, "The Ed25519 signature by key " + signed.keyId()
					+ " does NOT match the report: it was changed after it was signed"));
		}
		else {
			checks.add(new Check(true, "Ed25519 signature by key " + signed.keyId() + " is valid"));
		}
		JsonNode report;
		Period period;
		try {
			report = JSON.readTree(signed.payload());
			period = Period.parse(report.path("period").asString(""));
		}
		catch (JacksonException | InvalidInputException ex) {
			checks.add(new Check(false, "The signed payload is not a report"));
			return new ReportVerification(checks);
		}
		boolean same = sameAsCopy.holds(report);
		checks.add(new Check(same, sameStatement + (same ? "" : ": NO, it was changed after signing")));
		long events = report.path("auditEventCount").asLong(-1);
		String head = report.path("auditHeadHash").asString("");
		checkAuditLog(events, head, checks::add);
		compare(period, events, "", this.reports.reportFromAuditLog(period, events), report.path("jurisdictions"),
				Set.of(), checks::add);
		if (report.has("removals")) {
			JsonNode removals = report.path("removals");
			boolean predatesAppeals = !removals.isEmpty()
					&& APPEAL_FIELDS.stream().noneMatch((field) -> removals.findValue(field) != null);
			compare(period, events, "removal ", this.reports.removalsFromAuditLog(period, events), removals,
					predatesAppeals ? APPEAL_FIELDS : Set.of(), checks::add);
			if (predatesAppeals) {
				checks.add(new Check(true, "The report predates appeal figures; there are none to recompute"));
			}
		}
		else {
			checks.add(new Check(true, "The report predates removal figures; there are none to recompute"));
		}
		return new ReportVerification(checks);
	}

	private void checkAuditLog(long events, String head, Consumer<Check> checks) {
		Verification chain = this.auditLog.verify();
		checks.accept(new Check(chain.valid(),
				chain.valid() ? "The audit log's hash chain is intact (" + chain.events() + " events)"
						: "The audit log is BROKEN at event " + chain.firstBrokenSeq() + ": " + chain.problem()));
		Optional<String> recorded = (events == 0) ? Optional.of("0".repeat(64)) : this.auditLog.hashOf(events);
		if (recorded.isEmpty()) {
			checks.accept(new Check(false, "The report cites audit event " + events + ", which the log does not hold"));
		}
		else {
			boolean same = recorded.get().equals(head);
			checks.accept(new Check(same,
					same ? "Audit event " + events + " has the published head hash " + abbreviate(head)
							: "Audit event " + events + " has hash " + abbreviate(recorded.get())
									+ ", not the published head " + abbreviate(head)
									+ ": the log the report was computed on has been rewritten"));
		}
	}

	/**
	 * Compares the published rows, jurisdiction by jurisdiction and field by field, with
	 * the rows recomputed from the audit log.
	 * @param kind "" for the data requests' figures, "removal " for the removal figures
	 * @param unpublished fields the report was published without (added to the figures
	 * since), not compared
	 */
	private void compare(Period period, long events, String kind, List<?> rows, JsonNode published,
			Set<String> unpublished, Consumer<Check> checks) {
		Map<String, JsonNode> recomputed = new LinkedHashMap<>();
		rows.forEach((row) -> {
			JsonNode node = JSON.readTree(JSON.writeValueAsString(row));
			recomputed.put(node.path("jurisdiction").asString(""), node);
		});
		Map<String, JsonNode> claimed = new LinkedHashMap<>();
		published.forEach((row) -> claimed.put(row.path("jurisdiction").asString(""), row));
		Set<String> jurisdictions = new LinkedHashSet<>(claimed.keySet());
		jurisdictions.addAll(recomputed.keySet());
		List<String> differences = new ArrayList<>();
		for (String jurisdiction : jurisdictions) {
			JsonNode mine = recomputed.get(jurisdiction);
			JsonNode theirs = claimed.get(jurisdiction);
			if (mine == null || theirs == null) {
				differences.add(jurisdiction + ": "
						+ ((mine == null) ? "published, but the audit log has no " + kind + "requests"
								: "in the audit log, but missing from the report"));
				continue;
			}
			Set<String> fields = new LinkedHashSet<>(mine.propertyNames());
			fields.addAll(theirs.propertyNames());
			fields.removeAll(unpublished);
			for (String field : fields) {
				if (!mine.path(field).equals(theirs.path(field))) {
					differences.add(jurisdiction + " " + kind + field + ": published " + theirs.path(field)
							+ ", the audit log gives " + mine.path(field));
				}
			}
		}
		if (differences.isEmpty()) {
			checks.accept(new Check(true,
					"All " + kind + "figures of " + period + " (" + jurisdictions.size()
							+ ((jurisdictions.size() == 1) ? " jurisdiction" : " jurisdictions")
							+ ") follow from the first " + events + " audit events"));
		}
		else {
			checks.accept(new Check(false, differences.size() + " " + kind + "figure(s) of " + period
					+ " do NOT follow from the first " + events + " audit events:\n    "
					+ String.join("\n    ", differences.subList(0, Math.min(MAX_DIFFERENCES, differences.size())))));
		}
	}

	private static String abbreviate(String hash) {
		return (hash.length() > 16) ? hash.substring(0, 16) + "…" : hash;
	}

	private static PublishedReport published(ResultSet rs, int row) throws SQLException {
		return new PublishedReport(rs.getObject("id", UUID.class), Period.parse(rs.getString("period")),
				rs.getObject("published_at", OffsetDateTime.class).toInstant(), rs.getLong("audit_event_count"),
				rs.getString("audit_head_hash"), rs.getString("key_id"), rs.getString("document"), rs.getString("jws"));
	}

	private record Snapshot(AuditHead head, List<ReportRow> rows, List<RemovalRow> removals) {
	}

	/** The document as JSON, or null if it is not JSON at all. */
	private static JsonNode parse(String document) {
		try {
			return JSON.readTree(document);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	@FunctionalInterface
	private interface PayloadCheck {

		boolean holds(JsonNode payload);

	}

}
