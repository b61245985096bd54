package org.custodian;

import java.util.Base64;

import org.custodian.support.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Production never silently runs on the embedded development database.
 */
class ProdProfileTests {

	@Test
	void refusesToStartWithoutAnExternalDatabase() {
		assertThatThrownBy(() -> new SpringApplicationBuilder(CustodianApplication.class).profiles("prod")
			.web(WebApplicationType.NONE)
			.properties("spring.datasource.url=embedded")
			.run()
			.close()).rootCause()
			.hasMessageContaining("The prod profile needs an external PostgreSQL")
			.hasMessageContaining("SPRING_DATASOURCE_URL");
	}

	@Test
	void refusesToStartWithoutAMasterKey() {
		TestDatabase database = TestDatabase.get();
		assertThatThrownBy(() -> new SpringApplicationBuilder(CustodianApplication.class).profiles("prod")
			.web(WebApplicationType.NONE)
			.properties("spring.datasource.url=" + database.url(), "spring.datasource.username=" + database.username(),
					"custodian.master-key=", "db-scheduler.enabled=false")
			.run()
			.close()).rootCause()
			.hasMessageContaining("The prod profile needs a master key")
			.hasMessageContaining("CUSTODIAN_MASTER_KEY");
	}

	@Test
	void refusesToStartWithoutAPublicUrl() {
		TestDatabase database = TestDatabase.get();
		assertThatThrownBy(() -> new SpringApplicationBuilder(CustodianApplication.class).profiles("prod")
			.web(WebApplicationType.NONE)
			.properties("spring.datasource.url=" + database.url(), "spring.datasource.username=" + database.username(),
					"db-scheduler.enabled=false")
			.run("--custodian.master-key=" + Base64.getEncoder().encodeToString(new byte[32]))
			.close()).rootCause()
			.hasMessageContaining("The prod profile needs the platform's public URL")
			.hasMessageContaining("CUSTODIAN_PUBLIC_URL");
	}

}
