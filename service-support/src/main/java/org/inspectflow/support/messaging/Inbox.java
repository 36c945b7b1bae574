package org.inspectflow.support.messaging;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.inspectflow.contracts.Envelope;
import org.inspectflow.contracts.Exchanges;
import org.inspectflow.contracts.MessageTypes;
import org.inspectflow.contracts.MessageType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Where every consumer receives its messages. A message is read as the contracts' envelope and checked against its
 * type's JSON Schema (the AsyncAPI document); a malformed one (not JSON, an unknown type, a missing or wrong field)
 * is moved to the queue's dead-letter queue with the reason in the {@value #REASON_HEADER} header and acknowledged,
 * so the consumer goes on with the next message. A message whose id this queue has handled before is dropped, so a
 * redelivery has no second effect.
 *
 * <p>A handler whose side effect is a change to a MongoDB document should make that change with
 * {@link MongoOnce} so that the change and the record of the message are one atomic write: a consumer that dies
 * after the change and before the acknowledgement then finds the change already made when the message comes again.
 */
public class Inbox {

	public static final String REASON_HEADER = "x-inspectflow-rejection-reason";

	private static final Logger log = LoggerFactory.getLogger(Inbox.class);

	private final ObjectMapper objectMapper;

	private final MessageSchemas schemas;

	private final ProcessedMessages processed;

	private final ConfirmedPublisher publisher;

	private final TransactionOperations transactions;

	private Tracer tracer = Tracer.NOOP;

	private Propagator propagator = Propagator.NOOP;

	/** For a store without transactions (MongoDB): see {@link MongoOnce} for changes made once per message. */
	public Inbox(ObjectMapper objectMapper, MessageSchemas schemas, ProcessedMessages processed,
			ConfirmedPublisher publisher) {
		this(objectMapper, schemas, processed, publisher, TransactionOperations.withoutTransaction());
	}

	/** For a transactional store: the handler's changes and the record of the message commit together. */
	public Inbox(ObjectMapper objectMapper, MessageSchemas schemas, ProcessedMessages processed,
			ConfirmedPublisher publisher, TransactionOperations transactions) {
		this.objectMapper = objectMapper;
		this.schemas = schemas;
		this.processed = processed;
		this.publisher = publisher;
		this.transactions = transactions;
	}

	/** Continues the producer's trace (the message's {@code traceparent}) while a message is handled. */
	public Inbox tracing(Tracer tracer, Propagator propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
		return this;
	}

	/**
	 * Reads, checks and hands one message to {@code handler} unless this queue handled it before. Exceptions from
	 * the handler other than {@link MalformedMessageException} propagate: the message is requeued and, after the
	 * queue's delivery limit, dead-lettered by the broker.
	 */
	public void receive(String queue, Message message, Consumer<Envelope<?>> handler) {
		Span span = this.propagator
			.extract(message.getMessageProperties(), (properties, key) -> {
				Object value = properties.getHeader(key);
				return value == null ? null : value.toString();
			})
			.name("receive " + queue)
			.kind(Span.Kind.CONSUMER)
			.start();
		try (Tracer.SpanInScope scope = this.tracer.withSpan(span)) {
			receiveInSpan(queue, message, handler);
		}
		finally {
			span.end();
		}
	}

	private void receiveInSpan(String queue, Message message, Consumer<Envelope<?>> handler) {
		Envelope<?> envelope;
		try {
			envelope = read(message);
		}
		catch (MalformedMessageException ex) {
			deadLetter(queue, message, ex.getMessage());
			return;
		}
		try {
			this.transactions.executeWithoutResult((status) -> {
				if (this.processed.isHandled(queue, envelope.id())) {
					log.info("{}: dropped {} {}: handled before", queue, envelope.type(), envelope.id());
					return;
				}
				handler.accept(envelope);
				this.processed.markHandled(queue, envelope.id(), envelope.type());
			});
		}
		catch (MalformedMessageException ex) {
			deadLetter(queue, message, ex.getMessage());
		}
	}

	Envelope<?> read(Message message) {
		JsonNode json;
		try {
			json = this.objectMapper.readTree(message.getBody());
		}
		catch (IOException ex) {
			throw new MalformedMessageException("not JSON: " + firstLine(ex.getMessage()), ex);
		}
		if (json == null || !json.isObject()) {
			throw new MalformedMessageException("not a JSON object");
		}
		JsonNode typeNode = json.get("type");
		if (typeNode == null || !typeNode.isTextual()) {
			throw new MalformedMessageException("no 'type': the envelope needs a message type");
		}
		String type = typeNode.asText();
		Optional<MessageType> known = MessageTypes.find(type);
		if (known.isEmpty()) {
			throw new MalformedMessageException("unknown type '" + type + "'");
		}
		this.schemas.check(type, json);
		JavaType envelopeType = this.objectMapper.getTypeFactory()
			.constructParametricType(Envelope.class, known.get().recordClass());
		try {
			return this.objectMapper.convertValue(json, envelopeType);
		}
		catch (IllegalArgumentException ex) {
			throw new MalformedMessageException("does not fit " + type + ": " + ex.getMessage(), ex);
		}
	}

	private static String firstLine(String text) {
		return text == null ? "" : text.lines().findFirst().orElse("");
	}

	private void deadLetter(String queue, Message message, String reason) {
		log.warn("{}: moved a malformed message to {}: {}", queue, queue + ".dlq", reason);
		Message copy = MessageBuilder.fromMessage(message)
			.setHeader(REASON_HEADER, reason)
			.setHeader("x-inspectflow-queue", queue)
			.setHeader("x-original-exchange", message.getMessageProperties().getReceivedExchange())
			.setHeader("x-original-routing-key", message.getMessageProperties().getReceivedRoutingKey())
			.build();
		// waits for the broker's confirm: the original is acknowledged only once its copy is safe
		this.publisher.publish(Exchanges.DEAD_LETTER, queue, copy);
	}

}
