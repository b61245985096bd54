package org.custodian.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.custodian.shared.Actor;
import org.custodian.shared.AgencyId;
import org.custodian.shared.NotFoundException;
import org.custodian.shared.OfficerId;
import org.custodian.shared.StaffId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens: 32 random bytes, shown once, kept only as their SHA-256 (a token has full
 * entropy, so a fast hash is safe where a password would need a slow one), revocable.
 */
@Service
public class ApiTokens {

	private static final String PREFIX = "cst_";

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final StaffAccounts staff;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ApiTokens(JdbcClient jdbc, StaffAccounts staff, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.staff = staff;
		this.events = events;
		this.clock = clock;
	}

	/** Issues a new random token for the owner. */
	@Transactional
	public IssuedToken issue(TokenOwner owner, String label, CurrentUser caller) {
		caller.require(Action.ISSUE_TOKEN);
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return save(owner, PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), label,
				caller.actor());
	}

	/** Stores a token chosen by the operator (the demo's tokens). */
	@Transactional
	public IssuedToken store(TokenOwner owner, String token, String label, CurrentUser caller) {
		caller.require(Action.ISSUE_TOKEN);
		return save(owner, token, label, caller.actor());
	}

	/** Stores a token as the system (the bootstrap token for automation). */
	@Transactional
	IssuedToken save(TokenOwner owner, String token, String label, Actor actor) {
		if (token.length() < 32) {
			throw new IllegalArgumentException("an API token needs at least 32 characters");
		}
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("INSERT INTO api_token (id, token_hash, owner_kind, owner_id, agency_id, label, created_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(id, sha256(token), owner.kind().name(), owner.id(),
					(owner.agencyId() != null) ? owner.agencyId().value() : null, label, now())
			.update();
		this.events.publishEvent(
				new IdentityEvents.TokenIssued(actor, id.toString(), owner.kind().name(), owner.id().toString()));
		return new IssuedToken(id, token);
	}

	@Transactional
	public void revoke(UUID tokenId, CurrentUser caller) {
		caller.require(Action.REVOKE_TOKEN);
		Actor actor = caller.actor();
		int changed = this.jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
			.params(now(), tokenId)
			.update();
		if (changed == 0) {
			throw new NotFoundException("No active token with this id.");
		}
		this.events.publishEvent(new IdentityEvents.TokenRevoked(actor, tokenId.toString()));
	}

	/**
	 * Who a presented token belongs to, if it is valid, unrevoked, and its staff owner is
	 * active.
	 */
	@Transactional(readOnly = true)
	public Optional<Authenticated> authenticate(String token) {
		if (token == null || token.length() < 32) {
			return Optional.empty();
		}
		return this.jdbc.sql(
				"SELECT id, owner_kind, owner_id, agency_id FROM api_token WHERE token_hash = ? AND revoked_at IS NULL")
			.param(sha256(token))
			.query((rs, row) -> new TokenRow(rs.getObject("id", UUID.class), rs.getString("owner_kind"),
					rs.getObject("owner_id", UUID.class), rs.getObject("agency_id", UUID.class)))
			.optional()
			.flatMap(this::user);
	}

	private Optional<Authenticated> user(TokenRow row) {
		if (Actor.Kind.OFFICER.name().equals(row.ownerKind())) {
			return Optional.of(new Authenticated(row.id(),
					CurrentUser.officerToken(new OfficerId(row.ownerId()), new AgencyId(row.agencyId()))));
		}
		return this.staff.find(new StaffId(row.ownerId()))
			.filter(StaffAccounts.StaffMember::active)
			.map((member) -> new Authenticated(row.id(), CurrentUser.staff(member.id(), member.roles())));
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
	}

	static String sha256(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	private record TokenRow(UUID id, String ownerKind, UUID ownerId, UUID agencyId) {
	}

	/**
	 * A token as issued: the only moment its value is known.
	 */
	public record IssuedToken(UUID id, String token) {
	}

	/**
	 * A token that authenticated, and whom.
	 */
	public record Authenticated(UUID tokenId, CurrentUser user) {
	}

}
