package org.custodian.identity;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.custodian.shared.Actor;
import org.custodian.shared.AuditedAction;
import org.custodian.shared.StaffId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A staff member signs in with the platform's identity provider: their groups there give
 * their roles here (by configuration, on every sign-in), the account is created or linked
 * at the first sign-in, and the provider's multi-factor sign-in is trusted or Custodian's
 * second factor still asked, as configured. Local accounts with a password stay, for
 * break-glass administrators (ADR 0020).
 */
@Service
public class StaffSingleSignOn {

	private final JdbcClient jdbc;

	private final SingleSignOnProperties properties;

	private final SecondFactors secondFactors;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	StaffSingleSignOn(JdbcClient jdbc, SingleSignOnProperties properties, SecondFactors secondFactors,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.secondFactors = secondFactors;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The outcome of a sign-in at the provider.
	 * @param identity who the provider says signed in, and how
	 * @return signed in, a second factor still to check or enrol, or refused
	 */
	@Transactional
	public Result signIn(ProviderIdentity identity) {
		Set<Role> roles = roles(identity.groups());
		if (roles.isEmpty() || identity.email() == null || !identity.emailVerified()) {
			this.events.publishEvent(new AuditedAction(Actor.SYSTEM, "staff.sso-refused", "staff",
					identity.issuer() + "#" + identity.subject(),
					Map.of("reason", roles.isEmpty() ? "no mapped group" : "no verified e-mail address")));
			return new Result(Outcome.REFUSED, null);
		}
		StaffId id = linkedAccount(identity).orElseGet(() -> create(identity, roles));
		boolean active = this.jdbc.sql("SELECT active FROM staff_user WHERE id = ?")
			.param(id.value())
			.query(Boolean.class)
			.single();
		if (!active) {
			return new Result(Outcome.REFUSED, null);
		}
		String roleList = roleList(roles);
		this.jdbc.sql("UPDATE staff_user SET roles = string_to_array(?, ',') WHERE id = ?")
			.params(roleList, id.value())
			.update();
		CurrentUser user = CurrentUser.staff(id, roles);
		boolean trusted = this.properties.trustProviderMfa() && providerUsedSeveralFactors(identity);
		Outcome outcome = trusted ? Outcome.SIGNED_IN
				: this.secondFactors.isEnrolled(user) ? Outcome.SECOND_FACTOR_REQUIRED : Outcome.ENROLMENT_REQUIRED;
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("realm", StaffSignIn.REALM);
		details.put("method", "sso");
		details.put("roles", roleList);
		details.put("secondFactor", trusted ? "provider" : "custodian");
		this.events
			.publishEvent(new AuditedAction(Actor.staff(id), "staff.sso-signed-in", "staff", id.toString(), details));
		return new Result(outcome, user);
	}

	Set<Role> roles(Collection<String> groups) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		groups.forEach((group) -> roles.addAll(this.properties.roles().getOrDefault(group, Set.of())));
		return roles;
	}

	private boolean providerUsedSeveralFactors(ProviderIdentity identity) {
		return identity.amr().stream().anyMatch(this.properties.mfaMethods()::contains)
				|| (identity.acr() != null && this.properties.mfaAcr().contains(identity.acr()));
	}

	/**
	 * The account the provider's subject is linked to, else the one with the same e-mail
	 * address, linked now.
	 */
	private Optional<StaffId> linkedAccount(ProviderIdentity identity) {
		String subject = identity.issuer() + "#" + identity.subject();
		Optional<UUID> linked = this.jdbc.sql("SELECT id FROM staff_user WHERE sso_subject = ?")
			.param(subject)
			.query(UUID.class)
			.optional();
		if (linked.isPresent()) {
			return linked.map(StaffId::new);
		}
		Optional<UUID> byEmail = this.jdbc.sql("SELECT id FROM staff_user WHERE lower(email) = lower(?) FOR UPDATE")
			.param(identity.email())
			.query(UUID.class)
			.optional();
		byEmail.ifPresent((id) -> this.jdbc.sql("UPDATE staff_user SET sso_subject = ? WHERE id = ?")
			.params(subject, id)
			.update());
		return byEmail.map(StaffId::new);
	}

	private StaffId create(ProviderIdentity identity, Set<Role> roles) {
		StaffId id = StaffId.random();
		String roleList = roleList(roles);
		this.jdbc.sql("""
				INSERT INTO staff_user (id, email, name, password_hash, roles, created_at, sso_subject)
				VALUES (?, ?, ?, NULL, string_to_array(?, ','), ?, ?)""")
			.params(id.value(), identity.email(), (identity.name() != null) ? identity.name() : identity.email(),
					roleList, Instant.now(this.clock).atOffset(ZoneOffset.UTC),
					identity.issuer() + "#" + identity.subject())
			.update();
		this.events
			.publishEvent(new IdentityEvents.StaffCreated(Actor.SYSTEM, id.toString(), identity.email(), roleList));
		return id;
	}

	private static String roleList(Set<Role> roles) {
		return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
	}

	/**
	 * What the provider's ID token says.
	 *
	 * @param issuer the provider
	 * @param subject the user's stable id there
	 * @param email their e-mail address
	 * @param emailVerified whether the provider verified it
	 * @param name their name
	 * @param groups their groups
	 * @param amr how they authenticated (RFC 8176 values)
	 * @param acr the authentication context class, if any
	 */
	public record ProviderIdentity(String issuer, String subject, String email, boolean emailVerified, String name,
			Collection<String> groups, Collection<String> amr, String acr) {
	}

	/** The sign-in's outcome and, unless refused, the staff member. */
	public record Result(Outcome outcome, CurrentUser user) {
	}

	public enum Outcome {

		SIGNED_IN, SECOND_FACTOR_REQUIRED, ENROLMENT_REQUIRED, REFUSED

	}

}
