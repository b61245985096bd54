package org.custodian.shared.database;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Each node's name in the job table ({@code scheduled_tasks.picked_by}): host name and
 * process id, so that two nodes on one host (or containers sharing a host name) are told
 * apart; {@code db-scheduler.scheduler-name} overrides it.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerConfiguration {

	@Bean
	DbSchedulerCustomizer nodeSchedulerName(Environment environment) {
		Optional<SchedulerName> name = StringUtils.hasText(environment.getProperty("db-scheduler.scheduler-name"))
				? Optional.empty() : Optional.of(new SchedulerName.Fixed(nodeName()));
		return new DbSchedulerCustomizer() {
			@Override
			public Optional<SchedulerName> schedulerName() {
				return name;
			}
		};
	}

	static String nodeName() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = "node-" + UUID.randomUUID().toString().substring(0, 8);
		}
		return host + "-" + ProcessHandle.current().pid();
	}

}
