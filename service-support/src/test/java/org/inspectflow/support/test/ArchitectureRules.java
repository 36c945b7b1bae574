package org.inspectflow.support.test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The architecture rules every service keeps (ddd-by-examples/library style): feature packages without cycles,
 * domain code free of framework and engine types, and no service reaching into another service's code (they talk
 * through the contracts over RabbitMQ).
 */
public final class ArchitectureRules {

	private ArchitectureRules() {
	}

	public static void check(String basePackage, JavaClasses classes) {
		featurePackagesAreFreeOfCycles(basePackage).check(classes);
		domainCodeIsFreeOfFrameworks(basePackage).check(classes);
		noReachingIntoOtherServices(basePackage).check(classes);
	}

	public static ArchRule featurePackagesAreFreeOfCycles(String basePackage) {
		return slices().matching(basePackage + ".(*)..").should().beFreeOfCycles().allowEmptyShould(true);
	}

	public static ArchRule domainCodeIsFreeOfFrameworks(String basePackage) {
		return noClasses().that()
			.resideInAPackage(basePackage + "..domain..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "org.operaton..", "com.mongodb..", "org.bson..",
					"jakarta.persistence..", "com.rabbitmq..")
			.allowEmptyShould(true)
			.because("domain code holds the enforcement rules and must not depend on how they are run or stored");
	}

	public static ArchRule noReachingIntoOtherServices(String basePackage) {
		return noClasses().that()
			.resideInAPackage(basePackage + "..")
			.should(dependOnAnotherServicesCode(basePackage))
			.because("services talk through org.inspectflow.contracts over RabbitMQ, never through each other's code");
	}

	private static ArchCondition<JavaClass> dependOnAnotherServicesCode(String basePackage) {
		return new ArchCondition<>("depend on another service's code") {
			@Override
			public void check(JavaClass item, ConditionEvents events) {
				item.getDirectDependenciesFromSelf().forEach((dependency) -> {
					String target = dependency.getTargetClass().getPackageName();
					boolean ours = target.startsWith("org.inspectflow.");
					boolean allowed = target.equals(basePackage) || target.startsWith(basePackage + ".")
							|| target.startsWith("org.inspectflow.contracts")
							|| target.startsWith("org.inspectflow.support");
					if (ours && !allowed) {
						events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
					}
				});
			}
		};
	}

}
