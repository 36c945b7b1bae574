package org.inspectflow.workflow.messaging;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.inspectflow.contracts.Envelope;
import org.inspectflow.contracts.Exchanges;
import org.inspectflow.contracts.events.CaseClosed;
import org.inspectflow.contracts.events.CaseOutcome;
import org.inspectflow.support.messaging.Inbox;
import org.inspectflow.support.outbox.JdbcOutbox;
import org.inspectflow.support.outbox.OutboxRelay;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * workflow-service's outbox on the engine's database (the real PostgreSQL under {@code ./inspectflow test}) and the
 * real RabbitMQ: an event exists if and only if its transaction committed, and is published after a crash too.
 */
@SpringBootTest(properties = "inspectflow.messaging.outbox-interval=1h")
class JdbcOutboxIT {

	@Autowired
	JdbcOutbox outbox;

	@Autowired
	OutboxRelay relay;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	AmqpAdmin admin;

	@Autowired
	Inbox inbox;

	@Autowired
	ObjectMapper objectMapper;

	private Queue observer;

	@BeforeEach
	void observeWorkflowEvents() {
		this.jdbc.update("CREATE TABLE IF NOT EXISTS test_case (id VARCHAR(40) PRIMARY KEY, state VARCHAR(20))");
		this.jdbc.update("DELETE FROM test_case");
		this.relay.relayPending();
		this.observer = QueueBuilder.nonDurable("test.workflow-events-" + UUID.randomUUID()).build();
		this.admin.declareQueue(this.observer);
		this.admin.declareBinding(
				BindingBuilder.bind(this.observer).to(new TopicExchange(Exchanges.EVENTS)).with("workflow.#"));
	}

	@AfterEach
	void stopObserving() {
		this.admin.deleteQueue(this.observer.getName());
	}

	@Test
	void publishesACommittedEventOnceEvenWhenTheProcessDiedBeforeTheRelayRan() throws Exception {
		Envelope<CaseClosed> event = caseClosed("CASE-2026-000201");
		this.relay.stop(); // the process dies right after the commit, before the relay publishes
		try {
			this.transactions.executeWithoutResult((status) -> {
				this.jdbc.update("INSERT INTO test_case (id, state) VALUES (?, 'CLOSED')", "CASE-2026-000201");
				this.outbox.append(event);
			});
			assertThat(this.rabbit.receive(this.observer.getName(), 300)).isNull();
		}
		finally {
			this.relay.start(); // the restart: its first round finds the event the previous process left
		}
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(10))
			.until(() -> this.jdbc.queryForObject("SELECT COUNT(*) FROM inspectflow_outbox", Integer.class) == 0);
		Message received = this.rabbit.receive(this.observer.getName(), 5000);
		assertThat(received).isNotNull();
		JsonNode json = this.objectMapper.readTree(received.getBody());
		assertThat(json.get("id").asText()).isEqualTo(event.id());
		assertThat(json.get("subject").asText()).isEqualTo("CASE-2026-000201");
		assertThat(received.getMessageProperties().getMessageId()).isEqualTo(event.id());
		assertThat(this.relay.relayPending()).as("published once").isZero();
		assertThat(this.rabbit.receive(this.observer.getName(), 300)).isNull();
	}

	@Test
	void aRolledBackChangePublishesNothing() {
		this.transactions.executeWithoutResult((status) -> {
			this.outbox.append(caseClosed("CASE-2026-000202"));
			status.setRollbackOnly();
		});
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM inspectflow_outbox", Integer.class)).isZero();
		assertThat(this.relay.relayPending()).isZero();
		assertThat(this.rabbit.receive(this.observer.getName(), 300)).isNull();
	}

	@Test
	void refusesAnEventOutsideTheTransactionOfItsChange() {
		assertThatThrownBy(() -> this.outbox.append(caseClosed("CASE-2026-000203")))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("inside the transaction");
	}

	@Test
	void handlesAMessageAndRecordsItInOneTransaction() throws Exception {
		Envelope<CaseClosed> event = caseClosed("CASE-2026-000204");
		Message message = MessageBuilder.withBody(this.objectMapper.writeValueAsString(event)
			.getBytes(StandardCharsets.UTF_8)).build();
		// the handler dies after its change: the change and the record of the message roll back together
		assertThatThrownBy(() -> this.inbox.receive("workflow-service.test", message, (received) -> {
			this.jdbc.update("INSERT INTO test_case (id, state) VALUES (?, 'NOTIFIED')", received.subject());
			throw new IllegalStateException("dies before the commit");
		})).isInstanceOf(IllegalStateException.class);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM test_case", Integer.class)).isZero();
		// the redelivery makes the change; a further repeat is dropped
		for (int delivery = 0; delivery < 2; delivery++) {
			this.inbox.receive("workflow-service.test", message, (received) -> this.jdbc
				.update("INSERT INTO test_case (id, state) VALUES (?, 'NOTIFIED')", received.subject()));
		}
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM test_case", Integer.class)).isEqualTo(1);
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM inspectflow_processed_message WHERE queue_name = 'workflow-service.test' AND message_id = ?",
				Integer.class, event.id())).isEqualTo(1);
	}

	private static Envelope<CaseClosed> caseClosed(String caseId) {
		return Envelope.of(CaseClosed.TYPE, "/inspectflow/workflow-service", caseId,
				new CaseClosed(caseId, "914403040000DM001P", CaseOutcome.RECTIFIED, OffsetDateTime.now(), "officer1"),
				caseId, null, null);
	}

}
