package org.custodian.agency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.custodian.identity.CurrentUser;
import org.custodian.identity.Logins;
import org.custodian.identity.Logins.Credential;
import org.custodian.identity.Logins.LoginResult;
import org.custodian.shared.Actor;
import org.custodian.shared.AgencyId;
import org.custodian.shared.FieldProblems;
import org.custodian.shared.OfficerId;
import org.custodian.shared.web.PublicUrl;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Officers' own accounts on the portal: self-registration with an address on a registered
 * agency domain, proven by an e-mailed link whose holder then chooses the password, then
 * sign-in with a password and a second factor. Registration answers the same whatever the
 * address, so it reveals neither which agencies are registered nor who already has an
 * account.
 */
@Service
public class OfficerAccounts {

	/** The realm of the portal's sign-ins in the audit log and the lockout. */
	public static final String REALM = "portal";

	static final Duration LINK_VALIDITY = Duration.ofHours(24);

	static final int MIN_PASSWORD = 12;

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final Agencies agencies;

	private final PasswordEncoder passwords;

	private final Logins logins;

	private final PortalMail mail;

	private final PublicUrl publicUrl;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	OfficerAccounts(JdbcClient jdbc, Agencies agencies, PasswordEncoder passwords, Logins logins, PortalMail mail,
			PublicUrl publicUrl, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.agencies = agencies;
		this.passwords = passwords;
		this.logins = logins;
		this.mail = mail;
		this.publicUrl = publicUrl;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Registers an officer: checks the fields, and if the address is on the domain of an
	 * agency that is not suspended, e-mails a confirmation link (or, for an existing
	 * account, a reminder to sign in) built from the configured public URL, never from
	 * the request. No password is taken here: whoever holds the link chooses it, so a
	 * stranger who registers someone else's address gains nothing.
	 * @param registration the form
	 * @param locale the language of the e-mail
	 */
	@Transactional
	public void register(Registration registration, Locale locale) {
		FieldProblems problems = new FieldProblems();
		String email = problems.required(registration.email(), "email", 320);
		problems.check(email == null || email.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"), "email",
				"is not an e-mail address");
		String name = problems.required(registration.name(), "name", 200);
		String title = problems.optional(registration.title(), "title", 200);
		problems.throwIfAny();
		Optional<AgencyId> agency = agencyForEmail(email);
		if (agency.isEmpty()) {
			return;
		}
		if (hasAccount(email)) {
			this.mail.alreadyRegistered(email, this.publicUrl.link("/portal/login"), locale);
			return;
		}
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		String tokenHash = sha256(token);
		OffsetDateTime now = now();
		this.jdbc.sql("""
				INSERT INTO officer_registration (token_hash, agency_id, email, name, title, created_at, expires_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(tokenHash, agency.get().value(), email, name, title, now, now.plus(LINK_VALIDITY))
			.update();
		this.events.publishEvent(new PortalEvents.RegistrationRequested(tokenHash, agency.get().toString()));
		this.mail.confirmation(email, name, this.publicUrl.link("/portal/confirm?token=" + token), locale);
	}

	/**
	 * Whether a confirmation link is one that {@link #confirm} would accept now (the page
	 * that asks for the password is shown only then). Opening the link changes nothing.
	 */
	@Transactional(readOnly = true)
	public boolean pending(String token) {
		return token != null && !token.isBlank() && this.jdbc.sql("""
				SELECT count(*) FROM officer_registration r
				WHERE r.token_hash = ? AND r.confirmed_at IS NULL AND r.expires_at > ?
				  AND NOT EXISTS (SELECT 1 FROM officer o WHERE lower(o.email) = lower(r.email)
				    AND o.password_hash IS NOT NULL)""").params(sha256(token), now()).query(Long.class).single() > 0;
	}

	/**
	 * Confirms the address with the link's token and the password its holder chooses now:
	 * creates the officer (or gives an officer an administrator added a password). An
	 * address that already has a password keeps it: the link changes nothing.
	 * @return the officer, or empty for an unknown, used or expired link
	 */
	@Transactional
	public Optional<OfficerId> confirm(String token, String password, String passwordConfirmation) {
		FieldProblems problems = new FieldProblems();
		problems.check(password != null && password.length() >= MIN_PASSWORD, "password",
				"needs at least " + MIN_PASSWORD + " characters");
		problems.check(password == null || password.length() <= 200, "password", "is longer than 200 characters");
		problems.check(password == null || password.equals(passwordConfirmation), "passwordConfirmation",
				"does not match the password");
		if (token == null || token.isBlank()) {
			return Optional.empty();
		}
		Optional<Map<String, Object>> pending = this.jdbc.sql("""
				SELECT agency_id, email, name, title FROM officer_registration
				WHERE token_hash = ? AND confirmed_at IS NULL AND expires_at > ? FOR UPDATE""")
			.params(sha256(token), now())
			.query()
			.listOfRows()
			.stream()
			.findFirst();
		if (pending.isEmpty()) {
			return Optional.empty();
		}
		problems.throwIfAny();
		Map<String, Object> row = pending.get();
		String email = (String) row.get("email");
		this.jdbc.sql("UPDATE officer_registration SET confirmed_at = ? WHERE token_hash = ?")
			.params(now(), sha256(token))
			.update();
		if (hasAccount(email)) {
			return Optional.empty();
		}
		AgencyId agencyId = new AgencyId((UUID) row.get("agency_id"));
		OfficerId officer = this.jdbc.sql("SELECT id FROM officer WHERE lower(email) = lower(?)")
			.param(email)
			.query(UUID.class)
			.optional()
			.map(OfficerId::new)
			.orElseGet(() -> this.agencies.insertOfficer(agencyId, email, (String) row.get("name"),
					(String) row.get("title"), Actor.SYSTEM));
		this.jdbc
			.sql("UPDATE officer SET password_hash = ?, email_confirmed_at = ? WHERE id = ? AND password_hash IS NULL")
			.params(this.passwords.encode(password), now(), officer.value())
			.update();
		this.events.publishEvent(
				new PortalEvents.AccountConfirmed(Actor.officer(officer), officer.toString(), agencyId.toString()));
		return Optional.of(officer);
	}

	private boolean hasAccount(String email) {
		return this.jdbc.sql("SELECT count(*) FROM officer WHERE lower(email) = lower(?) AND password_hash IS NOT NULL")
			.param(email)
			.query(Long.class)
			.single() > 0;
	}

	/** Signs an officer in to the portal. */
	@Transactional
	public LoginResult signIn(String email, String password, String code) {
		Optional<Credential> credential = (email == null || email.isBlank()) ? Optional.empty() : this.jdbc.sql("""
				SELECT o.id, o.agency_id, o.password_hash FROM officer o JOIN agency a ON a.id = o.agency_id
				WHERE lower(o.email) = lower(?) AND o.active AND o.email_confirmed_at IS NOT NULL
				  AND o.password_hash IS NOT NULL AND a.status <> 'SUSPENDED'""")
			.param(email.trim())
			.query((rs, row) -> new Credential(CurrentUser.officer(new OfficerId(rs.getObject("id", UUID.class)),
					new AgencyId(rs.getObject("agency_id", UUID.class))), rs.getString("password_hash")))
			.optional();
		return this.logins.attempt(REALM, email, credential, password, code);
	}

	/**
	 * The agency whose registered domain the address is on (the most specific one),
	 * unless suspended.
	 */
	private Optional<AgencyId> agencyForEmail(String email) {
		int at = email.lastIndexOf('@');
		String domain = EmailDomains.normalise(email.substring(at + 1));
		return this.jdbc.sql("""
				SELECT a.id FROM agency a JOIN agency_email_domain d ON d.agency_id = a.id
				WHERE a.status <> 'SUSPENDED' AND (d.domain = ? OR ? LIKE '%.' || d.domain)
				ORDER BY length(d.domain) DESC LIMIT 1""")
			.params(domain, domain)
			.query(UUID.class)
			.optional()
			.map(AgencyId::new);
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
	}

	private static String sha256(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	/**
	 * A registration form as typed.
	 */
	public record Registration(String email, String name, String title) {
	}

}
