package org.inspectflow.notification.sms;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.inspectflow.contracts.Exchanges;
import org.inspectflow.contracts.events.NotificationDelivered;
import org.inspectflow.contracts.events.NotificationFailed;
import org.inspectflow.contracts.events.RectificationOrdered;
import org.inspectflow.notification.Samples;
import org.inspectflow.notification.delivery.NotificationDispatcher;
import org.inspectflow.notification.messaging.NotificationListeners;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Text messages through an outside SMS gateway (WireMock on a free port) with the real RabbitMQ and the MongoDB-wire
 * server: a gateway that fails three times and then takes the message sends one SMS, reported delivered once; a
 * gateway that keeps failing opens the breaker, the delivery is reported failed (not permanently) and a later retry
 * sends it; the same event twice sends one SMS. Messages are handed to the listeners' boundary directly, the
 * {@code NotificationDelivered}/{@code NotificationFailed} events are read from the bus.
 */
@SpringBootTest(properties = { "inspectflow.notification.listeners.auto-startup=false",
		"inspectflow.notification.delivery.retry-interval=1h", // the test retries by hand
		"inspectflow.notification.delivery.initial-backoff=0s", "inspectflow.messaging.outbox-interval=200ms",
		"resilience4j.retry.instances.sms-gateway.wait-duration=20ms",
		"resilience4j.circuitbreaker.instances.sms-gateway.sliding-window-size=4",
		"resilience4j.circuitbreaker.instances.sms-gateway.minimum-number-of-calls=4",
		"resilience4j.circuitbreaker.instances.sms-gateway.wait-duration-in-open-state=1s" })
@DirtiesContext
class SmsIT {

	private static final WireMockServer GATEWAY = new WireMockServer(options().dynamicPort());

	private static final int NO_SMTP = freePort();

	private static final String ENTERPRISE1 = "914403040000DM001P";

	private static final String ENTERPRISE2 = "914403050000DM0029";

	static {
		GATEWAY.start();
	}

	@DynamicPropertySource
	static void gateway(DynamicPropertyRegistry registry) {
		registry.add("inspectflow.notification.sms.base-url", GATEWAY::baseUrl);
		// email is not under test here: its failures are reported on the EMAIL channel and filtered out
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> NO_SMTP);
	}

	@Autowired
	NotificationListeners listeners;

	@Autowired
	NotificationDispatcher dispatcher;

	@Autowired
	CircuitBreakerRegistry breakers;

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	AmqpAdmin admin;

	@Autowired
	ObjectMapper objectMapper;

	private Queue probe;

	private final List<JsonNode> received = new CopyOnWriteArrayList<>();

	@BeforeEach
	void reset() {
		GATEWAY.resetAll();
		this.breakers.circuitBreaker(SmsChannel.GATEWAY).reset();
		this.received.clear();
		this.probe = QueueBuilder.nonDurable("test.sms-" + UUID.randomUUID()).exclusive().build();
		this.admin.declareQueue(this.probe);
		this.admin.declareBinding(
				BindingBuilder.bind(this.probe).to(new TopicExchange(Exchanges.EVENTS)).with("notification.#"));
	}

	@AfterEach
	void stopListening() {
		this.admin.deleteQueue(this.probe.getName());
	}

	@AfterAll
	static void stopGateway() {
		GATEWAY.stop();
	}

	@Test
	void aGatewayFailingThreeTimesThenTakingTheMessageSendsOneSms() throws Exception {
		GATEWAY.stubFor(post(urlEqualTo("/sms/send")).inScenario("flaky")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("failed-1"));
		GATEWAY.stubFor(post(urlEqualTo("/sms/send")).inScenario("flaky")
			.whenScenarioStateIs("failed-1")
			.willReturn(aResponse().withStatus(500))
			.willSetStateTo("failed-2"));
		GATEWAY.stubFor(post(urlEqualTo("/sms/send")).inScenario("flaky")
			.whenScenarioStateIs("failed-2")
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("up"));
		GATEWAY.stubFor(post(urlEqualTo("/sms/send")).inScenario("flaky")
			.whenScenarioStateIs("up")
			.willReturn(aResponse().withStatus(202).withBody("{\"status\":\"accepted\"}")));

		ObjectNode order = order(ENTERPRISE1);
		String caseId = order.get("subject").asText();
		String eventId = order.get("id").asText();
		this.listeners.handle(Samples.envelope(order));

		JsonNode delivered = awaitEvents(NotificationDelivered.TYPE, eventId, "SMS", 1).get(0);
		String notificationId = delivered.at("/data/notificationId").asText();
		GATEWAY.verify(4, postRequestedFor(urlEqualTo("/sms/send")));
		GATEWAY.verify(4, postRequestedFor(urlEqualTo("/sms/send")).withHeader("Idempotency-Key", equalTo(notificationId))
			.withRequestBody(matchingJsonPath("$.to", equalTo("+8613800000004")))
			.withRequestBody(matchingJsonPath("$.reference", equalTo(notificationId))));
		String text = GATEWAY.getAllServeEvents().get(0).getRequest().getBodyAsString();
		assertThat(text).contains("【InspectFlow】").contains(caseId).contains("/enterprise/orders/" + caseId);

		drain(1000);
		assertThat(events(NotificationDelivered.TYPE, eventId, "SMS")).as("delivered once").hasSize(1);
		assertThat(events(NotificationFailed.TYPE, eventId, "SMS")).as("the retries hid the outage").isEmpty();
	}

	@Test
	void aGatewayFailingPastTheBreakerIsReportedFailedAndALaterRetrySendsTheSms() throws Exception {
		GATEWAY.stubFor(post(urlEqualTo("/sms/send")).willReturn(aResponse().withStatus(503)));
		ObjectNode order = order(ENTERPRISE1);
		String eventId = order.get("id").asText();
		this.listeners.handle(Samples.envelope(order));

		JsonNode failed = awaitEvents(NotificationFailed.TYPE, eventId, "SMS", 1).get(0);
		assertThat(failed.at("/data/permanent").asBoolean()).isFalse();
		assertThat(failed.at("/data/attempts").asInt()).isEqualTo(1);
		assertThat(failed.at("/data/reason").asText()).contains("503");
		GATEWAY.verify(4, postRequestedFor(urlEqualTo("/sms/send")));
		assertThat(this.breakers.circuitBreaker(SmsChannel.GATEWAY).getState()).isEqualTo(CircuitBreaker.State.OPEN);

		// while the breaker is open, a retry does not touch the gateway
		this.dispatcher.retryDue();
		JsonNode refused = awaitEvents(NotificationFailed.TYPE, eventId, "SMS", 2).get(1);
		assertThat(refused.at("/data/reason").asText()).contains("circuit breaker is open");
		assertThat(refused.at("/data/permanent").asBoolean()).isFalse();
		GATEWAY.verify(4, postRequestedFor(urlEqualTo("/sms/send")));

		GATEWAY.resetAll();
		GATEWAY.stubFor(post(urlEqualTo("/sms/send")).willReturn(aResponse().withStatus(200)));
		Thread.sleep(1200); // the breaker's wait in the open state (1 s here)
		this.dispatcher.retryDue();
		JsonNode delivered = awaitEvents(NotificationDelivered.TYPE, eventId, "SMS", 1).get(0);
		assertThat(delivered.at("/data/notificationId").asText()).as("the same notification, delivered now")
			.isEqualTo(failed.at("/data/notificationId").asText());
		GATEWAY.verify(1, postRequestedFor(urlEqualTo("/sms/send")));
	}

	@Test
	void theSameEventTwiceSendsOneSmsInTheRecipientsLanguage() throws Exception {
		GATEWAY.stubFor(post(urlEqualTo("/sms/send")).willReturn(aResponse().withStatus(200)));
		ObjectNode order = order(ENTERPRISE2);
		String caseId = order.get("subject").asText();
		String eventId = order.get("id").asText();
		this.listeners.handle(Samples.envelope(order));
		awaitEvents(NotificationDelivered.TYPE, eventId, "SMS", 1);
		this.listeners.handle(Samples.envelope(order));
		Thread.sleep(1000);

		GATEWAY.verify(1, postRequestedFor(urlEqualTo("/sms/send")));
		GATEWAY.verify(1, postRequestedFor(urlEqualTo("/sms/send"))
			.withRequestBody(matchingJsonPath("$.to", equalTo("+8613800000005"))));
		JsonNode sent = this.objectMapper.readTree(GATEWAY.getAllServeEvents().get(0).getRequest().getBodyAsString());
		assertThat(sent.get("text").asText()).startsWith("[InspectFlow] ")
			.contains("rectification order in case " + caseId)
			.contains("rectify by 15 December 2026, 23:59 (China Standard Time, UTC+8)")
			.endsWith("http://localhost:8080/enterprise/orders/" + caseId)
			.doesNotContain("\n");
		drain(1000);
		assertThat(events(NotificationDelivered.TYPE, eventId, "SMS")).hasSize(1);
	}

	// ---------------------------------------------------------------------------------------------------- helpers

	private static ObjectNode order(String uscc) {
		ObjectNode order = Samples.json(RectificationOrdered.TYPE);
		String caseId = "CASE-2026-8" + String.format("%05d", ThreadLocalRandom.current().nextInt(100_000));
		order.put("id", UUID.randomUUID().toString());
		order.put("subject", caseId);
		((ObjectNode) order.get("data")).put("caseId", caseId).put("enterpriseUscc", uscc);
		return order;
	}

	private List<JsonNode> awaitEvents(String type, String eventId, String channel, int count) {
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			drain(300);
			return events(type, eventId, channel).size() >= count;
		});
		return events(type, eventId, channel);
	}

	private List<JsonNode> events(String type, String eventId, String channel) {
		return this.received.stream()
			.filter((event) -> event.get("type").asText().equals(type)
					&& event.at("/data/eventId").asText().equals(eventId)
					&& event.at("/data/channel").asText().equals(channel))
			.toList();
	}

	private void drain(long wait) throws IOException {
		Message message = this.rabbit.receive(this.probe.getName(), wait);
		while (message != null) {
			this.received.add(this.objectMapper.readTree(message.getBody()));
			message = this.rabbit.receive(this.probe.getName(), 100);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
