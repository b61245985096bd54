package org.custodian.disclosure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.custodian.agency.Agencies;
import org.custodian.disclosure.DisclosureEvents.DisclosureEvent;
import org.custodian.identity.Action;
import org.custodian.identity.CurrentUser;
import org.custodian.intake.Requests;
import org.custodian.intake.SubmittedRequest;
import org.custodian.notice.NoticeEvent;
import org.custodian.notice.Notices;
import org.custodian.review.CaseEvents.RequestTransitioned;
import org.custodian.review.CaseStatus;
import org.custodian.review.Delegations;
import org.custodian.review.ReviewService;
import org.custodian.shared.Actor;
import org.custodian.shared.ConflictException;
import org.custodian.shared.NotFoundException;
import org.custodian.shared.OfficerId;
import org.custodian.shared.RequestId;
import org.custodian.shared.crypto.MasterKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Productions as people use them: queued when a disclosure is approved and the release
 * gate lets it go (an emergency only after its callback, any request only once its
 * targeted users are told or lawfully not), downloaded by the requesting agency's officer
 * (each download recorded, never under a production pause), the passphrase shown once,
 * and purged when the package expires.
 */
@Service
public class ProductionService {

	private static final Logger log = LoggerFactory.getLogger(ProductionService.class);

	private final ProductionStore store;

	private final Requests requests;

	private final Agencies agencies;

	private final ReviewService review;

	private final ReleaseGate gate;

	private final Notices notices;

	private final ObjectProvider<SchedulerClient> scheduler;

	private final OneTimeTask<Void> buildTask;

	private final MasterKey master;

	private final DisclosureProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Delegations delegations;

	ProductionService(ProductionStore store, Requests requests, Agencies agencies, ReviewService review,
			ReleaseGate gate, Notices notices, ObjectProvider<SchedulerClient> scheduler,
			OneTimeTask<Void> buildProductionTask, MasterKey master, DisclosureProperties properties,
			ApplicationEventPublisher events, Clock clock, Delegations delegations) {
		this.store = store;
		this.requests = requests;
		this.agencies = agencies;
		this.review = review;
		this.gate = gate;
		this.notices = notices;
		this.scheduler = scheduler;
		this.buildTask = buildProductionTask;
		this.master = master;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
		this.delegations = delegations;
	}

	/** An approved disclosure is queued for production in the approval's transaction. */
	@EventListener
	public void on(RequestTransitioned transitioned) {
		if (transitioned.to() == CaseStatus.APPROVED) {
			queueIfReady(transitioned.requestId());
		}
	}

	/** A confirmed emergency callback releases an approved emergency to production. */
	@EventListener
	public void on(DisclosureEvent event) {
		if ("emergency.callback-recorded".equals(event.action())
				&& Boolean.TRUE.equals(event.facts().get("confirmed"))) {
			queueIfReady(event.requestId());
		}
	}

	/**
	 * A notice decided or sent may release a production that waits for the targeted users
	 * to be told.
	 */
	@EventListener
	public void on(NoticeEvent event) {
		resumeIfNoticed(event.requestId());
	}

	/**
	 * Queues the request's production if it is approved now (not held by a pause met at
	 * approval) and the release gate lets it go; otherwise it waits, on the record, for a
	 * confirmed callback (an emergency) or for the user notice to be sent.
	 */
	@Transactional
	public void queueIfReady(RequestId id) {
		if (!CaseStatus.APPROVED.name().equals(this.review.statusOf(id))) {
			return;
		}
		Instant now = Instant.now(this.clock);
		// Serialises with a notice being sent meanwhile (resumeIfNoticed locks it too).
		this.store.lock(id);
		Release release = this.gate.check(id);
		if (release instanceof Release.Waiting waiting) {
			boolean callback = waiting.unmet()
				.stream()
				.anyMatch((unmet) -> unmet.safeguard() == Release.Safeguard.EMERGENCY_CALLBACK);
			String status = callback ? "AWAITING_CALLBACK" : "AWAITING_NOTICE";
			if (this.store.queue(id, status, now)) {
				this.events.publishEvent(new DisclosureEvent(id, Actor.SYSTEM,
						callback ? "production.awaiting-callback" : "production.awaiting-notice",
						Map.of("reason", callback ? "An emergency disclosure waits for a confirmed callback to the "
								+ "agency's registered number." : release.reasons())));
			}
			return;
		}
		// A refusal (no four-eyes approval, a pause) is the job's to record: it blocks.
		if (this.store.queue(id, "QUEUED", now)) {
			this.events.publishEvent(new DisclosureEvent(id, Actor.SYSTEM, "production.queued", Map.of()));
			SchedulerClient client = this.scheduler.getIfAvailable();
			if (client != null) {
				client.scheduleIfNotExists(this.buildTask.instance(id.toString()), now);
			}
		}
	}

	/**
	 * Queues a production that waits for the user notice once every targeted user has
	 * been told (or lawfully is not): nobody has to act.
	 */
	@Transactional
	public void resumeIfNoticed(RequestId id) {
		boolean waiting = this.store.lock(id).filter((found) -> "AWAITING_NOTICE".equals(found.status())).isPresent();
		if (waiting && this.notices.awaited(id).isEmpty()) {
			queueIfReady(id);
		}
	}

	/**
	 * The package for the requesting agency's officer: 404 for anyone else's request, 409
	 * unless the release gate lets it out now (a production pause, a notice not yet sent,
	 * ...) or before it is produced. The download is recorded.
	 */
	@Transactional
	public Download download(RequestId id, CurrentUser officer) {
		officer.require(Action.DOWNLOAD_PRODUCTION);
		this.delegations.requireMayAct(id, officer);
		ProductionStore.Production production = ownProduction(id, officer);
		this.store.countDownload(id);
		this.store.recordDownload(id, officer.officerId().value(), production.packageSha256(), Instant.now(this.clock));
		this.events.publishEvent(new DisclosureEvent(id, officer.actor(), "production.downloaded",
				Map.of("packageSha256", production.packageSha256(), "bytes", production.sizeBytes())));
		SubmittedRequest request = this.requests.find(id).orElseThrow();
		return new Download(this.properties.storage().resolve(production.fileName()),
				request.caseNumber() + "-production.zip", production.sizeBytes(), production.packageSha256());
	}

	/** The package's passphrase, shown once; afterwards only its hash is kept. */
	@Transactional
	public String revealPassphrase(RequestId id, CurrentUser officer) {
		officer.require(Action.REVEAL_PASSPHRASE);
		this.delegations.requireMayAct(id, officer);
		ProductionStore.Production production = ownProduction(id, officer);
		if (production.passphraseSealed() == null) {
			throw new ConflictException("The passphrase of this package has already been shown; it is not kept.");
		}
		String passphrase = new String(
				this.master.open(production.passphraseSealed(), ProductionStore.passphrasePlace(id)),
				StandardCharsets.UTF_8);
		this.store.forgetPassphrase(id);
		this.events.publishEvent(new DisclosureEvent(id, officer.actor(), "production.passphrase-shown", Map.of()));
		return passphrase;
	}

	/**
	 * A new passphrase, for the owner or a delegate who lost the one shown: the package
	 * is built again under a new passphrase and replaces the old file, so the old
	 * passphrase opens nothing any more; the new one is shown once, like the first.
	 */
	@Transactional
	public void reissuePassphrase(RequestId id, CurrentUser officer) {
		officer.require(Action.REISSUE_PASSPHRASE);
		this.delegations.requireMayAct(id, officer);
		ownProduction(id, officer);
		this.store.reissue(id);
		this.events.publishEvent(
				new DisclosureEvent(id, officer.actor(), "production.passphrase-reissue-requested", Map.of()));
		SchedulerClient client = this.scheduler.getIfAvailable();
		if (client != null) {
			client.scheduleIfNotExists(this.buildTask.instance(id.toString()), Instant.now(this.clock));
		}
	}

	/**
	 * What the officer sees of the production of one of their agency's requests: its
	 * state, until when it can be downloaded, whether the passphrase was shown, and every
	 * download; 404 for another agency's request.
	 */
	@Transactional(readOnly = true)
	public OfficerPanel officerPanel(RequestId id, CurrentUser officer) {
		ownRequest(id, officer);
		ProductionStore.Production production = this.store.find(id).orElse(null);
		if (production == null) {
			return new OfficerPanel("NONE", null, false, List.of());
		}
		List<DownloadLine> downloads = this.store.downloads(id)
			.stream()
			.map((line) -> new DownloadLine(this.agencies.findOfficer(new OfficerId(line.officerId()))
				.map(Agencies.OfficerView::name)
				.orElse("?"), line.at()))
			.toList();
		return new OfficerPanel(production.status(), production.expiresAt(),
				"PRODUCED".equals(production.status()) && production.passphraseSealed() == null, downloads);
	}

	/**
	 * Whether the production of one of the officer's agency's requests may leave now, and
	 * if not, why (the officer's view); 404 for another agency's request.
	 */
	@Transactional(readOnly = true)
	public Release release(RequestId id, CurrentUser officer) {
		ownRequest(id, officer);
		return this.gate.check(id);
	}

	/** What staff see of a request's production: status, attempts and any failure. */
	@Transactional(readOnly = true)
	public Map<String, Object> staffView(RequestId id, CurrentUser reader) {
		reader.require(Action.READ_CASE);
		ProductionStore.Production production = this.store.find(id)
			.orElseThrow(() -> new NotFoundException("No production for this request."));
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("status", production.status());
		view.put("attempts", production.attempts());
		view.put("lastError", production.lastError());
		view.put("queuedAt", production.queuedAt());
		view.put("producedAt", production.producedAt());
		view.put("expiresAt", production.expiresAt());
		view.put("purgedAt", production.purgedAt());
		view.put("sizeBytes", production.sizeBytes());
		view.put("packageSha256", production.packageSha256());
		view.put("manifestSha256", production.manifestSha256());
		view.put("downloads", production.downloads());
		Release release = this.gate.check(id);
		view.put("release", Map.of("outcome", release.getClass().getSimpleName().toUpperCase(Locale.ROOT), "reasons",
				release.unmet().stream().map(Release.Unmet::reason).toList()));
		view.put("passphraseShown", "PRODUCED".equals(production.status()) && production.passphraseSealed() == null);
		return view;
	}

	/** Deletes expired packages, each purge on the record. */
	@Transactional
	public int purgeExpired(Instant now) {
		int purged = 0;
		for (ProductionStore.Production production : this.store.lockExpired(now, 500)) {
			Path file = this.properties.storage().resolve(production.fileName());
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				log.warn("Cannot delete expired package {}: {}", file, ex.getMessage());
				continue;
			}
			this.store.purged(production.requestId(), now);
			this.events.publishEvent(new DisclosureEvent(production.requestId(), Actor.SYSTEM, "production.purged", Map
				.of("packageSha256", production.packageSha256(), "expiredAt", production.expiresAt().toString())));
			purged++;
		}
		return purged;
	}

	/** The production of a package this platform issued, by the package's SHA-256. */
	@Transactional(readOnly = true)
	public boolean issued(String packageSha256) {
		return this.store.findByPackage(packageSha256).isPresent();
	}

	private SubmittedRequest ownRequest(RequestId id, CurrentUser officer) {
		var active = this.agencies.requireActiveOfficer(officer.officerId());
		return this.requests.find(id)
			.filter((found) -> found.agencyId().equals(active.agencyId()))
			.orElseThrow(() -> new NotFoundException("No request with this id."));
	}

	private ProductionStore.Production ownProduction(RequestId id, CurrentUser officer) {
		SubmittedRequest request = ownRequest(id, officer);
		this.gate.require(id);
		ProductionStore.Production production = this.store.lock(id).orElse(null);
		if (production == null || !"PRODUCED".equals(production.status())) {
			String state = (production == null) ? this.review.statusOf(id)
					: ("PURGED".equals(production.status()) ? "expired and was purged" : production.status());
			throw new ConflictException(
					"No package to download for " + request.caseNumber() + " (production " + state + ").");
		}
		return production;
	}

	/**
	 * The production as the officer sees it.
	 *
	 * @param status the production's state ({@code NONE} before there is one)
	 */
	public record OfficerPanel(String status, Instant expiresAt, boolean passphraseShown,
			List<DownloadLine> downloads) {
	}

	/** One download of the package, by whom and when. */
	public record DownloadLine(String officer, Instant at) {
	}

	/**
	 * A package ready to stream: where it is, what to call it, and its size and SHA-256.
	 */
	public record Download(Path file, String filename, long size, String sha256) {
	}

}
