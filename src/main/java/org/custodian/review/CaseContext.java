package org.custodian.review;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.custodian.accounts.Account;
import org.custodian.accounts.AccountDirectory;
import org.custodian.agency.Agencies;
import org.custodian.agency.AgencyStatus;
import org.custodian.intake.Requests;
import org.custodian.intake.SubmittedRequest;
import org.custodian.intake.Target;
import org.custodian.shared.RequestId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a reviewer decides on beyond the request itself: who asks (the agency, its
 * verification and record; the officer), about whom (each target as the account directory
 * knows it, with the other open requests about the same account), and the pauses in force
 * that would hold the outcome.
 */
@Component
public class CaseContext {

	private final JdbcClient jdbc;

	private final Agencies agencies;

	private final Requests requests;

	private final AccountDirectory accounts;

	private final PauseEnforcement enforcement;

	CaseContext(JdbcClient jdbc, Agencies agencies, Requests requests, AccountDirectory accounts,
			PauseEnforcement enforcement) {
		this.jdbc = jdbc;
		this.agencies = agencies;
		this.requests = requests;
		this.accounts = accounts;
		this.enforcement = enforcement;
	}

	AgencyFacts agency(SubmittedRequest request) {
		long earlier = this.jdbc
			.sql("SELECT count(*) FROM review_case WHERE agency_id = ? AND (received_at, request_id) < (?, ?)")
			.params(request.agencyId().value(), Cases.utc(request.receivedAt()), request.id().value())
			.query(Long.class)
			.single();
		return this.agencies.find(request.agencyId())
			.map((agency) -> new AgencyFacts(agency.name(), agency.jurisdiction().code(), agency.status().name(),
					(agency.status() == AgencyStatus.VERIFIED) ? agency.statusChangedAt() : null, agency.statusReason(),
					earlier))
			.orElse(null);
	}

	OfficerFacts officer(SubmittedRequest request) {
		long earlier = Optional.ofNullable(this.requests.histories(List.of(request.id())).get(request.id()))
			.map(Requests.History::officerPriorRequests)
			.orElse(0L);
		return this.agencies.findOfficer(request.officerId())
			.map((officer) -> new OfficerFacts(officer.name(), officer.title(), officer.email(), earlier == 0, earlier))
			.orElse(null);
	}

	List<TargetFacts> targets(SubmittedRequest request) {
		return request.targets().stream().map((target) -> target(request.id(), target)).toList();
	}

	private TargetFacts target(RequestId id, Target target) {
		Optional<Account> account = this.accounts.resolve(target.kind(), target.value());
		if (account.isEmpty()) {
			return new TargetFacts(target.kind().name(), target.value(), false, null, null, null, List.of());
		}
		List<OtherRequest> others = this.jdbc.sql("""
				SELECT c.request_id, c.case_number, c.status FROM case_target_account t
				JOIN review_case c ON c.request_id = t.request_id
				WHERE t.account_id = ? AND t.request_id <> ? AND c.open
				ORDER BY c.received_at, c.request_id LIMIT 20""")
			.params(account.get().id(), id.value())
			.query((rs, row) -> new OtherRequest(rs.getObject("request_id", UUID.class), rs.getString("case_number"),
					rs.getString("status")))
			.list();
		return new TargetFacts(target.kind().name(), target.value(), true, account.get().id(), account.get().username(),
				(account.get().homeJurisdiction() != null) ? account.get().homeJurisdiction().code() : null, others);
	}

	List<PauseFacts> pauses(RequestId id) {
		return this.enforcement.inForceMatching(id)
			.stream()
			.map((pause) -> new PauseFacts(pause.id(), pause.jurisdiction().code(), pause.match().name(),
					pause.stages().stream().map(Enum::name).sorted().toList(), pause.effectiveFrom(), pause.reason(),
					pause.liftingCondition()))
			.toList();
	}

	/** The requesting agency: its verification and how many requests it sent before. */
	public record AgencyFacts(String name, String jurisdiction, String status, Instant verifiedSince,
			String statusReason, long earlierRequests) {
	}

	/** The officer who sent the request, and whether it is their first. */
	public record OfficerFacts(String name, String title, String email, boolean firstRequest, long earlierRequests) {
	}

	/**
	 * One target as the account directory resolves it (or not), with the other open
	 * requests about the same account.
	 */
	public record TargetFacts(String kind, String value, boolean found, String accountId, String username,
			String homeJurisdiction, List<OtherRequest> otherOpenRequests) {
	}

	/** Another open request about the same account. */
	public record OtherRequest(UUID id, String caseNumber, String status) {
	}

	/** A pause in force that catches this request. */
	public record PauseFacts(UUID id, String jurisdiction, String match, List<String> stages, Instant effectiveFrom,
			String reason, String liftingCondition) {

		/** Whether only one of the two stages is stopped (then the page names it). */
		public boolean oneStage() {
			return this.stages.size() == 1;
		}

	}

}
