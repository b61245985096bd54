package org.custodian.intake.web;

import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;

/**
 * The floor of the intake load benchmark ({@code bench/intake-load.sh}), only under the
 * {@code bench} profile: the same server, MVC and JSON reading of the same body as
 * {@code POST /api/v1/requests}, then one plain {@code INSERT} of it into a table without
 * indexes, in one transaction. Outside {@code /api}, so no token is looked up or audited.
 */
@RestController
@Profile("bench")
class IntakeFloorController {

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	IntakeFloorController(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.jdbc.sql("CREATE TABLE IF NOT EXISTS bench_intake_floor (body text NOT NULL)").update();
	}

	@PostMapping("/bench/intake-floor")
	@ResponseStatus(HttpStatus.CREATED)
	void insert(@RequestBody JsonNode body) {
		this.transaction
			.executeWithoutResult((status) -> this.jdbc.sql("INSERT INTO bench_intake_floor (body) VALUES (?)")
				.param(body.toString())
				.update());
	}

}
