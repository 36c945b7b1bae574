package org.inspectflow.gateway;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The gateway's rules (the services share theirs through service-support's test-jar, which brings servlet types the
 * WebFlux gateway must not have): feature packages without cycles, and no reaching into the services' code: the
 * gateway knows them only as routes.
 */
class ArchitectureTest {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.inspectflow.gateway");

	@Test
	void featurePackagesAreFreeOfCycles() {
		slices().matching("org.inspectflow.gateway.(*)..").should().beFreeOfCycles().check(CLASSES);
	}

	@Test
	void knowsTheServicesOnlyAsRoutes() {
		noClasses().that()
			.resideInAPackage("org.inspectflow.gateway..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.inspectflow.workflow..", "org.inspectflow.enterprise..",
					"org.inspectflow.evidence..", "org.inspectflow.notification..", "org.inspectflow.support..")
			.check(CLASSES);
	}

	@Test
	void staysReactive() {
		noClasses().that()
			.resideInAPackage("org.inspectflow.gateway..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("jakarta.servlet..", "org.springframework.web.servlet..")
			.because("the gateway runs on WebFlux; a servlet type would pull in a second web stack")
			.check(CLASSES);
	}

}
