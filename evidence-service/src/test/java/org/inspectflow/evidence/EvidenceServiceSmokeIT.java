package org.inspectflow.evidence;

import java.util.Set;

import org.inspectflow.support.test.MongoBackedServiceContract;
import org.inspectflow.support.test.ServiceSmokeContract;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * evidence-service against the real Keycloak, RabbitMQ and store that ./inspectflow test starts; the tests and their
 * assertions are those of {@link ServiceSmokeContract}, which every service passes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EvidenceServiceSmokeIT extends ServiceSmokeContract implements MongoBackedServiceContract {

	@Override
	protected String serviceName() {
		return "evidence-service";
	}

	@Override
	protected Set<String> readinessComponents() {
		return Set.of("readinessState", "mongo", "rabbit");
	}

	@Override
	public String expectedDatabase() {
		return "inspectflow-evidence";
	}

}
