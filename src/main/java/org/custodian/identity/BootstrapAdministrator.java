package org.custodian.identity;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.custodian.shared.Actor;
import org.custodian.shared.StaffId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates the first administrator from {@code CUSTODIAN_BOOTSTRAP_ADMIN_EMAIL},
 * {@code _PASSWORD} and {@code _TOKEN} when no administrator exists yet. Never logs the
 * secrets.
 */
@Component
class BootstrapAdministrator implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(BootstrapAdministrator.class);

	private final StaffAccounts staff;

	private final ApiTokens tokens;

	private final String email;

	private final String password;

	private final String token;

	BootstrapAdministrator(StaffAccounts staff, ApiTokens tokens,
			@Value("${custodian.bootstrap.admin-email:${CUSTODIAN_BOOTSTRAP_ADMIN_EMAIL:}}") String email,
			@Value("${custodian.bootstrap.admin-password:${CUSTODIAN_BOOTSTRAP_ADMIN_PASSWORD:}}") String password,
			@Value("${custodian.bootstrap.admin-token:${CUSTODIAN_BOOTSTRAP_ADMIN_TOKEN:}}") String token) {
		this.staff = staff;
		this.tokens = tokens;
		this.email = email;
		this.password = password;
		this.token = token;
		if (!token.isEmpty() && token.length() < 32) {
			throw new IllegalStateException("CUSTODIAN_BOOTSTRAP_ADMIN_TOKEN needs at least 32 characters");
		}
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.email.isBlank() || this.staff.anyAdministrator()) {
			return;
		}
		StaffId id = this.staff.insert(this.email, "Administrator", List.of(Role.ADMIN.name()),
				this.password.isEmpty() ? null : this.password, Actor.SYSTEM);
		if (!this.token.isEmpty()) {
			this.tokens.save(TokenOwner.staff(id), this.token, "bootstrap", Actor.SYSTEM);
		}
		log.info("Created the first administrator {}", this.email);
	}

}
