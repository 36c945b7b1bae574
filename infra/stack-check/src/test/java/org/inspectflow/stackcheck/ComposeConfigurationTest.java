package org.inspectflow.stackcheck;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * docker-compose.yml cannot be started on the project's machines (no Docker), so nothing else would notice when it
 * drifts from the services' configuration. These tests read the compose file, every service's application.yml (the
 * {@code compose} profile with the environment compose gives it), the Keycloak realm and the RabbitMQ definitions,
 * and fail with what a user of {@code docker compose up} would run into.
 */
class ComposeConfigurationTest {

	private static Stack stack;

	private static StackChecks checks;

	@BeforeAll
	static void readRepository() {
		stack = Stack.load();
		checks = new StackChecks(stack);
	}

	@Test
	void theServiceModulesAreFound() {
		// Guards the other tests against passing because they found nothing to check.
		assertThat(stack.services().keySet()).as("service modules (root pom modules with an application.yml)")
			.contains("gateway", "workflow-service", "enterprise-service", "evidence-service", "notification-service");
	}

	@Test
	void everyServiceModuleRunsInComposeFromTheSharedDockerfileWithTheComposeProfile() {
		assertNoProblems(checks.composeRunsEveryServiceModule());
	}

	@Test
	void everyServicePublishesThePortItListensOnAndItsHealthcheckAsksThatPort() {
		assertNoProblems(checks.servicesPublishThePortsTheyListenOn());
	}

	@Test
	void servicesReachRabbitMqUnderItsComposeName() {
		assertNoProblems(checks.servicesReachRabbitMqByItsComposeName());
	}

	@Test
	void servicesReachTheMongoReplicaSetUnderItsComposeName() {
		assertNoProblems(checks.servicesReachTheMongoReplicaSetByItsComposeName());
	}

	@Test
	void theWorkflowEngineStoresItsDataInTheComposePostgresDatabase() {
		assertNoProblems(checks.servicesUseTheComposePostgresDatabase());
	}

	@Test
	void servicesFetchTokenKeysFromTheKeycloakContainer() {
		assertNoProblems(checks.servicesFetchTokenKeysFromTheKeycloakContainer());
	}

	@Test
	void servicesAcceptTheTokensKeycloakIssuesToBrowsersOnLocalhost() {
		assertNoProblems(checks.servicesAcceptTheIssuerKeycloakPutsInTokens());
	}

	@Test
	void theGatewayRoutesToTheComposeServicesAndKeycloak() {
		assertNoProblems(checks.gatewayRoutesToTheComposeServices());
	}

	@Test
	void everyDependencyIsAwaitedUntilItIsHealthy() {
		assertNoProblems(checks.dependenciesAreAwaitedUntilHealthy());
	}

	@Test
	void everyServiceWaitsForExactlyWhatItConnectsTo() {
		assertNoProblems(checks.servicesWaitForExactlyWhatTheyConnectTo());
	}

	@Test
	void theMountedRealmLetsBrowsersSignInThroughThePublishedGateway() {
		List<String> problems = new ArrayList<>();
		Path realm = checks.mountedRealmFile(problems);
		assertNoProblems(problems);
		assumeTrue(Files.isRegularFile(realm),
				() -> stack.root().relativize(realm) + " does not exist yet: the realm checks are skipped");
		assertNoProblems(checks.realmLetsTheGatewaySignIn(realm));
	}

	@Test
	void servicesLogInToRabbitMqAsAUserTheDefinitionsCreate() {
		assertNoProblems(checks.servicesLogInToRabbitMqWithADefinedUser());
	}

	@Test
	void imagesAreBuiltAndRunInTheVersionsTheBuildAndScriptsUse() {
		assertNoProblems(checks.imagesUseTheVersionsTheBuildUses());
	}

	private static void assertNoProblems(List<String> found) {
		List<String> problems = found.stream().distinct().toList();
		assertThat(problems).as("docker-compose.yml disagrees with the repository:%n  - %s",
				String.join(System.lineSeparator() + "  - ", problems)).isEmpty();
	}

	/**
	 * The checks above pass on a correct repository; these prove they would fail on a broken one, by feeding the same
	 * checks a changed copy of the compose file.
	 */
	@Nested
	class TheCheckerItself {

		@Test
		void reportsAServicePublishingAnotherPortThanItListensOn() {
			Map<String, Object> compose = stack.compose().copyOfRaw();
			service(compose, "workflow-service").put("ports", List.of("9081:9081"));

			assertThat(new StackChecks(stack.withCompose(compose)).servicesPublishThePortsTheyListenOn())
				.anySatisfy((problem) -> assertThat(problem).startsWith("workflow-service listens on 8081")
					.contains("[9081:9081]"));
		}

		@Test
		void reportsADependencyThatIsOnlyAwaitedUntilStarted() {
			Map<String, Object> compose = stack.compose().copyOfRaw();
			service(compose, "gateway").put("depends_on", List.of("keycloak", "workflow-service"));

			assertThat(new StackChecks(stack.withCompose(compose)).dependenciesAreAwaitedUntilHealthy())
				.contains("gateway depends on keycloak with no condition: it would start before keycloak is ready"
						+ " (use condition: service_healthy)");
		}

		@Test
		void reportsARabbitMqPasswordTheDefinitionsDoNotAccept() {
			Map<String, Object> compose = stack.compose().copyOfRaw();
			environment(compose, "evidence-service").put("INSPECTFLOW_RABBITMQ_PASSWORD", "not-the-demo-password");

			assertThat(new StackChecks(stack.withCompose(compose)).servicesLogInToRabbitMqWithADefinedUser())
				.anySatisfy((problem) -> assertThat(problem).startsWith("evidence-service logs in to RabbitMQ as")
					.contains("password"));
		}

		@Test
		void reportsTheGuestUserWhichRabbitMqOnlyAcceptsFromLocalhost() {
			Map<String, Object> compose = stack.compose().copyOfRaw();
			environment(compose, "enterprise-service").remove("INSPECTFLOW_RABBITMQ_USER");
			environment(compose, "enterprise-service").remove("INSPECTFLOW_RABBITMQ_PASSWORD");

			assertThat(new StackChecks(stack.withCompose(compose)).servicesLogInToRabbitMqWithADefinedUser())
				.anySatisfy((problem) -> assertThat(problem).startsWith("enterprise-service logs in to RabbitMQ as 'guest'")
					.contains("only connect from localhost"));
		}

		@Test
		void reportsAGatewayRouteThatAnEnvironmentVariableBendsAwayFromTheService() {
			// Boot's relaxed binding: INSPECTFLOW_SERVICES_WORKFLOW overrides inspectflow.services.workflow
			Map<String, Object> compose = stack.compose().copyOfRaw();
			environment(compose, "gateway").put("INSPECTFLOW_SERVICES_WORKFLOW", "http://workflow:8081");

			assertThat(new StackChecks(stack.withCompose(compose)).gatewayRoutesToTheComposeServices())
				.anySatisfy((problem) -> assertThat(problem).startsWith("gateway routes /api/workflow to workflow:8081")
					.contains("environment variable INSPECTFLOW_SERVICES_WORKFLOW"));
		}

		@Test
		void reportsAnIssuerThatKeycloakDoesNotPutInTokens() {
			Map<String, Object> compose = stack.compose().copyOfRaw();
			environment(compose, "keycloak").put("KC_HOSTNAME", "http://localhost:8181");

			assertThat(new StackChecks(stack.withCompose(compose)).servicesAcceptTheIssuerKeycloakPutsInTokens())
				.anySatisfy((problem) -> assertThat(problem).contains("expects tokens issued by http://localhost:8180"))
				.anySatisfy((problem) -> assertThat(problem).contains("publishes its port 8080 on the host as 8180"));
		}

		@Test
		void reportsAMongoReplicaSetMemberTheServicesCannotResolve() {
			Map<String, Object> compose = stack.compose().copyOfRaw();
			@SuppressWarnings("unchecked")
			Map<String, Object> healthcheck = (Map<String, Object>) service(compose, "mongo").get("healthcheck");
			healthcheck.put("test", List.of("CMD", "mongosh", "--eval",
					"rs.initiate({_id:'rs0',members:[{_id:0,host:'localhost:27017'}]})"));

			assertThat(new StackChecks(stack.withCompose(compose)).servicesReachTheMongoReplicaSetByItsComposeName())
				.anySatisfy((problem) -> assertThat(problem).contains("member 'localhost:27017'"));
		}

		@Test
		void reportsARealmWithoutTheGatewaysRedirectUri() throws Exception {
			Path realm = Files.createTempFile("realm", ".json");
			try {
				Files.writeString(realm, """
						{"realm": "inspectflow", "clients": [{"clientId": "inspectflow-gateway",
						  "secret": "another-secret", "redirectUris": ["http://localhost:9999/*"]}]}
						""");
				assertThat(checks.realmLetsTheGatewaySignIn(realm))
					.anySatisfy((problem) -> assertThat(problem)
						.containsPattern("does not allow the redirect URI http://localhost:\\d+/login/oauth2/code/keycloak"))
					.anySatisfy((problem) -> assertThat(problem).contains("the secret of inspectflow-gateway"));
			}
			finally {
				Files.delete(realm);
			}
		}

		@SuppressWarnings("unchecked")
		private static Map<String, Object> service(Map<String, Object> compose, String name) {
			return (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get(name);
		}

		@SuppressWarnings("unchecked")
		private static Map<String, Object> environment(Map<String, Object> compose, String name) {
			return (Map<String, Object>) service(compose, name).get("environment");
		}

	}

}
