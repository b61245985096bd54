package org.custodian.disclosure.connector;

import javax.sql.DataSource;

import org.custodian.disclosure.DisclosureProperties;
import org.custodian.disclosure.RecordSource;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Chooses the data source: the sample platform (default, for the demo and tests) or the
 * JDBC connector. A platform with another source declares its own {@link RecordSource}.
 */
@Configuration(proxyBeanMethods = false)
class ConnectorConfiguration {

	@Bean
	@ConditionalOnProperty(name = "custodian.disclosure.source", havingValue = "sample", matchIfMissing = true)
	SamplePlatform samplePlatform(JdbcClient jdbc, JdbcTemplate template) {
		return new SamplePlatform(jdbc, template);
	}

	/** Before the demo's data, whose requests are about the sample's accounts. */
	@Bean
	@Order(0)
	@ConditionalOnProperty(name = "custodian.disclosure.source", havingValue = "sample", matchIfMissing = true)
	ApplicationRunner samplePlatformSeed(SamplePlatform platform, Environment environment) {
		return (arguments) -> {
			if (!environment.getProperty("custodian.cli", Boolean.class, false)) {
				platform.seed();
			}
		};
	}

	@Bean
	@ConditionalOnProperty(name = "custodian.disclosure.source", havingValue = "jdbc")
	@ConditionalOnMissingBean(RecordSource.class)
	RecordSource jdbcRecordSource(DataSource dataSource, DisclosureProperties properties) {
		DisclosureProperties.Jdbc settings = properties.jdbc();
		DataSource source = (settings.url() == null || settings.url().isBlank()) ? dataSource
				: DataSourceBuilder.create()
					.url(settings.url())
					.username(settings.username())
					.password(settings.password())
					.build();
		return new JdbcRecordSource(source, settings);
	}

}
