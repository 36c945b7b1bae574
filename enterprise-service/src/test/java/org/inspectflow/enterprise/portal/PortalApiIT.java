package org.inspectflow.enterprise.portal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.inspectflow.contracts.Envelope;
import org.inspectflow.contracts.Exchanges;
import org.inspectflow.contracts.commands.ReportClue;
import org.inspectflow.contracts.events.RectificationAccepted;
import org.inspectflow.contracts.events.RectificationOrdered;
import org.inspectflow.contracts.events.RectificationSubmitted;
import org.inspectflow.enterprise.importing.RegisterImport;
import org.inspectflow.enterprise.monitoring.MonitoringRegister;
import org.inspectflow.enterprise.register.domain.SyntheticUscc;
import org.inspectflow.support.test.Keycloak;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The enterprise portal and the fraud trace with real tokens, the real RabbitMQ and the MongoDB-wire server: order
 * events arrive as the workflow publishes them; each enterprise user sees, submits for and has the history of its own
 * cases only (another's answers 404); a case that does not wait for a submission answers 409; a submission is
 * published exactly once; other roles get 403 on the portal.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PortalApiIT {

	static final String FUTIAN = "914403040000DM001P"; // enterprise1's

	static final String NANSHAN = "914403050000DM0029"; // enterprise2's

	static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	AmqpAdmin admin;

	@Autowired
	ObjectMapper objectMapper;

	@Autowired
	PortalOrders orders;

	String run = UUID.randomUUID().toString().substring(0, 8);

	String published;

	@BeforeEach
	void setUp(@Autowired RegisterImport importer) {
		String csv = "uscc,name,latitude,longitude,district\n" + FUTIAN + ",福田示范电镀有限公司,22.521907,114.058911,440304\n"
				+ NANSHAN + ",南山示范印染有限公司,22.580310,113.951820,440305\n";
		importer.importCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
		// stands in for workflow-service.submissions and .commands, which this service does not declare
		this.published = this.admin
			.declareQueue(new Queue("enterprise-it.portal-" + UUID.randomUUID(), false, false, false));
		this.admin.declareBinding(BindingBuilder.bind(new Queue(this.published))
			.to(new TopicExchange(Exchanges.EVENTS))
			.with(RectificationSubmitted.TYPE));
		this.admin.declareBinding(BindingBuilder.bind(new Queue(this.published))
			.to(new TopicExchange(Exchanges.COMMANDS))
			.with(ReportClue.TYPE));
	}

	@AfterEach
	void tearDown() {
		this.admin.deleteQueue(this.published);
	}

	@Test
	void eachEnterpriseSeesSubmitsForAndHasTheHistoryOfItsOwnCasesOnly() throws Exception {
		String mine = "CASE-IT-" + this.run + "-1";
		String theirs = "CASE-IT-" + this.run + "-2";
		order(mine, FUTIAN, "ORD-" + mine, 1);
		order(theirs, NANSHAN, "ORD-" + theirs, 1);

		Reply list1 = call(HttpMethod.GET, "/portal/orders", "enterprise1", null);
		assertThat(list1.status()).as(list1.body()).isEqualTo(200);
		assertThat(list1.json().findValuesAsText("caseId")).contains(mine).doesNotContain(theirs);
		Reply list2 = call(HttpMethod.GET, "/portal/orders", "enterprise2", null);
		assertThat(list2.json().findValuesAsText("caseId")).contains(theirs).doesNotContain(mine);

		Reply own = call(HttpMethod.GET, "/portal/orders/" + mine, "enterprise1", null);
		assertThat(own.status()).as(own.body()).isEqualTo(200);
		assertThat(own.json().get("order").get("status").asText()).isEqualTo("WAITING_FOR_SUBMISSION");
		assertThat(own.json().get("order").get("deadline").asText()).isEqualTo("2026-12-14");
		assertThat(own.json().get("order").get("requirements").get(0).asText()).isEqualTo("更换活性炭");
		for (String[] bola : new String[][] { { "enterprise1", theirs }, { "enterprise2", mine } }) {
			Reply other = call(HttpMethod.GET, "/portal/orders/" + bola[1], bola[0], null);
			assertThat(other.status()).as(bola[0] + " reads " + bola[1]).isEqualTo(404);
			assertThat(other.contentType()).isEqualTo("application/problem+json");
			Reply submit = call(HttpMethod.POST, "/portal/orders/" + bola[1] + "/submissions", bola[0],
					Map.of("statement", "not mine", "evidenceIds", List.of()));
			assertThat(submit.status()).as(bola[0] + " submits for " + bola[1]).isEqualTo(404);
			assertThat(submit.contentType()).isEqualTo("application/problem+json");
		}

		Reply bad = call(HttpMethod.POST, "/portal/orders/" + mine + "/submissions", "enterprise1",
				Map.of("statement", " ", "completedOn", LocalDate.now().plusDays(3).toString()));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("detail").asText()).contains("statement").contains("future");

		Reply submitted = call(HttpMethod.POST, "/portal/orders/" + mine + "/submissions", "enterprise1",
				Map.of("statement", "更换了活性炭 replaced the carbon", "completedOn", LocalDate.now().minusDays(1).toString(),
						"evidenceIds", List.of("EV-" + this.run)));
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
		String submissionId = submitted.json().get("submissionId").asText();
		Reply again = call(HttpMethod.POST, "/portal/orders/" + mine + "/submissions", "enterprise1",
				Map.of("statement", "again"));
		assertThat(again.status()).as("one submission per round").isEqualTo(409);
		assertThat(again.json().get("detail").asText()).contains("UNDER_REVIEW");

		List<JsonNode> events = receiveAll(RectificationSubmitted.TYPE, 1, Duration.ofSeconds(15));
		assertThat(events).hasSize(1);
		JsonNode event = events.get(0);
		assertThat(event.get("subject").asText()).isEqualTo(mine);
		assertThat(event.get("data").get("submissionId").asText()).isEqualTo(submissionId);
		assertThat(event.get("data").get("enterpriseUscc").asText()).isEqualTo(FUTIAN);
		assertThat(event.get("data").get("orderId").asText()).isEqualTo("ORD-" + mine);
		assertThat(event.get("data").get("round").asInt()).isEqualTo(1);
		assertThat(event.get("data").get("submittedBy").asText()).isEqualTo("enterprise1");
		assertThat(event.get("data").get("evidenceIds").get(0).asText()).isEqualTo("EV-" + this.run);
		assertThat(this.rabbit.receive(this.published, 3000)).as("published exactly once").isNull();

		Reply history1 = call(HttpMethod.GET, "/portal/history", "enterprise1", null);
		assertThat(history1.status()).as(history1.body()).isEqualTo(200);
		assertThat(history1.json().findValuesAsText("caseId")).contains(mine).doesNotContain(theirs);
		Reply history2 = call(HttpMethod.GET, "/portal/history", "enterprise2", null);
		assertThat(history2.json().findValuesAsText("caseId")).contains(theirs).doesNotContain(mine);
	}

	@Test
	void anEnterpriseCannotSubmitForACaseThatDoesNotWaitForItsRectification() throws Exception {
		String accepted = "CASE-IT-" + this.run + "-3";
		order(accepted, FUTIAN, "ORD-" + accepted, 1);
		publish(Envelope.of(RectificationAccepted.TYPE, "/inspectflow/workflow-service", accepted,
				new RectificationAccepted(accepted, FUTIAN, "ORD-" + accepted, 1, "SUB-x", null, OffsetDateTime.now(),
						"officer1"), accepted, null, null));
		await().atMost(Duration.ofSeconds(15))
			.until(() -> this.orders.find(accepted, FUTIAN).map((v) -> v.get("accepted") != null).orElse(false));
		Reply refused = call(HttpMethod.POST, "/portal/orders/" + accepted + "/submissions", "enterprise1",
				Map.of("statement", "done"));
		assertThat(refused.status()).as(refused.body()).isEqualTo(409);
		assertThat(refused.contentType()).isEqualTo("application/problem+json");
		assertThat(refused.json().get("detail").asText()).contains("does not wait");
		assertThat(call(HttpMethod.POST, "/portal/orders/CASE-IT-" + this.run + "-none/submissions", "enterprise1",
				Map.of("statement", "done")).status()).as("no such case").isEqualTo(404);
		assertThat(this.rabbit.receive(this.published, 2000)).as("nothing published").isNull();
	}

	@Test
	void otherRolesAreRefusedThePortal() {
		List<String> tokens = new ArrayList<>();
		for (String user : new String[] { "officer1", "supervisor1", "admin1" }) {
			tokens.add(Keycloak.userToken(user));
		}
		tokens.add(Keycloak.integratorToken());
		for (String token : tokens) {
			for (String path : new String[] { "/portal/orders", "/portal/orders/CASE-1", "/portal/history" }) {
				Reply reply = call(HttpMethod.GET, path, token, true, null);
				assertThat(reply.status()).as(path).isEqualTo(403);
				assertThat(reply.contentType()).isEqualTo("application/problem+json");
			}
			assertThat(call(HttpMethod.POST, "/portal/orders/CASE-1/submissions", token, true,
					Map.of("statement", "x")).status()).isEqualTo(403);
		}
	}

	@Test
	void supervisorsTraceTheirCitysClientsOnceAndOthersAreRefused(@Autowired MonitoringRegister monitoring)
			throws Exception {
		String company = SyntheticUscc.of("440303", 9000 + Math.abs(this.run.hashCode() % 999));
		monitoring.saveCompanies(List.of(new MonitoringRegister.Company(company, "示例检测 " + this.run, "QC")));
		monitoring.saveEngagements(List.of(
				new MonitoringRegister.Engagement("IT-" + this.run + "-1", FUTIAN, company,
						MonitoringRegister.ServiceType.ACCEPTANCE_TEST, LocalDate.parse("2025-01-01"),
						LocalDate.parse("2025-03-01")),
				new MonitoringRegister.Engagement("IT-" + this.run + "-2", NANSHAN, company,
						MonitoringRegister.ServiceType.SELF_MONITORING, LocalDate.parse("2025-03-01"),
						LocalDate.parse("2025-12-31"))));
		String path = "/monitoring-companies/" + company;
		Map<String, String> body = Map.of("from", "2025-03-01", "to", "2025-03-31", "sourceCaseId",
				"CASE-IT-" + this.run, "reason", "验收报告造假 faked acceptance report");

		Reply clients = call(HttpMethod.GET, path + "/clients?from=2025-03-01&to=2025-03-31", "supervisor1", null);
		assertThat(clients.status()).as(clients.body()).isEqualTo(200);
		assertThat(clients.json().get("clients").findValuesAsText("enterpriseUscc"))
			.containsExactlyInAnyOrder(FUTIAN, NANSHAN);
		Reply first = call(HttpMethod.POST, path + "/trace", "supervisor1", body);
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		assertThat(first.json().get("clues").size()).isEqualTo(2);
		Reply retry = call(HttpMethod.POST, path + "/trace", "supervisor1", body);
		assertThat(retry.status()).isEqualTo(200);
		assertThat(retry.json().get("traceId").asText()).isEqualTo(first.json().get("traceId").asText());
		List<JsonNode> commands = receiveAll(ReportClue.TYPE, 2, Duration.ofSeconds(15));
		assertThat(commands).extracting((c) -> c.get("data").get("enterpriseUscc").asText())
			.containsExactlyInAnyOrder(FUTIAN, NANSHAN);
		assertThat(this.rabbit.receive(this.published, 3000)).as("the retry sent nothing").isNull();

		for (String user : new String[] { "officer1", "enterprise1" }) {
			assertThat(call(HttpMethod.POST, path + "/trace", user, body).status()).as(user).isEqualTo(403);
			assertThat(call(HttpMethod.GET, path + "/clients?from=2025-03-01&to=2025-03-31", user, null).status())
				.as(user)
				.isEqualTo(403);
		}
		assertThat(call(HttpMethod.POST, path + "/trace", Keycloak.integratorToken(), true, body).status())
			.isEqualTo(403);
		assertThat(call(HttpMethod.POST, "/monitoring-companies/" + SyntheticUscc.of("440303", 8999) + "/trace",
				"admin1", body).status()).as("unknown company").isEqualTo(404);
		assertThat(call(HttpMethod.GET, path + "/clients?from=2025-04-01&to=2025-03-01", "admin1", null).status())
			.isEqualTo(400);
	}

	private void order(String caseId, String uscc, String orderId, int round) throws Exception {
		publish(Envelope.of(RectificationOrdered.TYPE, "/inspectflow/workflow-service", caseId,
				new RectificationOrdered(caseId, uscc, orderId, LocalDate.parse("2026-12-14"), false, round,
						List.of("更换活性炭")), caseId, null, null));
		await().atMost(Duration.ofSeconds(15)).until(() -> this.orders.find(caseId, uscc).isPresent());
	}

	private void publish(Envelope<?> envelope) throws Exception {
		this.rabbit.send(Exchanges.EVENTS, envelope.type(),
				MessageBuilder.withBody(this.objectMapper.writeValueAsBytes(envelope)).setMessageId(envelope.id()).build());
	}

	private List<JsonNode> receiveAll(String type, int count, Duration within) throws Exception {
		List<JsonNode> received = new ArrayList<>();
		long end = System.nanoTime() + within.toNanos();
		while (received.size() < count && System.nanoTime() < end) {
			Message message = this.rabbit.receive(this.published, 1000);
			if (message != null) {
				JsonNode json = this.objectMapper.readTree(message.getBody());
				assertThat(json.get("type").asText()).isEqualTo(type);
				received.add(json);
			}
		}
		return received;
	}

	private Reply call(HttpMethod method, String path, String user, Object body) {
		return call(method, path, Keycloak.userToken(user), true, body);
	}

	private Reply call(HttpMethod method, String path, String token, boolean bearer, Object body) {
		var request = client().method(method).uri(path).headers((headers) -> headers.setBearerAuth(token));
		if (body != null) {
			request = request.contentType(MediaType.APPLICATION_JSON).body(body);
		}
		return request.exchange(Reply::read);
	}

	private RestClient client() {
		return RestClient.builder().baseUrl("http://localhost:" + this.port).build();
	}

	record Reply(int status, String contentType, String body) {

		static Reply read(org.springframework.http.HttpRequest request,
				RestClient.RequestHeadersSpec.ConvertibleClientHttpResponse response) throws java.io.IOException {
			MediaType type = response.getHeaders().getContentType();
			return new Reply(response.getStatusCode().value(),
					type == null ? null : type.getType() + "/" + type.getSubtype(),
					new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8));
		}

		JsonNode json() {
			try {
				return JSON.readTree(this.body);
			}
			catch (java.io.IOException ex) {
				throw new AssertionError("not JSON: " + this.body, ex);
			}
		}

	}

}
