package org.custodian.disclosure;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.custodian.accounts.Account;
import org.custodian.accounts.AccountDirectory;
import org.custodian.agency.Agencies;
import org.custodian.disclosure.DisclosureEvents.DisclosureEvent;
import org.custodian.intake.Requests;
import org.custodian.intake.SubmittedRequest;
import org.custodian.review.CaseQueries;
import org.custodian.review.ReviewService;
import org.custodian.shared.Actor;
import org.custodian.shared.ConflictException;
import org.custodian.shared.DataCategory;
import org.custodian.shared.RequestId;
import org.custodian.shared.crypto.MasterKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The production job's body: starts production (pause check), streams the package to
 * storage, then releases it (the {@link ReleaseGate} again, at that moment) in one
 * transaction with its audit event. Safe to run again after a crash or on another node:
 * each step checks where the production stands.
 */
@Component
class ProductionWorker {

	private static final Logger log = LoggerFactory.getLogger(ProductionWorker.class);

	private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ProductionStore store;

	private final ReviewService review;

	private final ReleaseGate gate;

	private final CaseQueries queries;

	private final Requests requests;

	private final Agencies agencies;

	private final AccountDirectory accounts;

	private final RecordSource source;

	private final List<PreservedRecords> preserved;

	private final SigningKeys keys;

	private final MasterKey master;

	private final DisclosureProperties properties;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final PartialPackages partials;

	private final ProductionMetrics metrics;

	ProductionWorker(ProductionStore store, ReviewService review, ReleaseGate gate, CaseQueries queries,
			Requests requests, Agencies agencies, AccountDirectory accounts, RecordSource source,
			List<PreservedRecords> preserved, SigningKeys keys, MasterKey master, DisclosureProperties properties,
			ApplicationEventPublisher events, TransactionTemplate transaction, Clock clock, PartialPackages partials,
			ProductionMetrics metrics) {
		this.store = store;
		this.review = review;
		this.gate = gate;
		this.queries = queries;
		this.requests = requests;
		this.agencies = agencies;
		this.accounts = accounts;
		this.source = source;
		this.preserved = preserved;
		this.keys = keys;
		this.master = master;
		this.properties = properties;
		this.events = events;
		this.transaction = transaction;
		this.clock = clock;
		this.partials = partials;
		this.metrics = metrics;
	}

	void build(RequestId id) {
		ProductionStore.Production production = this.store.find(id).orElse(null);
		if (production != null && "REISSUING".equals(production.status())) {
			rebuild(production);
			return;
		}
		if (production == null || !List.of("QUEUED", "BUILDING").contains(production.status())) {
			return;
		}
		this.partials.resumeIfInterrupted(production);
		String status = this.review.statusOf(id);
		if ("APPROVED".equals(status)) {
			try {
				this.review.startProduction(id, Actor.SYSTEM);
			}
			catch (ConflictException ex) {
				block(id, ex.getMessage());
				return;
			}
		}
		else if (!"PRODUCING".equals(status)) {
			block(id, "The request is " + status + ".");
			return;
		}
		Integer attempt = this.transaction.execute((tx) -> this.store.startAttempt(id));
		if (attempt == null || attempt == 0) {
			return;
		}
		long started = System.nanoTime();
		Path storage = this.properties.storage();
		Path part = storage.resolve(id + ".zip.part" + attempt);
		Path target = storage.resolve(id + ".zip");
		try {
			this.gate.require(id);
			Files.createDirectories(storage);
			Built built = buildInPlace(id, part, target);
			long size = built.size();
			String packageSha = built.packageSha256();
			byte[] secret = built.passphrase();
			PackageBuilder.Result result = built.result();
			Instant now = Instant.now(this.clock);
			this.transaction.executeWithoutResult((tx) -> {
				this.gate.require(id);
				this.review.finishProduction(id, Actor.SYSTEM);
				this.store.produced(id, target.getFileName().toString(), size, packageSha, result.manifestSha256(),
						this.master.seal(secret, ProductionStore.passphrasePlace(id)), PackageBuilder.sha256(secret),
						now, now.plus(this.properties.retention()));
				this.events.publishEvent(new DisclosureEvent(id, Actor.SYSTEM, "production.built",
						Map.of("packageSha256", packageSha, "manifestSha256", result.manifestSha256(), "bytes", size,
								"files", result.files(), "records", result.records(), "attempt", attempt)));
			});
			this.metrics.built(Duration.ofNanos(System.nanoTime() - started), size);
		}
		catch (ConflictException ex) {
			deleteQuietly(part);
			deleteQuietly(target);
			block(id, ex.getMessage());
		}
		catch (IOException | RuntimeException ex) {
			deleteQuietly(part);
			String error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
			boolean last = attempt >= this.properties.maxAttempts();
			this.metrics.attemptFailed(last);
			log.warn("Production of {} failed (attempt {} of {}): {}", id, attempt, this.properties.maxAttempts(),
					error);
			this.transaction.executeWithoutResult((tx) -> {
				this.store.attemptFailed(id, error, last ? "FAILED" : "QUEUED");
				this.events.publishEvent(
						new DisclosureEvent(id, Actor.SYSTEM, last ? "production.failed" : "production.attempt-failed",
								Map.of("error", error, "attempt", attempt)));
			});
			if (!last) {
				throw (ex instanceof IOException io) ? new UncheckedIOException(io) : (RuntimeException) ex;
			}
		}
	}

	/**
	 * Builds a produced package again under a new passphrase and puts it in the old one's
	 * place, so the old passphrase opens nothing; the expiry stays. A failed attempt is
	 * noted and tried again by the job.
	 */
	private void rebuild(ProductionStore.Production production) {
		RequestId id = production.requestId();
		Path storage = this.properties.storage();
		Path part = storage.resolve(id + ".zip.part-reissue");
		Path target = storage.resolve(production.fileName());
		try {
			this.gate.require(id);
			Built built = buildInPlace(id, part, target);
			long size = built.size();
			String packageSha = built.packageSha256();
			byte[] secret = built.passphrase();
			PackageBuilder.Result result = built.result();
			this.transaction.executeWithoutResult((tx) -> {
				this.store.reissued(id, size, packageSha, result.manifestSha256(),
						this.master.seal(secret, ProductionStore.passphrasePlace(id)), PackageBuilder.sha256(secret));
				this.events.publishEvent(new DisclosureEvent(id, Actor.SYSTEM, "production.passphrase-reissued",
						Map.of("packageSha256", packageSha, "previousPackageSha256", production.packageSha256(),
								"manifestSha256", result.manifestSha256(), "bytes", size)));
			});
		}
		catch (IOException | RuntimeException ex) {
			deleteQuietly(part);
			String error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
			log.warn("Rebuilding the package of {} under a new passphrase failed: {}", id, error);
			this.transaction.executeWithoutResult((tx) -> this.store.noteInterrupted(id, error));
			throw (ex instanceof IOException io) ? new UncheckedIOException(io) : (RuntimeException) ex;
		}
	}

	/**
	 * Builds the package under a new passphrase into {@code part}, then moves it to
	 * {@code target} in one step.
	 */
	private Built buildInPlace(RequestId id, Path part, Path target) throws IOException {
		char[] passphrase = passphrase();
		MessageDigest whole = PackageBuilder.digest();
		PackageBuilder.Result result;
		try (OutputStream out = new DigestOutputStream(
				new BufferedOutputStream(Files.newOutputStream(part), 256 * 1024), whole)) {
			result = buildPackage(id, passphrase, out, part);
		}
		long size = Files.size(part);
		Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		return new Built(result, size, HexFormat.of().formatHex(whole.digest()),
				new String(passphrase).getBytes(StandardCharsets.UTF_8));
	}

	private record Built(PackageBuilder.Result result, long size, String packageSha256, byte[] passphrase) {
	}

	/**
	 * Builds outside any transaction: the source reads with short-lived connections of
	 * its own, and progress is recorded in short transactions around the build.
	 */
	private PackageBuilder.Result buildPackage(RequestId id, char[] passphrase, OutputStream out, Path part) {
		RecordSource records = this.preserved.stream()
			.flatMap((snapshots) -> snapshots.sourceFor(id).stream())
			.findFirst()
			.orElse(this.source);
		return PackageBuilder.build(spec(id), records, passphrase, this.keys.active(), out, new PackageBuilder.Settings(
				this.properties.compressionLevel(), this.properties.buildParallelism(), part));
	}

	private PackageBuilder.Spec spec(RequestId id) {
		SubmittedRequest request = this.requests.find(id).orElseThrow();
		Set<DataCategory> categories = this.queries.approvedCategories(id);
		if (categories.isEmpty()) {
			throw new IllegalStateException("No approved disclosure decision for " + request.caseNumber());
		}
		List<PackageBuilder.Target> targets = request.targets()
			.stream()
			.map((target) -> new PackageBuilder.Target(target.kind().name(), target.value(),
					this.accounts.resolve(target.kind(), target.value()).map(Account::id).orElse(null)))
			.toList();
		String agency = this.agencies.find(request.agencyId()).map(Agencies.AgencyView::name).orElse("unknown");
		Instant now = Instant.now(this.clock);
		// A request without a period asks for everything up to now.
		LocalDate from = (request.from() != null) ? request.from() : LocalDate.EPOCH;
		LocalDate to = (request.to() != null) ? request.to() : LocalDate.ofInstant(now, ZoneOffset.UTC);
		return new PackageBuilder.Spec(request.caseNumber(), id.toString(), agency, categories, from, to, targets, now);
	}

	private void block(RequestId id, String reason) {
		this.transaction.executeWithoutResult((tx) -> {
			this.store.attemptFailed(id, reason, "BLOCKED");
			this.events
				.publishEvent(new DisclosureEvent(id, Actor.SYSTEM, "production.blocked", Map.of("reason", reason)));
		});
	}

	/** 24 characters from 32 unambiguous ones, in groups of four: 120 bits. */
	static char[] passphrase() {
		char[] passphrase = new char[29];
		for (int i = 0; i < passphrase.length; i++) {
			passphrase[i] = (i % 5 == 4) ? '-' : ALPHABET[RANDOM.nextInt(ALPHABET.length)];
		}
		return passphrase;
	}

	private static void deleteQuietly(Path path) {
		try {
			Files.deleteIfExists(path);
		}
		catch (IOException ex) {
			log.warn("Cannot delete {}: {}", path, ex.getMessage());
		}
	}

}
