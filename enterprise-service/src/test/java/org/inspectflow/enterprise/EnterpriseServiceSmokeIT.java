package org.inspectflow.enterprise;

import java.util.Set;

import org.inspectflow.support.test.MongoBackedServiceContract;
import org.inspectflow.support.test.ServiceSmokeContract;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * enterprise-service against the real Keycloak, RabbitMQ and store that ./inspectflow test starts; the tests and their
 * assertions are those of {@link ServiceSmokeContract}, which every service passes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EnterpriseServiceSmokeIT extends ServiceSmokeContract implements MongoBackedServiceContract {

	@Override
	protected String serviceName() {
		return "enterprise-service";
	}

	@Override
	protected Set<String> readinessComponents() {
		return Set.of("readinessState", "mongo", "rabbit");
	}

	@Override
	public String expectedDatabase() {
		return "inspectflow-enterprise";
	}

}
