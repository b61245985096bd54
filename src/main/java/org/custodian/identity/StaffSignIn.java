package org.custodian.identity;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.custodian.identity.Logins.Credential;
import org.custodian.identity.Logins.LoginResult;
import org.custodian.shared.StaffId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff sign in to the console with their password and second factor.
 */
@Service
public class StaffSignIn {

	/** The realm of the console's sign-ins in the audit log and the lockout. */
	public static final String REALM = "console";

	private final JdbcClient jdbc;

	private final Logins logins;

	StaffSignIn(JdbcClient jdbc, Logins logins) {
		this.jdbc = jdbc;
		this.logins = logins;
	}

	@Transactional
	public LoginResult signIn(String email, String password, String code) {
		return this.logins.attempt(REALM, email, credential(email), password, code);
	}

	private Optional<Credential> credential(String email) {
		if (email == null || email.isBlank()) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				SELECT id, array_to_string(roles, ',') AS roles, password_hash FROM staff_user
				WHERE lower(email) = lower(?) AND active AND password_hash IS NOT NULL""")
			.param(email.trim())
			.query((rs, row) -> {
				Set<Role> roles = EnumSet.noneOf(Role.class);
				for (String role : rs.getString("roles").split(",")) {
					roles.add(Role.valueOf(role));
				}
				return new Credential(CurrentUser.staff(new StaffId(rs.getObject("id", UUID.class)), roles),
						rs.getString("password_hash"));
			})
			.optional();
	}

}
