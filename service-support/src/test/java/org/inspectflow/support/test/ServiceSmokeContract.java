package org.inspectflow.support.test;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.AmqpAdmin;
import org.inspectflow.contracts.Queues;
import org.inspectflow.support.messaging.TopologyDeclarations;

import org.springframework.amqp.core.AnonymousQueue;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every backend service must show against the real parts that {@code ./inspectflow test} starts: it accepts
 * tokens from the real Keycloak, refuses callers without one or with the wrong role (as problem+json), is ready only
 * with its real dependencies, and publishes and consumes through the real RabbitMQ. A service's {@code *SmokeIT}
 * extends this with {@code @SpringBootTest(webEnvironment = RANDOM_PORT)}. The context is closed afterwards, so its
 * outbox relay and listeners do not run on beside the service's other integration tests.
 */
@DirtiesContext
public abstract class ServiceSmokeContract {

	private static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	protected int port;

	@Autowired
	protected RabbitTemplate rabbitTemplate;

	@Autowired
	protected AmqpAdmin amqpAdmin;

	/** The health components the service's readiness must include, e.g. {@code mongo}, {@code rabbit}. */
	protected abstract Set<String> readinessComponents();

	protected RestClient client() {
		return RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.defaultStatusHandler((status) -> true, (request, response) -> {
			})
			.build();
	}

	protected Reply get(String path, String token) {
		return client().get()
			.uri(path)
			.headers((headers) -> {
				if (token != null) {
					headers.setBearerAuth(token);
				}
			})
			.exchange((request, response) -> new Reply(response.getStatusCode().value(), response.getHeaders(),
					new String(response.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
	}

	@Test
	void refusesACallerWithoutTokenWithProblemJson() {
		Reply reply = get("/me", null);
		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.headers().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
		assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(reply.json().get("status").asInt()).isEqualTo(401);
		assertThat(reply.json().get("detail").asText()).contains("bearer token");
	}

	@Test
	void refusesATamperedToken() {
		String token = Keycloak.userToken("officer1");
		String[] parts = token.split("\\.");
		String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
		assertThat(get("/me", forged).status()).isEqualTo(401);
	}

	@Test
	void acceptsAnOfficerTokenWithRolesAndJurisdiction() {
		Reply reply = get("/me", Keycloak.userToken("officer1"));
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		JsonNode me = reply.json();
		assertThat(me.get("username").asText()).isEqualTo("officer1");
		assertThat(me.get("roles")).extracting(JsonNode::asText).containsExactly("officer");
		assertThat(me.get("district").asText()).isEqualTo("440304");
		assertThat(me.get("city").asText()).isEqualTo("440300");
	}

	@Test
	void acceptsAnEnterpriseUserTokenWithItsEnterprise() {
		Reply reply = get("/me", Keycloak.userToken("enterprise1"));
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		assertThat(reply.json().get("roles")).extracting(JsonNode::asText).containsExactly("enterprise");
		assertThat(reply.json().get("enterpriseId").asText()).hasSize(18);
	}

	@Test
	void acceptsTheIntegratorsClientCredentialsToken() {
		Reply reply = get("/me", Keycloak.integratorToken());
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		assertThat(reply.json().get("roles")).extracting(JsonNode::asText).containsExactly("integrator");
	}

	@Test
	void refusesAnOfficerOnAnAdminOnlyEndpointWithProblemJson() {
		Reply reply = get("/actuator/metrics", Keycloak.userToken("officer1"));
		assertThat(reply.status()).isEqualTo(403);
		assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(reply.json().get("status").asInt()).isEqualTo(403);
	}

	@Test
	void letsAnAdminReadTheAdminOnlyEndpoint() {
		assertThat(get("/actuator/metrics", Keycloak.userToken("admin1")).status()).isEqualTo(200);
	}

	@Test
	void isReadyWithItsRealDependencies() {
		Reply anonymous = get("/actuator/health/readiness", null);
		assertThat(anonymous.status()).as(anonymous.body()).isEqualTo(200);
		assertThat(anonymous.json().get("status").asText()).isEqualTo("UP");
		assertThat(anonymous.json().has("components")).as("components are for admins only").isFalse();

		Reply admin = get("/actuator/health/readiness", Keycloak.userToken("admin1"));
		JsonNode components = admin.json().get("components");
		for (String component : readinessComponents()) {
			assertThat(components.has(component)).as("readiness includes " + component + ": " + admin.body())
				.isTrue();
			assertThat(components.get(component).get("status").asText()).isEqualTo("UP");
		}
	}

	@Test
	void publishesAndConsumesThroughTheRealRabbitMq() {
		String queue = this.amqpAdmin.declareQueue(new AnonymousQueue());
		try {
			byte[] sent = ("{\"probe\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8);
			this.rabbitTemplate.send("", queue, MessageBuilder.withBody(sent).build());
			Message received = this.rabbitTemplate.receive(queue, 10_000);
			assertThat(received).as("the message came back through RabbitMQ").isNotNull();
			assertThat(received.getBody()).isEqualTo(sent);
		}
		finally {
			this.amqpAdmin.deleteQueue(queue);
		}
	}

	@Test
	void declaresItsQueuesAsQuorumQueuesWithDeadLetterQueues() {
		for (String queue : TopologyDeclarations.queuesOf(serviceName())) {
			assertThat(this.amqpAdmin.getQueueInfo(queue)).as(queue).isNotNull();
			assertThat(this.amqpAdmin.getQueueInfo(Queues.deadLetterQueue(queue))).as(queue + ".dlq").isNotNull();
		}
	}

	/** The service's {@code spring.application.name}. */
	protected abstract String serviceName();

	/** An HTTP answer, read whole. */
	public record Reply(int status, HttpHeaders headers, String body) {

		public MediaType contentType() {
			return this.headers.getContentType();
		}

		public JsonNode json() {
			try {
				return JSON.readTree(this.body);
			}
			catch (java.io.IOException ex) {
				throw new AssertionError("not JSON: " + this.body, ex);
			}
		}

	}

}
