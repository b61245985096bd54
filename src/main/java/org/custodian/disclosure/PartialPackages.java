package org.custodian.disclosure;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.custodian.disclosure.DisclosureEvents.DisclosureEvent;
import org.custodian.shared.Actor;
import org.custodian.shared.RequestId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What an interrupted build leaves behind ({@code <id>.zip.part<attempt>}, when its node
 * was killed): removed when the production restarts, and at start-up for every production
 * that is not being built. A build in progress always has its production in
 * {@code BUILDING}, so its file is never touched by the start-up sweep.
 */
@Component
class PartialPackages {

	private static final Logger log = LoggerFactory.getLogger(PartialPackages.class);

	static final String INTERRUPTED = "Interrupted, resuming: attempt %d did not finish (its node stopped).";

	private final ProductionStore store;

	private final DisclosureProperties properties;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final boolean cli;

	PartialPackages(ProductionStore store, DisclosureProperties properties, ApplicationEventPublisher events,
			TransactionTemplate transaction, @Value("${custodian.cli:false}") boolean cli) {
		this.store = store;
		this.properties = properties;
		this.events = events;
		this.transaction = transaction;
		this.cli = cli;
	}

	/**
	 * A production found {@code BUILDING} when its job starts is one whose attempt before
	 * never finished. Its partial files go, and the case says so (last error and
	 * timeline).
	 */
	void resumeIfInterrupted(ProductionStore.Production production) {
		if (!"BUILDING".equals(production.status())) {
			return;
		}
		RequestId id = production.requestId();
		int deleted = delete(files(id.toString() + ".zip.part*"));
		String note = INTERRUPTED.formatted(production.attempts());
		log.warn("Production of {}: {} ({} partial file(s) removed)", id, note, deleted);
		this.transaction.executeWithoutResult((tx) -> {
			this.store.noteInterrupted(id, note);
			this.events.publishEvent(new DisclosureEvent(id, Actor.SYSTEM, "production.interrupted",
					Map.of("attempt", production.attempts(), "note", note, "partialFilesRemoved", deleted)));
		});
	}

	/** At start-up: partial files of productions that are not being built. */
	@EventListener(ApplicationReadyEvent.class)
	void sweep() {
		if (this.cli) {
			return;
		}
		List<Path> orphans = new ArrayList<>();
		for (Path file : files("*.zip.part*")) {
			String name = file.getFileName().toString();
			RequestId id = requestId(name.substring(0, name.indexOf(".zip.part")));
			boolean building = id != null
					&& this.store.find(id).map((found) -> "BUILDING".equals(found.status())).orElse(false);
			if (!building) {
				orphans.add(file);
			}
		}
		int deleted = delete(orphans);
		if (deleted > 0) {
			log.info("Removed {} partial package file(s) left by interrupted builds", deleted);
		}
	}

	private List<Path> files(String glob) {
		Path storage = this.properties.storage();
		List<Path> found = new ArrayList<>();
		if (!Files.isDirectory(storage)) {
			return found;
		}
		try (DirectoryStream<Path> stream = Files.newDirectoryStream(storage, glob)) {
			stream.forEach(found::add);
		}
		catch (IOException ex) {
			log.warn("Cannot list {}: {}", storage, ex.getMessage());
		}
		return found;
	}

	private static int delete(List<Path> files) {
		int deleted = 0;
		for (Path file : files) {
			try {
				deleted += Files.deleteIfExists(file) ? 1 : 0;
			}
			catch (IOException ex) {
				log.warn("Cannot delete {}: {}", file, ex.getMessage());
			}
		}
		return deleted;
	}

	private static RequestId requestId(String text) {
		try {
			return new RequestId(UUID.fromString(text));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
