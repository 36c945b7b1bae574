package org.inspectflow.workflow.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.inspectflow.contracts.ClueSource;
import org.inspectflow.contracts.Envelope;
import org.inspectflow.contracts.Exchanges;
import org.inspectflow.contracts.GeoPoint;
import org.inspectflow.contracts.MatchMethod;
import org.inspectflow.contracts.RiskTier;
import org.inspectflow.contracts.commands.EnterpriseMatchResult;
import org.inspectflow.contracts.commands.MatchEnterprise;
import org.inspectflow.contracts.commands.ReportClue;
import org.inspectflow.contracts.events.ClueReported;
import org.inspectflow.contracts.events.ClueTriaged;
import org.inspectflow.support.test.Keycloak;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conversation of a case on the real RabbitMQ (docs/integrators.md, "Tracing"): a case opened by a
 * {@code workflow.ReportClue.v1} command joins the command's conversation — {@code ClueReported} carries the
 * command's correlation id and names the command as its cause, and so do the later messages of the case (the
 * enterprise match it asks for, {@code ClueTriaged} caused by the match's reply); a case opened by a request is a
 * conversation of its own (the case id) that nothing on the bus caused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseConversationIT {

	static final String ENTERPRISE_1 = "914403040000DM001P";

	@LocalServerPort
	int port;

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	AmqpAdmin admin;

	@Autowired
	ObjectMapper json;

	@Autowired
	JdbcTemplate jdbc;

	/** Stands in for an integrator's queue on inspectflow.events. */
	String events;

	/** Stands in for enterprise-service.commands: the match the case asks for. */
	String commands;

	@BeforeEach
	void bindQueues() {
		// not auto-delete: a receive with a timeout consumes, and its end would delete an auto-delete queue
		this.events = this.admin.declareQueue(new Queue("workflow-it.events-" + UUID.randomUUID(), false, false, false));
		this.commands = this.admin
			.declareQueue(new Queue("workflow-it.commands-" + UUID.randomUUID(), false, false, false));
		TopicExchange eventsExchange = new TopicExchange(Exchanges.EVENTS);
		this.admin.declareBinding(BindingBuilder.bind(new Queue(this.events)).to(eventsExchange).with(ClueReported.TYPE));
		this.admin.declareBinding(BindingBuilder.bind(new Queue(this.events)).to(eventsExchange).with(ClueTriaged.TYPE));
		this.admin.declareBinding(BindingBuilder.bind(new Queue(this.commands))
			.to(new TopicExchange(Exchanges.COMMANDS))
			.with(MatchEnterprise.TYPE));
	}

	@AfterEach
	void deleteQueues() {
		this.admin.deleteQueue(this.events);
		this.admin.deleteQueue(this.commands);
	}

	@Test
	void aCaseOpenedByACommandCarriesTheCommandsConversationFromItsFirstEventOn() throws Exception {
		String clueId = UUID.randomUUID().toString();
		String traceId = UUID.randomUUID().toString(); // the fraud trace's conversation
		ReportClue clue = new ReportClue(clueId, ClueSource.FRAUD_TRACE, ENTERPRISE_1, new GeoPoint(22.521907, 114.058911),
				"ACCEPTANCE_REPORT_FALSIFIED_" + System.nanoTime(),
				"第三方检测机构验收监测报告造假 client of a monitoring company that faked a report", OffsetDateTime.now(),
				"supervisor1", "CASE-2026-000042", null, null);
		Envelope<ReportClue> command = Envelope.of(ReportClue.TYPE, "/inspectflow/enterprise-service", clueId, clue,
				traceId, null, null);
		send(Exchanges.COMMANDS, command);

		JsonNode reported = receive(this.events, (e) -> ClueReported.TYPE.equals(e.path("type").asText())
				&& clueId.equals(e.path("data").path("clueId").asText()));
		String caseId = reported.get("subject").asText();
		assertThat(caseId).startsWith("CASE-");
		assertThat(reported.get("correlationid").asText()).as("the command's conversation").isEqualTo(traceId);
		assertThat(reported.get("causationid").asText()).as("caused by the command").isEqualTo(command.id());
		assertThat(this.jdbc.queryForObject("SELECT correlation_id FROM wf_case WHERE case_id = ?", String.class,
				caseId)).as("kept with the case").isEqualTo(traceId);

		// the match is asked for by the engine's asynchronous continuation: same conversation, no message caused it
		JsonNode match = receive(this.commands, (e) -> caseId.equals(e.path("subject").asText()));
		assertThat(match.get("type").asText()).isEqualTo(MatchEnterprise.TYPE);
		assertThat(match.get("correlationid").asText()).isEqualTo(traceId);
		assertThat(match.get("causationid").isNull()).as(match.toString()).isTrue();

		// enterprise-service answers as its Envelopes.causedBy does: the command's conversation, caused by the command
		Envelope<EnterpriseMatchResult> reply = Envelope.of(EnterpriseMatchResult.TYPE,
				"/inspectflow/enterprise-service", caseId, new EnterpriseMatchResult(caseId, true, ENTERPRISE_1,
						RiskTier.LOW, false, MatchMethod.USCC, "440304", "440300"),
				match.get("correlationid").asText(), match.get("id").asText(), null);
		send(Exchanges.COMMANDS, reply);

		JsonNode triaged = receive(this.events, (e) -> ClueTriaged.TYPE.equals(e.path("type").asText())
				&& caseId.equals(e.path("subject").asText()));
		assertThat(triaged.get("correlationid").asText()).as("a later event keeps the case's conversation")
			.isEqualTo(traceId);
		assertThat(triaged.get("causationid").asText()).as("caused by the match's reply").isEqualTo(reply.id());

		// the same clue sent again (a retried trace): no second case, nothing more on the stream
		send(Exchanges.COMMANDS, Envelope.of(ReportClue.TYPE, "/inspectflow/enterprise-service", clueId, clue, traceId,
				null, null));
		assertThat(receiveOrNull(this.events, (e) -> clueId.equals(e.path("data").path("clueId").asText())
				&& ClueReported.TYPE.equals(e.path("type").asText()), Duration.ofSeconds(5)))
			.as("no second ClueReported")
			.isNull();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM wf_case WHERE clue_id = ?", Integer.class, clueId))
			.isOne();
	}

	@Test
	void aCaseOpenedByARequestIsAConversationOfItsOwn() throws Exception {
		String body = """
				{"source": "COMPLAINT", "enterpriseUscc": "%s", "problemType": "DUST_%d", "severity": "GENERAL",
				 "description": "12369: dust from the yard"}""".formatted(ENTERPRISE_1, System.nanoTime());
		JsonNode opened = this.json.readTree(RestClient.create("http://localhost:" + this.port)
			.post()
			.uri("/clues")
			.headers((headers) -> headers.setBearerAuth(Keycloak.userToken("officer1")))
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.body(String.class));
		String caseId = opened.get("caseId").asText();

		JsonNode reported = receive(this.events, (e) -> ClueReported.TYPE.equals(e.path("type").asText())
				&& caseId.equals(e.path("subject").asText()));
		assertThat(reported.get("correlationid").asText()).isEqualTo(caseId);
		assertThat(reported.get("causationid").isNull()).as("a person caused it").isTrue();
		// taken here, while this test's queue is bound: a command nobody takes would stay in the outbox
		JsonNode match = receive(this.commands, (e) -> caseId.equals(e.path("subject").asText()));
		assertThat(match.get("correlationid").asText()).isEqualTo(caseId);
	}

	private void send(String exchange, Envelope<?> envelope) throws Exception {
		MessageProperties properties = new MessageProperties();
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		properties.setMessageId(envelope.id());
		this.rabbit.send(exchange, envelope.type(),
				MessageBuilder.withBody(this.json.writeValueAsBytes(envelope)).andProperties(properties).build());
	}

	/** The first message on the queue that matches, skipping the others (other tests' cases share the types). */
	private JsonNode receive(String queue, Predicate<JsonNode> wanted) throws Exception {
		JsonNode found = receiveOrNull(queue, wanted, Duration.ofSeconds(60));
		assertThat(found).as("a matching message on " + queue).isNotNull();
		return found;
	}

	private JsonNode receiveOrNull(String queue, Predicate<JsonNode> wanted, Duration within) throws Exception {
		long until = System.nanoTime() + within.toNanos();
		while (System.nanoTime() < until) {
			Message message = this.rabbit.receive(queue, 1000);
			if (message != null) {
				JsonNode envelope = this.json.readTree(new String(message.getBody(), StandardCharsets.UTF_8));
				if (wanted.test(envelope)) {
					return envelope;
				}
			}
		}
		return null;
	}

}
