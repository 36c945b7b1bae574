package org.inspectflow.notification.messaging;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.inspectflow.contracts.Exchanges;
import org.inspectflow.contracts.events.NotificationDelivered;
import org.inspectflow.contracts.events.NotificationFailed;
import org.inspectflow.contracts.events.RectificationOrdered;
import org.inspectflow.notification.Samples;
import org.inspectflow.notification.delivery.NotificationDispatcher;
import org.inspectflow.support.test.Keycloak;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Notifications end to end against the real RabbitMQ, Keycloak, the MongoDB-wire server and an SMTP server
 * (GreenMail on a free port): a {@code workflow.RectificationOrdered.v1} published to {@code inspectflow.events}
 * becomes an email (read back from GreenMail), a text message (the SMS gateway is WireMock on a free port), an inbox entry that only its enterprise's user sees, a push on that
 * user's open stream, and {@code notification.NotificationDelivered.v1} on the bus; the same event twice changes
 * nothing; an email that fails is reported and sent by a later retry.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "inspectflow.notification.delivery.retry-interval=1h", // the test retries by hand
				"inspectflow.notification.delivery.initial-backoff=0s", "inspectflow.messaging.outbox-interval=200ms" })
@DirtiesContext // its listeners, relay and scheduler must not run on beside the other integration tests
class NotificationsIT {

	private static final int SMTP_PORT = freePort();

	@RegisterExtension
	static final GreenMailExtension SMTP = new GreenMailExtension(
			new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
		.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
		.withPerMethodLifecycle(false);

	private static final WireMockServer SMS_GATEWAY = new WireMockServer(options().dynamicPort());

	static {
		SMS_GATEWAY.start();
	}

	private static final String ENTERPRISE1 = "914403040000DM001P";

	private static final String ENTERPRISE2 = "914403050000DM0029";

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
		registry.add("inspectflow.notification.sms.base-url", SMS_GATEWAY::baseUrl);
	}

	@AfterAll
	static void stopSmsGateway() {
		SMS_GATEWAY.stop();
	}

	@LocalServerPort
	int port;

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	AmqpAdmin admin;

	@Autowired
	ObjectMapper objectMapper;

	@Autowired
	NotificationListeners listeners;

	@Autowired
	NotificationDispatcher dispatcher;

	private Queue probe;

	private final List<JsonNode> received = new CopyOnWriteArrayList<>();

	@BeforeEach
	void listenToNotificationEvents() throws Exception {
		SMTP.purgeEmailFromAllMailboxes();
		SMS_GATEWAY.resetAll();
		SMS_GATEWAY.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/sms/send"))
			.willReturn(aResponse().withStatus(202)));
		this.received.clear();
		// exclusive but not auto-delete: each receive below starts and cancels a consumer, which would delete it
		this.probe = QueueBuilder.nonDurable("test.notifications-" + UUID.randomUUID()).exclusive().build();
		this.admin.declareQueue(this.probe);
		this.admin.declareBinding(
				BindingBuilder.bind(this.probe).to(new TopicExchange(Exchanges.EVENTS)).with("notification.#"));
	}

	@AfterEach
	void stopListening() {
		this.admin.deleteQueue(this.probe.getName());
		if (!SMTP.isRunning()) {
			SMTP.start();
		}
	}

	@Test
	void anOrderReachesTheEnterpriseByEmailInItsInboxAndLiveAndIsReportedDelivered() throws Exception {
		Stream<String> stream = openStream("enterprise1");
		List<String> pushed = collect(stream);
		await().atMost(Duration.ofSeconds(10)).until(() -> pushed.contains("event:ready"));

		ObjectNode order = order(ENTERPRISE1);
		String caseId = order.get("subject").asText();
		String eventId = order.get("id").asText();
		publish(order);

		MimeMessage email = awaitEmailAbout(caseId);
		assertThat(email.getAllRecipients()).extracting(Object::toString)
			.containsExactly("enterprise1@demo.inspectflow.org");
		assertThat(email.getSubject()).isEqualTo(
				"【责令改正】案件 " + caseId + "：请于 2026年12月15日 23:59（北京时间） 前完成整改");
		assertThat((String) email.getContent()).startsWith("陈静，您好：")
			.contains("福田示范电镀有限公司（统一社会信用代码 914403040000DM001P）收到责令改正通知（通知编号 ORDER-2026-000057，第 1 轮）")
			.contains("  1. 立即拆除厂区东侧雨水排放口处私设的暗管")
			.contains("http://localhost:8080/enterprise/orders/" + caseId);

		JsonNode inbox = get("/inbox", "enterprise1").json();
		JsonNode entry = entryAbout(inbox, caseId);
		assertThat(entry).as("the inbox entry: " + inbox).isNotNull();
		assertThat(entry.get("kind").asText()).isEqualTo("rectification-ordered");
		assertThat(entry.get("title").asText()).isEqualTo(email.getSubject());
		assertThat(entry.get("read").asBoolean()).isFalse();

		await().atMost(Duration.ofSeconds(10)).until(() -> pushed.stream().anyMatch((line) -> line.contains(caseId)));
		assertThat(pushed).contains("event:inbox", "id:" + entry.get("id").asText());

		List<JsonNode> delivered = awaitEvents(NotificationDelivered.TYPE, eventId, 3);
		assertThat(delivered).extracting((event) -> event.at("/data/channel").asText())
			.containsExactlyInAnyOrder("IN_APP", "EMAIL", "SMS");
		SMS_GATEWAY.verify(1, postRequestedFor(urlEqualTo("/sms/send"))
			.withRequestBody(matchingJsonPath("$.to", equalTo("+8613800000004")))
			.withRequestBody(matchingJsonPath("$.text", containing(caseId))));
		assertThat(delivered).allSatisfy((event) -> {
			assertThat(event.at("/data/recipientType").asText()).isEqualTo("ENTERPRISE");
			assertThat(event.at("/data/recipient").asText()).isEqualTo(ENTERPRISE1);
			assertThat(event.at("/data/caseId").asText()).isEqualTo(caseId);
			assertThat(event.get("subject").asText()).isEqualTo(caseId);
			assertThat(event.get("causationid").asText()).isEqualTo(eventId);
			assertThat(event.get("correlationid").asText()).isEqualTo(order.get("correlationid").asText());
		});
		assertThat(delivered).filteredOn((event) -> event.at("/data/channel").asText().equals("IN_APP"))
			.extracting((event) -> event.at("/data/notificationId").asText())
			.containsExactly(entry.get("id").asText());
		stream.close();
	}

	@Test
	void theSameEventTwiceMakesOneEmailAndOneInboxEntry() throws Exception {
		ObjectNode order = order(ENTERPRISE1);
		String caseId = order.get("subject").asText();
		publish(order);
		awaitEmailAbout(caseId);
		awaitEvents(NotificationDelivered.TYPE, order.get("id").asText(), 3);

		// redelivered by the broker (dropped by the inbox), and handed to the dispatcher again past the inbox
		// (as after a crash between the notifications and the inbox's record): the delivery log holds
		publish(order);
		this.listeners.handle(Samples.envelope(order));
		Thread.sleep(1500);

		assertThat(emailsAbout(caseId)).hasSize(1);
		JsonNode inbox = get("/inbox?size=100", "enterprise1").json();
		assertThat(inbox.get("items").findValuesAsText("caseId")).containsOnlyOnce(caseId);
		drain(1000);
		assertThat(events(NotificationDelivered.TYPE, order.get("id").asText())).as("no second NotificationDelivered")
			.hasSize(3);
		SMS_GATEWAY.verify(1, postRequestedFor(urlEqualTo("/sms/send"))
			.withRequestBody(matchingJsonPath("$.text", containing(caseId))));
	}

	@Test
	void eachEnterpriseSeesOnlyItsOwnEntries() throws Exception {
		ObjectNode order = order(ENTERPRISE1);
		String caseId = order.get("subject").asText();
		publish(order);
		awaitEmailAbout(caseId);
		JsonNode entry = await().atMost(Duration.ofSeconds(10))
			.until(() -> entryAbout(get("/inbox", "enterprise1").json(), caseId), (found) -> found != null);
		String id = entry.get("id").asText();

		assertThat(entryAbout(get("/inbox?size=100", "enterprise2").json(), caseId)).isNull();
		Reply foreign = post("/inbox/" + id + "/read", "enterprise2");
		assertThat(foreign.status()).isEqualTo(404);
		assertThat(foreign.contentType()).startsWith("application/problem+json");
		assertThat(post("/inbox/read-all", "enterprise2").status()).isEqualTo(200);
		assertThat(entryAbout(get("/inbox", "enterprise1").json(), caseId).get("read").asBoolean())
			.as("enterprise2's read-all left enterprise1's entry unread")
			.isFalse();

		long unread = get("/inbox/unread-count", "enterprise1").json().get("unread").asLong();
		Reply read = post("/inbox/" + id + "/read", "enterprise1");
		assertThat(read.status()).as(read.body()).isEqualTo(200);
		assertThat(read.json().get("readAt").isNull()).isFalse();
		assertThat(get("/inbox/unread-count", "enterprise1").json().get("unread").asLong()).isEqualTo(unread - 1);
		assertThat(entryAbout(get("/inbox?unreadOnly=true&size=100", "enterprise1").json(), caseId)).isNull();
	}

	@Test
	void integratorsAreRefusedTheInboxAndBadPagesAreRefusedWithProblemJson() throws Exception {
		for (String path : List.of("/inbox", "/inbox/unread-count", "/inbox/stream")) {
			Reply refused = request(HttpRequest.newBuilder(uri(path)).GET(), Keycloak.integratorToken());
			assertThat(refused.status()).as(path).isEqualTo(403);
			assertThat(refused.contentType()).startsWith("application/problem+json");
		}
		assertThat(request(HttpRequest.newBuilder(uri("/inbox/read-all")).POST(HttpRequest.BodyPublishers.noBody()),
				Keycloak.integratorToken())
			.status()).isEqualTo(403);
		assertThat(request(HttpRequest.newBuilder(uri("/inbox")).GET(), null).status()).isEqualTo(401);

		Reply tooLarge = get("/inbox?size=1000", "officer1");
		assertThat(tooLarge.status()).isEqualTo(400);
		assertThat(tooLarge.contentType()).startsWith("application/problem+json");
		assertThat(tooLarge.json().get("detail").asText()).contains("size");
		assertThat(get("/inbox?page=-1", "officer1").status()).isEqualTo(400);
		assertThat(get("/inbox", "supervisor1").status()).isEqualTo(200);
	}

	@Test
	void anEmailThatFailsIsReportedAndSentByALaterRetryInTheRecipientsLanguage() throws Exception {
		SMTP.stop();
		ObjectNode order = order(ENTERPRISE2);
		String caseId = order.get("subject").asText();
		String eventId = order.get("id").asText();
		publish(order);

		JsonNode failed = awaitEvents(NotificationFailed.TYPE, eventId, 1).get(0);
		assertThat(failed.at("/data/channel").asText()).isEqualTo("EMAIL");
		assertThat(failed.at("/data/recipient").asText()).isEqualTo(ENTERPRISE2);
		assertThat(failed.at("/data/attempts").asInt()).isEqualTo(1);
		assertThat(failed.at("/data/permanent").asBoolean()).isFalse();
		assertThat(failed.at("/data/reason").asText()).contains("SMTP");
		List<JsonNode> others = awaitEvents(NotificationDelivered.TYPE, eventId, 2);
		assertThat(others).extracting((event) -> event.at("/data/channel").asText())
			.as("the inbox and SMS do not wait for email")
			.containsExactlyInAnyOrder("IN_APP", "SMS");

		SMTP.start();
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			this.dispatcher.retryDue();
			return !emailsAbout(caseId).isEmpty();
		});
		MimeMessage email = emailsAbout(caseId).get(0);
		assertThat(email.getSubject())
			.isEqualTo("Rectification order for case " + caseId
					+ ": rectify by 15 December 2026, 23:59 (China Standard Time, UTC+8)");
		assertThat((String) email.getContent()).startsWith("Dear Liu Yang (刘洋),");
		JsonNode delivered = awaitEvents(NotificationDelivered.TYPE, eventId, 3).stream()
			.filter((event) -> event.at("/data/channel").asText().equals("EMAIL"))
			.findFirst()
			.orElseThrow();
		assertThat(delivered.at("/data/notificationId").asText()).as("the same notification, delivered now")
			.isEqualTo(failed.at("/data/notificationId").asText());
		assertThat(events(NotificationFailed.TYPE, eventId)).as("failed once, then delivered").hasSize(1);
	}

	// ---------------------------------------------------------------------------------------------------- helpers

	/** The golden sample with a fresh message id and case id (its correlation id kept). */
	private ObjectNode order(String uscc) {
		ObjectNode order = Samples.json(RectificationOrdered.TYPE);
		String caseId = "CASE-2026-9" + String.format("%05d", ThreadLocalRandom.current().nextInt(100_000));
		order.put("id", UUID.randomUUID().toString());
		order.put("subject", caseId);
		((ObjectNode) order.get("data")).put("caseId", caseId).put("enterpriseUscc", uscc);
		return order;
	}

	private void publish(ObjectNode envelope) throws Exception {
		this.rabbit.send(Exchanges.EVENTS, envelope.get("type").asText(),
				MessageBuilder.withBody(this.objectMapper.writeValueAsBytes(envelope))
					.setMessageId(envelope.get("id").asText())
					.setContentType("application/json")
					.build());
	}

	private MimeMessage awaitEmailAbout(String caseId) {
		return await().atMost(Duration.ofSeconds(20))
			.until(() -> emailsAbout(caseId), (emails) -> !emails.isEmpty())
			.get(0);
	}

	private static List<MimeMessage> emailsAbout(String caseId) {
		return Arrays.stream(SMTP.getReceivedMessages()).filter((message) -> {
			try {
				return message.getSubject().contains(caseId);
			}
			catch (Exception ex) {
				return false;
			}
		}).toList();
	}

	private List<JsonNode> awaitEvents(String type, String eventId, int count) {
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			drain(500);
			return events(type, eventId).size() >= count;
		});
		return events(type, eventId);
	}

	/** The events of the type caused by the event, of all the probe received in this test. */
	private List<JsonNode> events(String type, String eventId) {
		return this.received.stream()
			.filter((event) -> event.get("type").asText().equals(type)
					&& event.at("/data/eventId").asText().equals(eventId))
			.toList();
	}

	private void drain(long wait) throws IOException {
		Message message = this.rabbit.receive(this.probe.getName(), wait);
		while (message != null) {
			this.received.add(this.objectMapper.readTree(message.getBody()));
			message = this.rabbit.receive(this.probe.getName(), 100);
		}
	}

	private static JsonNode entryAbout(JsonNode inbox, String caseId) {
		for (JsonNode item : inbox.get("items")) {
			if (caseId.equals(item.path("caseId").asText())) {
				return item;
			}
		}
		return null;
	}

	private Stream<String> openStream(String user) throws Exception {
		HttpResponse<Stream<String>> response = HTTP.send(HttpRequest.newBuilder(uri("/inbox/stream"))
			.header("Authorization", "Bearer " + Keycloak.userToken(user))
			.header("Accept", "text/event-stream")
			.GET()
			.build(), HttpResponse.BodyHandlers.ofLines());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
		return response.body();
	}

	private static List<String> collect(Stream<String> stream) {
		List<String> lines = new CopyOnWriteArrayList<>();
		Thread reader = new Thread(() -> {
			try {
				stream.forEach(lines::add);
			}
			catch (RuntimeException closed) {
				// the test closed the stream
			}
		}, "sse-reader");
		reader.setDaemon(true);
		reader.start();
		return lines;
	}

	private Reply get(String path, String user) throws Exception {
		return request(HttpRequest.newBuilder(uri(path)).GET(), Keycloak.userToken(user));
	}

	private Reply post(String path, String user) throws Exception {
		return request(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()),
				Keycloak.userToken(user));
	}

	private Reply request(HttpRequest.Builder request, String token) throws Exception {
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
				response.body(), this.objectMapper);
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	record Reply(int status, String contentType, String body, ObjectMapper objectMapper) {

		JsonNode json() throws IOException {
			return this.objectMapper.readTree(this.body);
		}

	}

}
