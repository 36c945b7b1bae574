package org.inspectflow.notification.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.Document;
import org.inspectflow.contracts.Envelope;
import org.inspectflow.contracts.Exchanges;
import org.inspectflow.contracts.Queues;
import org.inspectflow.contracts.events.RectificationOrdered;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.inspectflow.support.messaging.ConfirmedPublisher;
import org.inspectflow.support.messaging.Envelopes;
import org.inspectflow.support.messaging.Inbox;
import org.inspectflow.support.messaging.MongoOnce;
import org.inspectflow.support.outbox.MongoOutbox;
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
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The messaging backbone against the real RabbitMQ and the MongoDB-wire server: the outbox publishes exactly what was
 * written, after a crash too; the inbox handles each event once and moves malformed messages to the dead-letter queue
 * with a reason. The consumer here is the inbox itself, fed by a listener on the service's real queue.
 */
@SpringBootTest(properties = { "inspectflow.messaging.outbox-interval=1h",
		// the service's own consumers stay off: the recorder below is the only consumer of the queue here
		"inspectflow.notification.listeners.auto-startup=false" })
@AutoConfigureObservability(metrics = false) // Spring Boot's tests turn tracing off unless asked
@DirtiesContext // its recorder must not go on consuming the service's queue beside the other integration tests
class MessagingBackboneIT {

	private static final String QUEUE = Queues.NOTIFICATION_EVENTS;

	private static final String DLQ = Queues.deadLetterQueue(QUEUE);

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	AmqpAdmin admin;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	MongoOutbox outbox;

	@Autowired
	OutboxRelay relay;

	@Autowired
	ConfirmedPublisher publisher;

	@Autowired
	ObjectMapper objectMapper;

	@Autowired
	Recorder recorder;

	@Autowired
	Tracer tracer;

	@Autowired
	Envelopes envelopes;

	@BeforeEach
	void cleanSlate() {
		this.relay.relayPending();
		this.admin.purgeQueue(QUEUE);
		this.admin.purgeQueue(DLQ);
		this.mongo.dropCollection("test_cases");
		this.mongo.dropCollection("test_effects");
		this.recorder.reset();
	}

	@AfterEach
	void stopFailing() {
		this.recorder.failNext.set(0);
	}

	@Test
	void publishesAnEventOnlyAfterItsChangeWasWrittenAndEvenAfterACrash() {
		Envelope<RectificationOrdered> event = rectificationOrdered("CASE-2026-000101");
		// the change and its event in one single-document write; the process "dies" before the relay runs
		this.mongo.insert(this.outbox.withEvents("test_cases", new Document("_id", "CASE-2026-000101"), event),
				"test_cases");
		assertThat(this.recorder.handled).isEmpty();

		// "after the restart" the relay finds the pending event and publishes it
		assertThat(this.relay.relayPending()).isEqualTo(1);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.recorder.handled.size() == 1);
		assertThat(this.recorder.handled).containsExactly(event.id());
		assertThat(this.relay.relayPending()).isZero();
	}

	@Test
	void anEventPublishedTwiceByACrashBetweenConfirmAndCleanUpTakesEffectOnce() throws Exception {
		Envelope<RectificationOrdered> event = rectificationOrdered("CASE-2026-000102");
		this.mongo.insert(this.outbox.withEvents("test_cases", new Document("_id", "CASE-2026-000102"), event),
				"test_cases");
		// the relay published and the broker confirmed, then the process died before the entry was removed
		this.publisher.publish(Exchanges.EVENTS, RectificationOrdered.TYPE, message(event));
		// after the restart the relay publishes it again
		assertThat(this.relay.relayPending()).isEqualTo(1);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.recorder.deliveries.get() >= 2);
		Thread.sleep(300);
		assertThat(this.recorder.handled).containsExactly(event.id());
	}

	@Test
	void aChangeThatDidNotHappenPublishesNothing() {
		this.mongo.insert(new Document("_id", "CASE-2026-000103").append("version", 2), "test_cases");
		Envelope<RectificationOrdered> event = rectificationOrdered("CASE-2026-000103");
		// a stale writer (expects version 1) loses: its change and its event are refused together
		Update update = this.outbox.withEvents("test_cases", new Update().set("status", "ORDERED").inc("version", 1),
				event);
		long modified = this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is("CASE-2026-000103").and("version").is(1)), update,
					"test_cases")
			.getModifiedCount();
		assertThat(modified).isZero();
		assertThat(this.relay.relayPending()).isZero();
		assertThat(this.rabbit.receive(QUEUE, 500)).isNull();
	}

	@Test
	void aPublishTheBrokerRefusesIsRetried() {
		// a queue that refuses new messages makes the broker nack the publish (overflow reject-publish)
		Queue full = QueueBuilder.nonDurable("test.full-" + UUID.randomUUID())
			.autoDelete()
			.maxLength(0)
			.overflow(QueueBuilder.Overflow.rejectPublish)
			.build();
		this.admin.declareQueue(full);
		Binding binding = BindingBuilder.bind(full)
			.to(new TopicExchange(Exchanges.EVENTS))
			.with(RectificationOrdered.TYPE);
		this.admin.declareBinding(binding);
		try {
			Envelope<RectificationOrdered> event = rectificationOrdered("CASE-2026-000104");
			this.mongo.insert(this.outbox.withEvents("test_cases", new Document("_id", "CASE-2026-000104"), event),
					"test_cases");
			assertThat(this.relay.relayPending()).as("nacked: stays pending").isZero();
			assertThat(pendingIn("CASE-2026-000104")).isEqualTo(1);

			this.admin.removeBinding(binding);
			assertThat(this.relay.relayPending()).as("retried").isEqualTo(1);
			assertThat(pendingIn("CASE-2026-000104")).isZero();
			await().atMost(Duration.ofSeconds(10)).until(() -> this.recorder.handled.contains(event.id()));
		}
		finally {
			this.admin.deleteQueue(full.getName());
		}
	}

	@Test
	void aConsumerThatDiesAfterItsSideEffectAndBeforeItsAckHasTheEffectOnce() {
		this.recorder.failNext.set(1); // dies after the side effect, before the acknowledgement
		Envelope<RectificationOrdered> event = rectificationOrdered("CASE-2026-000105");
		this.publisher.publish(Exchanges.EVENTS, RectificationOrdered.TYPE, message(event));
		await().atMost(Duration.ofSeconds(15)).until(() -> this.recorder.handled.contains(event.id()));
		assertThat(this.recorder.deliveries.get()).as("redelivered after the failure").isGreaterThanOrEqualTo(2);
		Document effect = this.mongo.findById("CASE-2026-000105", Document.class, "test_effects");
		assertThat(effect.getInteger("notices")).isEqualTo(1);
	}

	@Test
	void malformedMessagesGoToTheDeadLetterQueueWithAReasonAndTheNextIsHandled() throws Exception {
		String good = this.objectMapper.writeValueAsString(rectificationOrdered("CASE-2026-000106"));
		String missingField = good.replace("\"enterpriseUscc\":", "\"enterpriseUsccX\":");
		String unknownType = good.replace(RectificationOrdered.TYPE, "workflow.NoSuchThing.v1");
		for (String body : List.of("{ not json", unknownType, missingField)) {
			this.rabbit.send(Exchanges.EVENTS, RectificationOrdered.TYPE,
					MessageBuilder.withBody(body.getBytes(StandardCharsets.UTF_8)).build());
		}
		this.rabbit.send(Exchanges.EVENTS, RectificationOrdered.TYPE,
				MessageBuilder.withBody(good.getBytes(StandardCharsets.UTF_8)).build());

		await().atMost(Duration.ofSeconds(10)).until(() -> this.recorder.handled.size() == 1);
		List<String> reasons = new java.util.ArrayList<>();
		for (int i = 0; i < 3; i++) {
			Message dead = this.rabbit.receive(DLQ, 5000);
			assertThat(dead).as("dead letter " + (i + 1)).isNotNull();
			reasons.add((String) dead.getMessageProperties().getHeader(Inbox.REASON_HEADER));
		}
		assertThat(reasons).anySatisfy((reason) -> assertThat(reason).startsWith("not JSON"))
			.anySatisfy((reason) -> assertThat(reason).contains("unknown type 'workflow.NoSuchThing.v1'"))
			.anySatisfy((reason) -> assertThat(reason).contains("required property 'enterpriseUscc' not found"));
		assertThat(this.rabbit.receive(DLQ, 300)).as("nothing else in the dead-letter queue").isNull();
	}

	@Test
	void carriesTheTraceOfTheCausingRequestToTheConsumer() {
		String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
		Envelope<RectificationOrdered> event = rectificationOrdered("CASE-2026-000107");
		Envelope<RectificationOrdered> traced = new Envelope<>(event.id(), event.type(), event.source(), event.time(),
				event.specversion(), event.subject(), event.datacontenttype(), event.correlationid(),
				event.causationid(), "00-" + traceId + "-00f067aa0ba902b7-01", event.data());
		this.mongo.insert(this.outbox.withEvents("test_cases", new Document("_id", "CASE-2026-000107"), traced),
				"test_cases");
		this.relay.relayPending();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.recorder.handled.contains(event.id()));
		assertThat(this.recorder.traceIds).containsExactly(traceId);
	}

	@Test
	void stampsNewEventsWithTheCurrentTrace() {
		Span span = this.tracer.nextSpan().name("a request").start();
		try (Tracer.SpanInScope scope = this.tracer.withSpan(span)) {
			Envelope<String> event = this.envelopes.of(RectificationOrdered.TYPE, "CASE-2026-000108", "data");
			assertThat(event.traceparent()).startsWith("00-" + span.context().traceId() + "-");
			assertThat(event.source()).isEqualTo("/inspectflow/notification-service");
			assertThat(event.correlationid()).isEqualTo("CASE-2026-000108");
		}
		finally {
			span.end();
		}
	}

	private long pendingIn(String caseId) {
		Document document = this.mongo.findById(caseId, Document.class, "test_cases");
		return document.getList(MongoOutbox.FIELD, Document.class).size();
	}

	private Message message(Envelope<?> event) {
		try {
			return MessageBuilder.withBody(this.objectMapper.writeValueAsBytes(event)).setMessageId(event.id()).build();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Envelope<RectificationOrdered> rectificationOrdered(String caseId) {
		return Envelope.of(RectificationOrdered.TYPE, "/inspectflow/workflow-service", caseId,
				new RectificationOrdered(caseId, "914403040000DM001P", "ORDER-" + caseId, LocalDate.of(2026, 12, 15),
						false, 1, List.of("停止超标排放 stop the excess discharge")),
				caseId, null, null);
	}

	/**
	 * The consumer under test: a listener on the service's real queue, receiving through the inbox. Its side effect
	 * is a counter in a MongoDB document, made once per event with {@link MongoOnce}.
	 */
	@TestConfiguration
	static class RecorderConfiguration {

		@Bean
		Recorder recorder(Inbox inbox, MongoTemplate mongo, Tracer tracer) {
			return new Recorder(inbox, mongo, tracer);
		}

	}

	static class Recorder {

		final List<String> handled = new CopyOnWriteArrayList<>();

		final AtomicInteger deliveries = new AtomicInteger();

		final AtomicInteger failNext = new AtomicInteger();

		private final Inbox inbox;

		final List<String> traceIds = new CopyOnWriteArrayList<>();

		private final MongoTemplate mongo;

		private final Tracer tracer;

		Recorder(Inbox inbox, MongoTemplate mongo, Tracer tracer) {
			this.inbox = inbox;
			this.mongo = mongo;
			this.tracer = tracer;
		}

		void reset() {
			this.handled.clear();
			this.traceIds.clear();
			this.deliveries.set(0);
			this.failNext.set(0);
		}

		@RabbitListener(queues = QUEUE)
		void receive(Message message) {
			this.deliveries.incrementAndGet();
			this.inbox.receive(QUEUE, message, (envelope) -> {
				MongoOnce.upsert(this.mongo, "test_effects", Query.query(Criteria.where("_id").is(envelope.subject())),
						new Update().inc("notices", 1), envelope.id());
				if (this.failNext.getAndUpdate((n) -> Math.max(0, n - 1)) > 0) {
					throw new IllegalStateException("the consumer dies before its acknowledgement");
				}
				this.handled.add(envelope.id());
				Span current = this.tracer.currentSpan();
				this.traceIds.add(current == null ? "none" : current.context().traceId());
			});
		}

	}

}
