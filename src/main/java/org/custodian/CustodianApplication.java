package org.custodian;

import org.custodian.disclosure.OfflineVerifier;
import org.custodian.shared.cli.CommandLine;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Custodian: the secure channel, review and record for government requests for user data.
 * Started without arguments it serves the API; with a command (e.g. {@code audit verify})
 * it runs that command against the same database and exits.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CustodianApplication {

	public static void main(String[] args) {
		if (OfflineVerifier.handles(args)) {
			OfflineVerifier.run(args);
			return;
		}
		if (CommandLine.isCommand(args)) {
			System.exit(CommandLine.run(CustodianApplication.class, args));
		}
		SpringApplication.run(CustodianApplication.class, args);
	}

}
