package org.inspectflow.support.outbox;

import java.sql.Timestamp;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.inspectflow.contracts.Envelope;
import org.inspectflow.contracts.MessageType;
import org.inspectflow.contracts.MessageTypes;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The transactional outbox of a service whose state is in a relational database: events are inserted into
 * {@code inspectflow_outbox} by the transaction that makes the change (in workflow-service, the engine's own
 * transaction, which shares the data source), so they exist if and only if the change committed. After the commit
 * the relay is woken; if the process dies first, the relay finds them at its next start.
 */
public class JdbcOutbox {

	private static final String INSERT = "INSERT INTO inspectflow_outbox "
			+ "(id, type, exchange_name, routing_key, subject, traceparent, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

	private final JdbcTemplate jdbc;

	private final ObjectMapper objectMapper;

	private final Runnable wakeRelay;

	public JdbcOutbox(JdbcTemplate jdbc, ObjectMapper objectMapper, Runnable wakeRelay) {
		this.jdbc = jdbc;
		this.objectMapper = objectMapper;
		this.wakeRelay = wakeRelay;
	}

	/** Records the events in the current transaction; refuses to run outside one (the event would not be tied to it). */
	public void append(Envelope<?>... events) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("events go into the outbox inside the transaction of the change they report");
		}
		for (Envelope<?> event : events) {
			MessageType type = MessageTypes.find(event.type())
				.orElseThrow(() -> new IllegalArgumentException("unknown message type " + event.type()));
			this.jdbc.update(INSERT, event.id(), event.type(), OutboxRelay.exchangeOf(type), event.type(),
					event.subject(), event.traceparent(), json(event), Timestamp.from(Instant.now()));
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				JdbcOutbox.this.wakeRelay.run();
			}
		});
	}

	private String json(Envelope<?> event) {
		try {
			return this.objectMapper.writeValueAsString(event);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("cannot write " + event.type() + " as JSON", ex);
		}
	}

}
