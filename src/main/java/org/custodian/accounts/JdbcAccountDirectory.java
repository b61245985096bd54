package org.custodian.accounts;

import java.util.Optional;

import org.custodian.shared.Jurisdiction;
import org.custodian.shared.TargetKind;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The default directory: the {@code platform_account} table, with identifiers stored
 * normalised. A platform with its own account service declares its own
 * {@link AccountDirectory} as {@code @Primary}.
 */
@Component
class JdbcAccountDirectory implements AccountDirectory {

	private final JdbcClient jdbc;

	JdbcAccountDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Account> resolve(TargetKind kind, String value) {
		String column = switch (kind) {
			case USER_ID -> "id";
			case USERNAME -> "username";
			case EMAIL -> "email";
			case PHONE -> "phone";
		};
		return this.jdbc
			.sql("SELECT id, username, home_jurisdiction FROM platform_account WHERE " + column + " = ? LIMIT 1")
			.param(AccountDirectory.normalise(kind, value))
			.query((rs, row) -> new Account(rs.getString("id"), rs.getString("username"),
					Jurisdiction.of(rs.getString("home_jurisdiction"))))
			.optional();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Contact> contact(String accountId) {
		return this.jdbc.sql("SELECT email, language, compromised FROM platform_account WHERE id = ?")
			.param(accountId)
			.query((rs, row) -> new Contact(rs.getString("email"), rs.getString("language"),
					rs.getBoolean("compromised")))
			.optional();
	}

}
