package org.custodian.preservation;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.custodian.accounts.Account;
import org.custodian.accounts.AccountDirectory;
import org.custodian.agency.Agencies;
import org.custodian.disclosure.DataRecord;
import org.custodian.disclosure.DisclosureEvents.DisclosureEvent;
import org.custodian.shared.crypto.MasterKey;
import org.custodian.disclosure.PreservedRecords;
import org.custodian.disclosure.RecordSource;
import org.custodian.identity.Action;
import org.custodian.identity.CurrentUser;
import org.custodian.intake.Requests;
import org.custodian.intake.SubmittedRequest;
import org.custodian.review.CaseEvents.RequestTransitioned;
import org.custodian.review.CaseStatus;
import org.custodian.review.Delegations;
import org.custodian.review.ReviewService;
import org.custodian.shared.Actor;
import org.custodian.shared.ConflictException;
import org.custodian.shared.DataCategory;
import org.custodian.shared.InvalidInputException;
import org.custodian.shared.NotFoundException;
import org.custodian.shared.RequestId;
import org.custodian.shared.RequestType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Preservation use cases: the snapshot taken when a preservation request is accepted
 * (never for one held by a pause: it is not accepted), the officer's one extension, the
 * reference from a later legal-process request, conversion when that request is produced,
 * and expiry.
 */
@Service
public class Preservations implements PreservedRecords {

	private final JdbcClient jdbc;

	private final Requests requests;

	private final Agencies agencies;

	private final AccountDirectory accounts;

	private final RecordSource live;

	private final MasterKey master;

	private final ReviewService review;

	private final ObjectProvider<SchedulerClient> scheduler;

	private final OneTimeTask<Void> snapshotTask;

	private final ApplicationEventPublisher events;

	private final Duration period;

	private final Clock clock;

	private final Delegations delegations;

	Preservations(JdbcClient jdbc, Requests requests, Agencies agencies, AccountDirectory accounts, RecordSource live,
			MasterKey master, ReviewService review, ObjectProvider<SchedulerClient> scheduler,
			OneTimeTask<Void> preserveRecordsTask, ApplicationEventPublisher events,
			@Value("${custodian.preservation.period:90d}") Duration period, Clock clock, Delegations delegations) {
		this.jdbc = jdbc;
		this.requests = requests;
		this.agencies = agencies;
		this.accounts = accounts;
		this.live = live;
		this.master = master;
		this.review = review;
		this.scheduler = scheduler;
		this.snapshotTask = preserveRecordsTask;
		this.events = events;
		this.period = period;
		this.clock = clock;
		this.delegations = delegations;
	}

	/**
	 * An accepted preservation request gets its snapshot taken by a job; a withdrawn one
	 * has its snapshot purged at once, in the withdrawal's transaction: the agency no
	 * longer asks for the records to be kept, so they are not.
	 */
	@EventListener
	public void on(RequestTransitioned transitioned) {
		if (transitioned.from() == CaseStatus.PRESERVED && transitioned.to() == CaseStatus.WITHDRAWN) {
			purgeWithdrawn(transitioned.requestId());
			return;
		}
		if (transitioned.to() != CaseStatus.PRESERVED) {
			return;
		}
		this.jdbc.sql("INSERT INTO preservation (request_id, status) VALUES (?, 'PENDING') ON CONFLICT DO NOTHING")
			.param(transitioned.requestId().value())
			.update();
		SchedulerClient client = this.scheduler.getIfAvailable();
		if (client != null) {
			client.scheduleIfNotExists(this.snapshotTask.instance(transitioned.requestId().toString()),
					Instant.now(this.clock));
		}
	}

	private void purgeWithdrawn(RequestId id) {
		int purged = this.jdbc.sql("DELETE FROM preserved_records WHERE request_id = ?").param(id.value()).update();
		int preservations = this.jdbc.sql(
				"UPDATE preservation SET status = 'WITHDRAWN' WHERE request_id = ? AND status IN ('PENDING', 'ACTIVE')")
			.param(id.value())
			.update();
		if (preservations > 0) {
			this.events.publishEvent(new DisclosureEvent(id, Actor.SYSTEM, "preservation.withdrawn",
					Map.of("purged", true, "recordSets", purged)));
		}
	}

	/** A legal-process request that referenced a preservation was produced from it. */
	@EventListener
	public void on(DisclosureEvent event) {
		if (!"production.built".equals(event.action())) {
			return;
		}
		referencedPreservation(event.requestId()).ifPresent((preservation) -> {
			this.jdbc.sql("DELETE FROM preserved_records WHERE request_id = ?").param(preservation.value()).update();
			this.jdbc.sql("UPDATE preservation SET status = 'CONVERTED' WHERE request_id = ?")
				.param(preservation.value())
				.update();
			this.review.convertPreservation(preservation, event.requestId());
		});
	}

	/**
	 * Takes the snapshot: the targets' then-existing records, sealed per account and
	 * category. Does nothing unless the request is still PRESERVED and not yet
	 * snapshotted.
	 */
	@Transactional
	public void snapshot(RequestId id) {
		boolean pending = this.jdbc
			.sql("SELECT request_id FROM preservation WHERE request_id = ? AND status = 'PENDING' FOR UPDATE")
			.param(id.value())
			.query(UUID.class)
			.optional()
			.isPresent();
		if (!pending || !CaseStatus.PRESERVED.name().equals(this.review.statusOf(id))) {
			return;
		}
		SubmittedRequest request = this.requests.find(id).orElseThrow();
		Set<DataCategory> categories = request.categories().isEmpty() ? EnumSet.allOf(DataCategory.class)
				: request.categories();
		Instant now = Instant.now(this.clock);
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		long total = 0;
		int accounts = 0;
		for (Account account : this.accounts.resolveAll(request.targets()
			.stream()
			.map((target) -> new AccountDirectory.Identifier(target.kind(), target.value()))
			.toList())) {
			accounts++;
			for (DataCategory category : categories) {
				ByteArrayOutputStream set = new ByteArrayOutputStream();
				long count = 0;
				try (Stream<DataRecord> records = this.live.export(account.id(), category, LocalDate.EPOCH, today)) {
					for (DataRecord record : (Iterable<DataRecord>) records::iterator) {
						set.writeBytes((SnapshotSource.line(record) + "\n").getBytes(StandardCharsets.UTF_8));
						count++;
					}
				}
				byte[] plain = set.toByteArray();
				this.jdbc.sql("""
						INSERT INTO preserved_records (request_id, account_id, category, records, sha256, sealed)
						VALUES (?, ?, ?, ?, encode(sha256(?), 'hex'), ?)""")
					.params(id.value(), account.id(), category.name(), count, plain,
							this.master.seal(plain, recordsPlace(id, account.id(), category.name())))
					.update();
				total += count;
			}
		}
		this.jdbc.sql("""
				UPDATE preservation SET status = 'ACTIVE', snapshot_at = ?, expires_at = ?, records = ?
				WHERE request_id = ?""").params(utc(now), utc(now.plus(this.period)), total, id.value()).update();
		this.events.publishEvent(new DisclosureEvent(id, Actor.SYSTEM, "preservation.snapshot-taken",
				Map.of("accounts", accounts, "records", total, "expiresAt", now.plus(this.period).toString())));
	}

	/** The officer extends the preservation once, by another period. */
	@Transactional
	public Map<String, Object> extend(RequestId id, CurrentUser officer) {
		officer.require(Action.EXTEND_PRESERVATION);
		this.delegations.requireMayAct(id, officer);
		ownRequest(id, officer);
		Map<String, Object> row = lockActive(id);
		if (Boolean.TRUE.equals(row.get("extended"))) {
			throw new ConflictException(
					"This preservation has already been extended once; it cannot be extended again.");
		}
		Instant expires = ((Timestamp) row.get("expires_at")).toInstant().plus(this.period);
		this.jdbc.sql("UPDATE preservation SET extended = true, expires_at = ? WHERE request_id = ?")
			.params(utc(expires), id.value())
			.update();
		this.events.publishEvent(new DisclosureEvent(id, officer.actor(), "preservation.extended",
				Map.of("expiresAt", expires.toString())));
		return read(id);
	}

	/** A legal-process request of the same agency references an active preservation. */
	@Transactional
	public Map<String, Object> reference(RequestId legalRequest, UUID preservationId, CurrentUser officer) {
		officer.require(Action.REFERENCE_PRESERVATION);
		this.delegations.requireMayAct(legalRequest, officer);
		if (preservationId == null) {
			throw new InvalidInputException("preservationRequestId", "is required");
		}
		SubmittedRequest legal = ownRequest(legalRequest, officer);
		if (legal.type() != RequestType.LEGAL_PROCESS) {
			throw new ConflictException("Only a legal-process request can reference a preservation.");
		}
		RequestId preservation = new RequestId(preservationId);
		this.requests.find(preservation)
			.filter((found) -> found.agencyId().equals(legal.agencyId()))
			.orElseThrow(() -> new InvalidInputException("preservationRequestId",
					"is not a preservation request of your agency"));
		lockActive(preservation);
		this.jdbc.sql("""
				INSERT INTO preservation_reference (request_id, preservation_request_id, referenced_at) VALUES (?, ?, ?)
				ON CONFLICT (request_id) DO UPDATE SET preservation_request_id = EXCLUDED.preservation_request_id""")
			.params(legalRequest.value(), preservationId, utc(Instant.now(this.clock)))
			.update();
		this.events.publishEvent(new DisclosureEvent(legalRequest, officer.actor(), "preservation.referenced",
				Map.of("preservationRequestId", preservationId.toString())));
		return Map.of("requestId", legalRequest.value(), "preservationRequestId", preservationId);
	}

	/** Purges expired snapshots, each on the record. */
	@Transactional
	public int expire(Instant now) {
		List<UUID> expired = this.jdbc.sql("""
				SELECT request_id FROM preservation WHERE status = 'ACTIVE' AND expires_at <= ?
				ORDER BY expires_at LIMIT 500 FOR UPDATE SKIP LOCKED""").param(utc(now)).query(UUID.class).list();
		for (UUID id : expired) {
			this.jdbc.sql("DELETE FROM preserved_records WHERE request_id = ?").param(id).update();
			this.jdbc.sql("UPDATE preservation SET status = 'EXPIRED' WHERE request_id = ?").param(id).update();
			this.events.publishEvent(new DisclosureEvent(new RequestId(id), Actor.SYSTEM, "preservation.expired",
					Map.of("purged", true)));
			if (CaseStatus.PRESERVED.name().equals(this.review.statusOf(new RequestId(id)))) {
				this.review.expirePreservation(new RequestId(id));
			}
		}
		return expired.size();
	}

	@Transactional(readOnly = true)
	public Map<String, Object> view(RequestId id, CurrentUser reader) {
		reader.require(Action.READ_CASE);
		return read(id);
	}

	private Map<String, Object> read(RequestId id) {
		return this.jdbc.sql("SELECT * FROM preservation WHERE request_id = ?").param(id.value()).query((rs, row) -> {
			Map<String, Object> view = new LinkedHashMap<>();
			view.put("status", rs.getString("status"));
			OffsetDateTime snapshot = rs.getObject("snapshot_at", OffsetDateTime.class);
			OffsetDateTime expires = rs.getObject("expires_at", OffsetDateTime.class);
			view.put("snapshotAt", (snapshot != null) ? snapshot.toInstant() : null);
			view.put("expiresAt", (expires != null) ? expires.toInstant() : null);
			view.put("extended", rs.getBoolean("extended"));
			view.put("records", rs.getLong("records"));
			return view;
		}).optional().orElseThrow(() -> new NotFoundException("No preservation for this request."));
	}

	@Override
	public Optional<RecordSource> sourceFor(RequestId request) {
		return referencedPreservation(request)
			.map((preservation) -> new SnapshotSource(this.live, (accountId) -> openSets(preservation, accountId)));
	}

	private Optional<RequestId> referencedPreservation(RequestId request) {
		return this.jdbc.sql("""
				SELECT r.preservation_request_id FROM preservation_reference r
				JOIN preservation p ON p.request_id = r.preservation_request_id
				WHERE r.request_id = ? AND p.status = 'ACTIVE'""")
			.param(request.value())
			.query(UUID.class)
			.optional()
			.map(RequestId::new);
	}

	private static MasterKey.SealedAt recordsPlace(RequestId id, String account, String category) {
		return new MasterKey.SealedAt("preserved_records", "sealed", id.value() + "/" + account + "/" + category);
	}

	private Map<DataCategory, byte[]> openSets(RequestId preservation, String accountId) {
		Map<DataCategory, byte[]> sets = new EnumMap<>(DataCategory.class);
		this.jdbc.sql("SELECT category, sealed FROM preserved_records WHERE request_id = ? AND account_id = ?")
			.params(preservation.value(), accountId)
			.query((rs, row) -> sets.put(DataCategory.valueOf(rs.getString("category")),
					this.master.open(rs.getBytes("sealed"),
							recordsPlace(preservation, accountId, rs.getString("category")))))
			.list();
		return sets;
	}

	private Map<String, Object> lockActive(RequestId id) {
		return this.jdbc.sql("SELECT * FROM preservation WHERE request_id = ? AND status = 'ACTIVE' FOR UPDATE")
			.param(id.value())
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElseThrow(() -> new ConflictException("No active preservation snapshot for this request."));
	}

	private SubmittedRequest ownRequest(RequestId id, CurrentUser officer) {
		var active = this.agencies.requireActiveOfficer(officer.officerId());
		return this.requests.find(id)
			.filter((found) -> found.agencyId().equals(active.agencyId()))
			.orElseThrow(() -> new NotFoundException("No request with this id."));
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
