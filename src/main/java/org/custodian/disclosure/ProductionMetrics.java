package org.custodian.disclosure;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * What this node's production jobs did: {@code custodian.productions.duration} (a built
 * package, from the attempt's start to its release), {@code custodian.productions.bytes}
 * (its size) and {@code custodian.productions.failures} (failed attempts, tagged
 * {@code final} when no attempt is left).
 */
@Component
class ProductionMetrics {

	private final Timer duration;

	private final DistributionSummary bytes;

	private final Counter retried;

	private final Counter failed;

	ProductionMetrics(MeterRegistry registry) {
		this.duration = Timer.builder("custodian.productions.duration")
			.description("Time to build and release a production package")
			.register(registry);
		this.bytes = DistributionSummary.builder("custodian.productions.bytes")
			.description("Size of built production packages")
			.baseUnit("bytes")
			.register(registry);
		this.retried = failures(registry, "false");
		this.failed = failures(registry, "true");
	}

	private static Counter failures(MeterRegistry registry, String last) {
		return Counter.builder("custodian.productions.failures")
			.description("Failed production attempts")
			.tag("final", last)
			.register(registry);
	}

	void built(Duration took, long size) {
		this.duration.record(took);
		this.bytes.record(size);
	}

	void attemptFailed(boolean last) {
		(last ? this.failed : this.retried).increment();
	}

}
