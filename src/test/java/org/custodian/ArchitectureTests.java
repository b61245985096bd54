package org.custodian;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The domain of policy and review is plain Java: only the Spring components that wire it
 * to the database and the web may know about Spring or servlets.
 */
class ArchitectureTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.custodian");

	@Test
	void keepsThePolicyAndReviewDomainFreeOfSpringAndServlets() {
		domainIsPlainJava("org.custodian.policy", "org.custodian.review").check(CLASSES);
	}

	@Test
	void wouldNoticeADomainClassThatUsesSpring() {
		// The web adapters are Spring MVC controllers: the same rule applied to them must
		// fail, or the rule above proves nothing.
		EvaluationResult result = domainIsPlainJava("org.custodian.review.web", "org.custodian.policy.web")
			.evaluate(CLASSES);

		assertThat(result.hasViolation()).isTrue();
		assertThat(result.getFailureReport().getDetails()).anyMatch((detail) -> detail.contains("CaseController"))
			.anyMatch((detail) -> detail.contains("JurisdictionPolicyController"));
	}

	private static ArchRule domainIsPlainJava(String... packages) {
		return noClasses().that()
			.resideInAnyPackage(packages)
			.and()
			.areNotAnnotatedWith(Service.class)
			.and()
			.areNotAnnotatedWith(Repository.class)
			.and()
			.areNotAnnotatedWith(Component.class)
			.and()
			.areNotAnnotatedWith(Configuration.class)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "jakarta.servlet..")
			.because("the domain must stay testable and reusable without a container");
	}

}
