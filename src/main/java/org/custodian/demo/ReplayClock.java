package org.custodian.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo's clock: set to a moment in history while the replay runs, so that every
 * service records the time the replayed step happened, and the real time otherwise (so
 * that sign-in, second factors and lockout behave normally once the replay is done). The
 * audit log keeps the wall-clock time at which each event was written.
 */
@Component
@Primary
@Profile("demo")
class ReplayClock extends Clock {

	private final Clock system = Clock.systemUTC();

	private volatile Instant replayed;

	/** From now on the clock reads this moment, until it is moved again or resumed. */
	void travelTo(Instant instant) {
		this.replayed = instant;
	}

	/** Back to real time. */
	void resume() {
		this.replayed = null;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		ReplayClock self = this;
		return new Clock() {

			@Override
			public ZoneId getZone() {
				return zone;
			}

			@Override
			public Clock withZone(ZoneId other) {
				return self.withZone(other);
			}

			@Override
			public Instant instant() {
				return self.instant();
			}

		};
	}

	@Override
	public Instant instant() {
		Instant instant = this.replayed;
		return (instant != null) ? instant : this.system.instant();
	}

}
