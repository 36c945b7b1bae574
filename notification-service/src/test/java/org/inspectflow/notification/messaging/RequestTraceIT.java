package org.inspectflow.notification.messaging;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.Document;
import org.inspectflow.contracts.Envelope;
import org.inspectflow.contracts.Exchanges;
import org.inspectflow.contracts.NotificationChannel;
import org.inspectflow.contracts.RecipientType;
import org.inspectflow.contracts.events.NotificationDelivered;
import org.inspectflow.support.messaging.Envelopes;
import org.inspectflow.support.outbox.MongoOutbox;
import org.inspectflow.support.test.Keycloak;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.AnonymousQueue;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trace of an HTTP request goes on through RabbitMQ: a caller sends a W3C {@code traceparent}, the service's
 * Spring MVC layer continues it, and the event that the request caused leaves through the outbox and the real broker
 * with the same trace id, in its envelope and in the AMQP header. The endpoint is the test's own (the service has none
 * that publishes yet); it writes a change with its event exactly as a service does. The context is closed afterwards,
 * so its outbox relay does not run on beside the other integration tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "inspectflow.messaging.outbox-interval=1h")
@AutoConfigureObservability(metrics = false) // Spring Boot's tests turn tracing off unless asked
@DirtiesContext
class RequestTraceIT {

	private static final String COLLECTION = "test_deliveries";

	@LocalServerPort
	int port;

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	AmqpAdmin admin;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	ObjectMapper objectMapper;

	private Queue probe;

	@BeforeEach
	void listenToTheEvent() {
		this.mongo.dropCollection(COLLECTION);
		this.probe = new AnonymousQueue();
		this.admin.declareQueue(this.probe);
		this.admin.declareBinding(BindingBuilder.bind(this.probe)
			.to(new TopicExchange(Exchanges.EVENTS))
			.with(NotificationDelivered.TYPE));
	}

	@AfterEach
	void stopListening() {
		this.admin.deleteQueue(this.probe.getName());
	}

	@Test
	void anEventCausedByARequestCarriesTheRequestsTrace() throws Exception {
		String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
		String callerSpanId = "00f067aa0ba902b7";
		String caseId = "CASE-2026-000201";

		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/test/deliveries/" + caseId))
				.timeout(Duration.ofSeconds(30))
				.header("Authorization", "Bearer " + Keycloak.userToken("officer1"))
				.header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);

		Message message = this.rabbit.receive(this.probe.getName(), 10_000);
		assertThat(message).as("the event on RabbitMQ").isNotNull();
		JsonNode envelope = this.objectMapper.readTree(message.getBody());
		assertThat(envelope.get("id").asText()).isEqualTo(response.body());
		assertThat(envelope.get("subject").asText()).isEqualTo(caseId);
		String traceparent = envelope.get("traceparent").asText();
		assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
		assertThat(traceparent.split("-")[1]).as("the caller's trace").isEqualTo(traceId);
		assertThat(traceparent.split("-")[2]).as("the service's own span in it").isNotEqualTo(callerSpanId);
		assertThat((String) message.getMessageProperties().getHeader("traceparent")).isEqualTo(traceparent);
	}

	/**
	 * {@code POST /test/deliveries/{caseId}}: records a delivery and its {@code NotificationDelivered} event in one
	 * write, as the service's own handlers will, and answers the event's id.
	 */
	@TestConfiguration
	static class DeliveryEndpoint {

		@Bean
		RouterFunction<ServerResponse> testDeliveries(Envelopes envelopes, MongoOutbox outbox, MongoTemplate mongo) {
			return RouterFunctions.route().POST("/test/deliveries/{caseId}", (request) -> {
				String caseId = request.pathVariable("caseId");
				Envelope<NotificationDelivered> event = envelopes.of(NotificationDelivered.TYPE, caseId,
						new NotificationDelivered(UUID.randomUUID().toString(), UUID.randomUUID().toString(), caseId,
								RecipientType.OFFICER, "officer1", NotificationChannel.IN_APP, OffsetDateTime.now()));
				mongo.insert(outbox.withEvents(COLLECTION, new Document("_id", caseId), event), COLLECTION);
				outbox.written();
				return ServerResponse.accepted().body(event.id());
			}).build();
		}

	}

}
