package org.custodian.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.custodian.shared.Actor;
import org.custodian.shared.ConflictException;
import org.custodian.shared.Enums;
import org.custodian.shared.FieldProblems;
import org.custodian.shared.StaffId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The response team's user accounts.
 */
@Service
public class StaffAccounts {

	static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	StaffAccounts(JdbcClient jdbc, PasswordEncoder passwords, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Creates a staff user.
	 * @param email unique, case-insensitively
	 * @param name the display name
	 * @param roles role names; at least one
	 * @param password an initial password, or null for token-only access
	 * @param caller who creates the account (an administrator)
	 * @return the new user's id
	 */
	@Transactional
	public StaffId create(String email, String name, List<String> roles, String password, CurrentUser caller) {
		caller.require(Action.CREATE_STAFF);
		return insert(email, name, roles, password, caller.actor());
	}

	/**
	 * Creates a staff user as the system: the first administrator from the environment.
	 */
	@Transactional
	StaffId insert(String email, String name, List<String> roles, String password, Actor actor) {
		FieldProblems problems = new FieldProblems();
		String cleanEmail = problems.required(email, "email", 320);
		problems.check(cleanEmail == null || EMAIL.matcher(cleanEmail).matches(), "email", "is not an e-mail address");
		String cleanName = problems.required(name, "name", 200);
		Set<Role> parsed = EnumSet.noneOf(Role.class);
		if (roles == null || roles.isEmpty()) {
			problems.add("roles", "needs at least one of " + Enums.allowed(Role.class));
		}
		else {
			for (int i = 0; i < roles.size(); i++) {
				Role role = problems.enumValue(Role.class, roles.get(i), "roles[" + i + "]", true);
				if (role != null) {
					parsed.add(role);
				}
			}
		}
		problems.check(password == null || password.length() >= 12, "password", "needs at least 12 characters");
		problems.throwIfAny();
		if (findByEmail(cleanEmail).isPresent()) {
			throw new ConflictException("A staff user with this e-mail already exists.");
		}
		StaffId id = StaffId.random();
		String roleList = parsed.stream().map(Role::name).sorted().collect(Collectors.joining(","));
		this.jdbc
			.sql("INSERT INTO staff_user (id, email, name, password_hash, roles, created_at) "
					+ "VALUES (?, ?, ?, ?, string_to_array(?, ','), ?)")
			.params(id.value(), cleanEmail, cleanName, (password != null) ? this.passwords.encode(password) : null,
					roleList, Instant.now(this.clock).atOffset(java.time.ZoneOffset.UTC))
			.update();
		this.events.publishEvent(new IdentityEvents.StaffCreated(actor, id.toString(), cleanEmail, roleList));
		return id;
	}

	@Transactional(readOnly = true)
	public Optional<StaffMember> find(StaffId id) {
		return this.jdbc
			.sql("SELECT id, email, name, array_to_string(roles, ',') AS roles, active FROM staff_user WHERE id = ?")
			.param(id.value())
			.query(StaffAccounts::member)
			.optional();
	}

	@Transactional(readOnly = true)
	public Optional<StaffMember> findByEmail(String email) {
		return this.jdbc.sql(
				"SELECT id, email, name, array_to_string(roles, ',') AS roles, active FROM staff_user WHERE lower(email) = lower(?)")
			.param(email)
			.query(StaffAccounts::member)
			.optional();
	}

	/** Every staff user, by name. */
	@Transactional(readOnly = true)
	public List<StaffMember> list() {
		return this.jdbc.sql(
				"SELECT id, email, name, array_to_string(roles, ',') AS roles, active FROM staff_user ORDER BY name, email LIMIT 1000")
			.query(StaffAccounts::member)
			.list();
	}

	@Transactional(readOnly = true)
	public boolean anyAdministrator() {
		return this.jdbc.sql("SELECT count(*) FROM staff_user WHERE 'ADMIN' = ANY (roles) AND active")
			.query(Long.class)
			.single() > 0;
	}

	private static StaffMember member(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String role : rs.getString("roles").split(",")) {
			roles.add(Role.valueOf(role));
		}
		return new StaffMember(new StaffId(rs.getObject("id", UUID.class)), rs.getString("email"), rs.getString("name"),
				roles, rs.getBoolean("active"));
	}

	/**
	 * A staff user as others may see it.
	 */
	public record StaffMember(StaffId id, String email, String name, Set<Role> roles, boolean active) {
	}

}
