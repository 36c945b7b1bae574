package org.inspectflow.enterprise.messaging;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.inspectflow.contracts.Envelope;
import org.inspectflow.contracts.Exchanges;
import org.inspectflow.contracts.GeoPoint;
import org.inspectflow.contracts.Queues;
import org.inspectflow.contracts.commands.CheckFirstOffence;
import org.inspectflow.contracts.commands.EnterpriseMatchResult;
import org.inspectflow.contracts.commands.FirstOffenceResult;
import org.inspectflow.contracts.commands.MatchEnterprise;
import org.inspectflow.contracts.events.InspectionFinding;
import org.inspectflow.contracts.events.InspectionMode;
import org.inspectflow.contracts.events.InspectionRecorded;
import org.inspectflow.enterprise.compliance.ComplianceHistory;
import org.inspectflow.enterprise.importing.RegisterImport;
import org.inspectflow.support.messaging.Inbox;
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
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The triage commands and the compliance events over the real RabbitMQ and the MongoDB-wire server: a command is
 * answered on the commands exchange, once, with its conversation's ids; a malformed one goes to the dead-letter queue
 * with the reason; a violation found joins the enterprise's history.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TriageMessagingIT {

	static final String FUTIAN = "914403040000DM001P";

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	AmqpAdmin admin;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	ObjectMapper objectMapper;

	@Autowired
	ComplianceHistory history;

	String replies;

	@BeforeEach
	void setUp(@Autowired RegisterImport importer) {
		String csv = "uscc,name,latitude,longitude,district,keyPollutantUnit,dischargePermitNumber\n" + FUTIAN
				+ ",福田示范电镀有限公司,22.521907,114.058911,440304,true," + FUTIAN + "001P\n";
		importer.importCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
		this.admin.purgeQueue(Queues.deadLetterQueue(Queues.ENTERPRISE_COMMANDS));
		// stands in for workflow-service.replies, which this service does not declare
		// not auto-delete: a receive with a timeout consumes, and its end would delete an auto-delete queue
		this.replies = this.admin.declareQueue(new Queue("enterprise-it.replies-" + java.util.UUID.randomUUID(), false, false, false));
		TopicExchange commands = new TopicExchange(Exchanges.COMMANDS);
		this.admin.declareBinding(BindingBuilder.bind(new Queue(this.replies)).to(commands).with(EnterpriseMatchResult.TYPE));
		this.admin.declareBinding(BindingBuilder.bind(new Queue(this.replies)).to(commands).with(FirstOffenceResult.TYPE));
	}

	@AfterEach
	void tearDown() {
		this.admin.deleteQueue(this.replies);
	}

	@Test
	void answersMatchEnterpriseOnceWithTheConversationsIds() throws Exception {
		Envelope<MatchEnterprise> command = Envelope.of(MatchEnterprise.TYPE, "/inspectflow/workflow-service",
				"CASE-2026-900001", new MatchEnterprise("CASE-2026-900001", null, new GeoPoint(22.5220, 114.0590), 500),
				"conversation-1", null, null);
		send(command);
		JsonNode reply = receiveReply();
		assertThat(reply.get("type").asText()).isEqualTo(EnterpriseMatchResult.TYPE);
		assertThat(reply.get("subject").asText()).isEqualTo("CASE-2026-900001");
		assertThat(reply.get("correlationid").asText()).isEqualTo("conversation-1");
		assertThat(reply.get("causationid").asText()).isEqualTo(command.id());
		JsonNode data = reply.get("data");
		assertThat(data.get("matched").asBoolean()).isTrue();
		assertThat(data.get("enterpriseUscc").asText()).isEqualTo(FUTIAN);
		assertThat(data.get("method").asText()).isEqualTo("LOCATION");
		assertThat(data.get("riskTier").asText()).isEqualTo("MEDIUM");
		assertThat(data.get("district").asText()).isEqualTo("440304");
		assertThat(data.get("city").asText()).isEqualTo("440300");

		// the inbox forgot the command (a crash before it recorded it): the reply is not sent again
		this.mongo.remove(Query.query(Criteria.where("_id").regex("\\|" + command.id() + "$")), "processed_messages");
		send(command);
		assertThat(this.rabbit.receive(this.replies, 3000)).as("no second reply").isNull();
	}

	@Test
	void answersTheFirstOffenceLookBack() throws Exception {
		Envelope<InspectionRecorded> earlier = Envelope.of(InspectionRecorded.TYPE, "/inspectflow/workflow-service",
				"CASE-2026-900002", new InspectionRecorded("CASE-2026-900002", "REC-1", FUTIAN, InspectionMode.ON_SITE,
						InspectionFinding.VIOLATION_CONFIRMED, "TREATMENT_FACILITY_NOT_RUNNING", List.of("officer1"), List.of(), null,
						OffsetDateTime.now().minusMonths(2), "officer1"), "CASE-2026-900002", null, null);
		this.rabbit.send(Exchanges.EVENTS, InspectionRecorded.TYPE, message(earlier));
		await().atMost(Duration.ofSeconds(15))
			.until(() -> this.history.of(FUTIAN).stream().anyMatch((e) -> e.eventId().equals(earlier.id())));

		Envelope<CheckFirstOffence> command = Envelope.of(CheckFirstOffence.TYPE, "/inspectflow/workflow-service",
				"CASE-2026-900003",
				new CheckFirstOffence("CASE-2026-900003", FUTIAN, "TREATMENT_FACILITY_NOT_RUNNING", LocalDate.now()),
				"conversation-3", null, null);
		send(command);
		JsonNode reply = receiveReply();
		assertThat(reply.get("type").asText()).isEqualTo(FirstOffenceResult.TYPE);
		assertThat(reply.get("data").get("firstOffence").asBoolean()).isFalse();
		assertThat(reply.get("data").get("previousCaseIds").get(0).asText()).isEqualTo("CASE-2026-900002");
	}

	@Test
	void movesAMalformedCommandToTheDeadLetterQueueWithTheReason() throws Exception {
		String body = this.objectMapper.writeValueAsString(Envelope.of(MatchEnterprise.TYPE,
				"/inspectflow/workflow-service", "CASE-2026-900004",
				new MatchEnterprise("CASE-2026-900004", FUTIAN, null, 0), "conversation-4", null, null));
		this.rabbit.send(Exchanges.COMMANDS, MatchEnterprise.TYPE,
				MessageBuilder.withBody(body.getBytes(StandardCharsets.UTF_8)).build());
		Message dead = this.rabbit.receive(Queues.deadLetterQueue(Queues.ENTERPRISE_COMMANDS), 15_000);
		assertThat(dead).as("dead-lettered").isNotNull();
		assertThat((String) dead.getMessageProperties().getHeader(Inbox.REASON_HEADER)).contains("radiusMeters");
		assertThat(this.rabbit.receive(this.replies, 1000)).as("and not answered").isNull();
	}

	private void send(Envelope<?> command) throws Exception {
		this.rabbit.send(Exchanges.COMMANDS, command.type(), message(command));
	}

	private Message message(Envelope<?> envelope) throws Exception {
		return MessageBuilder.withBody(this.objectMapper.writeValueAsBytes(envelope))
			.setMessageId(envelope.id())
			.build();
	}

	private JsonNode receiveReply() throws Exception {
		Message reply = this.rabbit.receive(this.replies, 15_000);
		assertThat(reply).as("a reply on " + Exchanges.COMMANDS).isNotNull();
		return this.objectMapper.readTree(reply.getBody());
	}

}
