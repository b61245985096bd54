package org.custodian.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signing in with a password and a second factor, for the portal and the console alike.
 * Every outcome looks the same for an unknown address, a wrong password and a wrong code;
 * after {@value #MAX_FAILURES} failures the address is locked for a while, whether or not
 * an account exists, so neither the answer nor the lockout reveals who is registered.
 */
@Service
public class Logins {

	static final int MAX_FAILURES = 5;

	static final Duration LOCKOUT = Duration.ofMinutes(15);

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final SecondFactors secondFactors;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	/** Compared against when there is no account, so that both paths take as long. */
	private final String decoy;

	Logins(JdbcClient jdbc, PasswordEncoder passwords, SecondFactors secondFactors, ApplicationEventPublisher events,
			Clock clock) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.secondFactors = secondFactors;
		this.events = events;
		this.clock = clock;
		this.decoy = passwords.encode("decoy password that matches nothing");
	}

	/**
	 * One sign-in attempt.
	 * @param realm {@code portal} or {@code console}
	 * @param email the address as typed
	 * @param account the account with that address, if any, and allowed to sign in
	 * @param password the password as typed
	 * @param code the TOTP or recovery code as typed (ignored until one is enrolled)
	 * @return the outcome
	 */
	@Transactional
	public LoginResult attempt(String realm, String email, Optional<Credential> account, String password, String code) {
		String key = ApiTokens.sha256(realm + ":" + ((email != null) ? email.trim().toLowerCase(Locale.ROOT) : ""));
		Instant now = Instant.now(this.clock);
		Optional<Instant> locked = lockedUntil(realm, key, now);
		if (locked.isPresent()) {
			this.events.publishEvent(new LoginEvents.SignInRefused(realm, key, "locked"));
			return LoginResult.locked(locked.get());
		}
		String hash = account.map(Credential::passwordHash).orElse(null);
		boolean passwordOk = this.passwords.matches((password != null) ? password : "",
				(hash != null) ? hash : this.decoy) && hash != null;
		if (!passwordOk) {
			return fail(realm, key, now, "password");
		}
		CurrentUser user = account.get().user();
		boolean enrolled = this.secondFactors.isEnrolled(user);
		if (enrolled && !this.secondFactors.verify(user, code)) {
			return fail(realm, key, now, "second-factor");
		}
		this.jdbc.sql("DELETE FROM login_throttle WHERE realm = ? AND email_key = ?").params(realm, key).update();
		this.events.publishEvent(new LoginEvents.SignedIn(user.actor(), user.isStaff() ? "staff" : "officer",
				user.id().toString(), realm, !enrolled));
		return enrolled ? LoginResult.signedIn(user) : LoginResult.enrolmentRequired(user);
	}

	private Optional<Instant> lockedUntil(String realm, String key, Instant now) {
		return this.jdbc
			.sql("SELECT locked_until FROM login_throttle WHERE realm = ? AND email_key = ? AND locked_until > ?")
			.params(realm, key, utc(now))
			.query(OffsetDateTime.class)
			.optional()
			.map(OffsetDateTime::toInstant);
	}

	private LoginResult fail(String realm, String key, Instant now, String reason) {
		Integer failures = this.jdbc
			.sql("""
					INSERT INTO login_throttle (realm, email_key, failures, updated_at) VALUES (?, ?, 1, ?)
					ON CONFLICT (realm, email_key) DO UPDATE
					  SET failures = CASE WHEN login_throttle.locked_until IS NOT NULL THEN 1 ELSE login_throttle.failures + 1 END,
					      locked_until = NULL, updated_at = excluded.updated_at
					RETURNING failures""")
			.params(realm, key, utc(now))
			.query(Integer.class)
			.single();
		this.events.publishEvent(new LoginEvents.SignInRefused(realm, key, reason));
		if (failures >= MAX_FAILURES) {
			Instant until = now.plus(LOCKOUT);
			this.jdbc.sql("UPDATE login_throttle SET locked_until = ? WHERE realm = ? AND email_key = ?")
				.params(utc(until), realm, key)
				.update();
			return LoginResult.locked(until);
		}
		return LoginResult.failed();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/**
	 * An account that may sign in: who it is and its password hash.
	 */
	public record Credential(CurrentUser user, String passwordHash) {
	}

	/**
	 * What came of an attempt.
	 */
	public record LoginResult(Outcome outcome, CurrentUser user, Instant lockedUntil) {

		static LoginResult signedIn(CurrentUser user) {
			return new LoginResult(Outcome.SIGNED_IN, user, null);
		}

		static LoginResult enrolmentRequired(CurrentUser user) {
			return new LoginResult(Outcome.ENROLMENT_REQUIRED, user, null);
		}

		static LoginResult failed() {
			return new LoginResult(Outcome.FAILED, null, null);
		}

		static LoginResult locked(Instant until) {
			return new LoginResult(Outcome.LOCKED, null, until);
		}

	}

	/**
	 * The kinds of outcome.
	 */
	public enum Outcome {

		/** Password and code accepted. */
		SIGNED_IN,

		/**
		 * Password accepted; no second factor yet, so the only way on is to enrol one.
		 */
		ENROLMENT_REQUIRED,

		/** Something did not match (which, is not said). */
		FAILED,

		/** Too many failures: no attempt is checked until the lock ends. */
		LOCKED

	}

}
