package org.inspectflow.contracts;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Every service and integrator compiles against contracts, so it must drag in nothing: no Spring, no Jackson, no
 * other module.
 */
@AnalyzeClasses(packages = "org.inspectflow.contracts", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	@ArchTest
	static final ArchRule dependsOnlyOnTheJdkAndItself = classes().should()
		.onlyDependOnClassesThat()
		.resideInAnyPackage("java..", "org.inspectflow.contracts..")
		.because("contracts is shared by every service and must not pull in frameworks");

}
