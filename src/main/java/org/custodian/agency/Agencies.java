package org.custodian.agency;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.custodian.identity.Action;
import org.custodian.identity.CurrentUser;
import org.custodian.shared.Actor;
import org.custodian.shared.AgencyId;
import org.custodian.shared.ConflictException;
import org.custodian.shared.FieldProblems;
import org.custodian.shared.ForbiddenException;
import org.custodian.shared.InvalidInputException;
import org.custodian.shared.Jurisdiction;
import org.custodian.shared.NotFoundException;
import org.custodian.shared.OfficerId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers agencies and officers and answers whether an officer may act.
 */
@Service
public class Agencies {

	/** The languages officers may read their e-mails in. */
	public static final List<String> LANGUAGES = List.of("en", "zh-TW");

	private static final java.util.regex.Pattern PHONE = java.util.regex.Pattern.compile("^\\+[1-9][0-9]{6,14}$");

	private final JdbcClient jdbc;

	private final PublicMailDomains publicMail;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Agencies(JdbcClient jdbc, PublicMailDomains publicMail, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.publicMail = publicMail;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public AgencyId register(NewAgency agency, CurrentUser caller) {
		Actor actor = caller.require(Action.REGISTER_AGENCY).actor();
		FieldProblems problems = new FieldProblems();
		String name = problems.required(agency.name(), "name", 300);
		problems.check(agency.jurisdiction() != null && Jurisdiction.isValid(agency.jurisdiction()), "jurisdiction",
				"must be an ISO 3166-1 alpha-2 code such as HK or US");
		AgencyKind kind = problems.enumValue(AgencyKind.class, agency.kind(), "kind", true);
		Set<String> domains = new LinkedHashSet<>();
		if (agency.emailDomains() == null || agency.emailDomains().isEmpty()) {
			problems.add("emailDomains", "needs at least one official e-mail domain");
		}
		else {
			for (int i = 0; i < agency.emailDomains().size(); i++) {
				String domain = agency.emailDomains().get(i);
				if (EmailDomains.isDomain(domain) && this.publicMail.isPublic(domain)) {
					problems.add("emailDomains",
							EmailDomains.normalise(domain) + " is a public e-mail provider's domain: "
									+ "anyone can get an address there, so it proves nothing about an agency; "
									+ "register the agency's own official domain");
				}
				else if (EmailDomains.isDomain(domain)) {
					domains.add(EmailDomains.normalise(domain));
				}
				else {
					problems.add("emailDomains[" + i + "]", "is not a domain name such as police.gov.hk");
				}
			}
		}
		String phone = (agency.callbackPhone() != null) ? agency.callbackPhone().replaceAll("[\\s().-]", "") : null;
		problems.check(phone != null && PHONE.matcher(phone).matches(), "callbackPhone",
				"must be an international number such as +852 2860 2000");
		problems.throwIfAny();
		AgencyId id = AgencyId.random();
		OffsetDateTime now = now();
		this.jdbc.sql(
				"INSERT INTO agency (id, name, jurisdiction, kind, callback_phone, status, created_at, status_changed_at) "
						+ "VALUES (?, ?, ?, ?, ?, 'PENDING', ?, ?)")
			.params(id.value(), name, Jurisdiction.of(agency.jurisdiction()).code(), kind.name(), phone, now, now)
			.update();
		for (String domain : domains) {
			this.jdbc.sql("INSERT INTO agency_email_domain (agency_id, domain, added_at) VALUES (?, ?, ?)")
				.params(id.value(), domain, now)
				.update();
		}
		this.events.publishEvent(new AgencyEvents.AgencyRegistered(actor, id.toString(), name,
				Jurisdiction.of(agency.jurisdiction()).code(), String.join(",", domains)));
		return id;
	}

	/** Marks an agency VERIFIED or SUSPENDED (with a reason the officers will see). */
	@Transactional
	public AgencyView changeStatus(AgencyId id, String status, String reason, CurrentUser caller) {
		Actor actor = caller.require(Action.VERIFY_AGENCY).actor();
		FieldProblems problems = new FieldProblems();
		AgencyStatus target = (status == null) ? AgencyStatus.VERIFIED
				: problems.enumValue(AgencyStatus.class, status, "status", true);
		problems.check(target != AgencyStatus.PENDING, "status", "must be VERIFIED or SUSPENDED");
		String cleanReason = problems.optional(reason, "reason", 2000);
		problems.throwIfAny();
		AgencyView agency = find(id).orElseThrow(() -> new NotFoundException("No agency with this id."));
		if (agency.status() == target) {
			return agency;
		}
		this.jdbc.sql("UPDATE agency SET status = ?, status_reason = ?, status_changed_at = ? WHERE id = ?")
			.params(target.name(), cleanReason, now(), id.value())
			.update();
		this.events
			.publishEvent(new AgencyEvents.AgencyStatusChanged(actor, id.toString(), target.name(), cleanReason));
		return find(id).orElseThrow();
	}

	@Transactional
	public OfficerId addOfficer(AgencyId agencyId, String email, String name, String title, CurrentUser caller) {
		return insertOfficer(agencyId, email, name, title, caller.require(Action.ADD_OFFICER).actor());
	}

	/**
	 * Adds the officer as the system: a self-registration whose e-mail link was followed
	 * (the address is on the agency's domain).
	 */
	@Transactional
	OfficerId insertOfficer(AgencyId agencyId, String email, String name, String title, Actor actor) {
		AgencyView agency = find(agencyId).orElseThrow(() -> new NotFoundException("No agency with this id."));
		FieldProblems problems = new FieldProblems();
		String cleanEmail = problems.required(email, "email", 320);
		String cleanName = problems.required(name, "name", 200);
		String cleanTitle = problems.optional(title, "title", 200);
		if (cleanEmail != null) {
			problems.check(EmailDomains.belongs(cleanEmail, agency.emailDomains()), "email",
					"is not on one of the agency's registered domains (" + String.join(", ", agency.emailDomains())
							+ ")");
		}
		problems.throwIfAny();
		if (this.jdbc.sql("SELECT count(*) FROM officer WHERE lower(email) = lower(?)")
			.param(cleanEmail)
			.query(Long.class)
			.single() > 0) {
			throw new ConflictException("An officer with this e-mail is already registered.");
		}
		OfficerId id = OfficerId.random();
		this.jdbc.sql("INSERT INTO officer (id, agency_id, email, name, title, created_at) VALUES (?, ?, ?, ?, ?, ?)")
			.params(id.value(), agencyId.value(), cleanEmail, cleanName, cleanTitle, now())
			.update();
		this.events.publishEvent(new AgencyEvents.OfficerAdded(actor, id.toString(), agencyId.toString(), cleanEmail));
		return id;
	}

	@Transactional(readOnly = true)
	public Optional<AgencyView> find(AgencyId id) {
		Optional<AgencyView> agency = this.jdbc.sql("""
				SELECT id, name, jurisdiction, kind, callback_phone, status, status_reason, status_changed_at
				FROM agency WHERE id = ?""")
			.param(id.value())
			.query((rs, row) -> view(rs,
					this.jdbc.sql("SELECT domain FROM agency_email_domain WHERE agency_id = ? ORDER BY domain")
						.param(id.value())
						.query(String.class)
						.list()))
			.optional();
		return agency;
	}

	/**
	 * Every agency with its domains, by name (agencies number in the hundreds, not
	 * millions).
	 */
	@Transactional(readOnly = true)
	public List<AgencyView> list() {
		return this.jdbc.sql("""
				SELECT a.id, a.name, a.jurisdiction, a.kind, a.callback_phone, a.status, a.status_reason,
				  a.status_changed_at, coalesce(string_agg(d.domain, ',' ORDER BY d.domain), '') AS domains
				FROM agency a LEFT JOIN agency_email_domain d ON d.agency_id = a.id
				GROUP BY a.id ORDER BY a.name LIMIT 1000""")
			.query((rs, row) -> view(rs, new ArrayList<>(List.of(rs.getString("domains").split(",")))))
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<OfficerView> findOfficer(OfficerId id) {
		return this.jdbc.sql("SELECT id, agency_id, email, name, title, active FROM officer WHERE id = ?")
			.param(id.value())
			.query((rs, row) -> new OfficerView(new OfficerId(rs.getObject("id", UUID.class)),
					new AgencyId(rs.getObject("agency_id", UUID.class)), rs.getString("email"), rs.getString("name"),
					rs.getString("title"), rs.getBoolean("active")))
			.optional();
	}

	/**
	 * The language the officer reads e-mails from the platform in (English unless they
	 * chose another).
	 */
	@Transactional(readOnly = true)
	public Locale officerLanguage(OfficerId id) {
		return this.jdbc.sql("SELECT language FROM officer WHERE id = ?")
			.param(id.value())
			.query(String.class)
			.optional()
			.map(Locale::forLanguageTag)
			.orElse(Locale.ENGLISH);
	}

	/**
	 * The officer chooses the language of their e-mails: one of {@link #LANGUAGES}.
	 */
	@Transactional
	public void changeLanguage(CurrentUser officer, String language) {
		officer.require(Action.CHANGE_NOTIFICATION_PREFERENCES);
		requireActiveOfficer(officer.officerId());
		if (!LANGUAGES.contains(language)) {
			throw new InvalidInputException("language", "is not a language the platform writes in");
		}
		int changed = this.jdbc.sql("UPDATE officer SET language = ? WHERE id = ? AND language <> ?")
			.params(language, officer.officerId().value(), language)
			.update();
		if (changed > 0) {
			this.events.publishEvent(
					new PortalEvents.LanguageChanged(officer.actor(), officer.officerId().toString(), language));
		}
	}

	/** The officer with this e-mail address (any case), if there is one. */
	@Transactional(readOnly = true)
	public Optional<OfficerView> findOfficerByEmail(String email) {
		return this.jdbc.sql("SELECT id FROM officer WHERE lower(email) = lower(?)")
			.param(email)
			.query(UUID.class)
			.optional()
			.flatMap((id) -> findOfficer(new OfficerId(id)));
	}

	/**
	 * When the registered e-mail domain that each officer's address belongs to was added;
	 * officers without one are left out.
	 */
	@Transactional(readOnly = true)
	public Map<OfficerId, Instant> emailDomainsAddedAt(Collection<OfficerId> ids) {
		Map<OfficerId, Instant> added = new HashMap<>();
		if (ids.isEmpty()) {
			return added;
		}
		this.jdbc.sql("""
				SELECT o.id, max(d.added_at) AS added_at
				FROM officer o JOIN agency_email_domain d ON d.agency_id = o.agency_id
				  AND (lower(split_part(o.email, '@', 2)) = lower(d.domain)
				    OR lower(split_part(o.email, '@', 2)) LIKE '%.' || lower(d.domain))
				WHERE o.id = ANY(?)
				GROUP BY o.id""")
			.param(ids.stream().map(OfficerId::value).distinct().toArray(UUID[]::new))
			.query((rs, row) -> added.put(new OfficerId(rs.getObject("id", UUID.class)),
					rs.getObject("added_at", OffsetDateTime.class).toInstant()))
			.list();
		return added;
	}

	/**
	 * The officer, if allowed to act now; otherwise a 403 that tells the officer why.
	 */
	@Transactional(readOnly = true)
	public ActiveOfficer requireActiveOfficer(OfficerId id) {
		OfficerView officer = findOfficer(id).orElseThrow(() -> new ForbiddenException("Unknown officer."));
		if (!officer.active()) {
			throw new ForbiddenException("Your officer account has been deactivated.");
		}
		AgencyView agency = find(officer.agencyId()).orElseThrow();
		switch (agency.status()) {
			case PENDING -> throw new ForbiddenException("Your agency, " + agency.name()
					+ ", has not been verified yet. The platform verifies agencies out of band before accepting requests.");
			case SUSPENDED -> throw new ForbiddenException("Your agency, " + agency.name() + ", is suspended"
					+ ((agency.statusReason() != null) ? ": " + agency.statusReason() : "."));
			default -> {
			}
		}
		return new ActiveOfficer(officer.id(), agency.id(), agency.name(), agency.jurisdiction());
	}

	private AgencyView view(ResultSet rs, List<String> domains) throws SQLException {
		return new AgencyView(new AgencyId(rs.getObject("id", UUID.class)), rs.getString("name"),
				Jurisdiction.of(rs.getString("jurisdiction")), AgencyKind.valueOf(rs.getString("kind")), domains,
				rs.getString("callback_phone"), AgencyStatus.valueOf(rs.getString("status")),
				rs.getString("status_reason"), this.publicMail.among(domains),
				rs.getObject("status_changed_at", OffsetDateTime.class).toInstant());
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
	}

	/**
	 * An agency as submitted for registration; checked field by field.
	 */
	public record NewAgency(String name, String jurisdiction, String kind, List<String> emailDomains,
			String callbackPhone) {
	}

	/**
	 * A registered agency; {@code publicMailDomains} flags those of its domains that are
	 * a public e-mail provider's (registered before they were refused), which prove
	 * nothing; {@code statusChangedAt} is since when the status holds (for a verified
	 * agency: since when it is verified).
	 */
	public record AgencyView(AgencyId id, String name, Jurisdiction jurisdiction, AgencyKind kind,
			List<String> emailDomains, String callbackPhone, AgencyStatus status, String statusReason,
			List<String> publicMailDomains, Instant statusChangedAt) {
	}

	/**
	 * A registered officer.
	 */
	public record OfficerView(OfficerId id, AgencyId agencyId, String email, String name, String title,
			boolean active) {
	}

}
