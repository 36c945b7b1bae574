package org.inspectflow.workflow;

import java.util.Set;

import org.inspectflow.support.test.ServiceSmokeContract;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * workflow-service against the real Keycloak, RabbitMQ and store that ./inspectflow test starts; the tests and their
 * assertions are those of {@link ServiceSmokeContract}, which every service passes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WorkflowServiceSmokeIT extends ServiceSmokeContract {

	@Override
	protected String serviceName() {
		return "workflow-service";
	}

	@Override
	protected Set<String> readinessComponents() {
		return Set.of("readinessState", "db", "rabbit", "processEngine", "jobExecutor");
	}

}
