package org.inspectflow.support.outbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.rabbitmq.client.AMQP;
import org.inspectflow.contracts.Exchanges;
import org.inspectflow.support.messaging.BatchConfirmPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One round of an outbox relay, whatever the store: every pending event is sent on one channel without waiting (in the
 * order given, which keeps each case's events in order), then all confirms are awaited. An event the broker refused
 * stops its group (its case or document): the events after it in that group are not reported as published, so the
 * next round sends them again after it; consumers drop the repeats by id.
 */
final class OutboxBatch {

	private static final Logger log = LoggerFactory.getLogger(OutboxBatch.class);

	private OutboxBatch() {
	}

	/** An event waiting in an outbox: its id, the group whose order matters, where it goes and the envelope. */
	record Pending(String id, Object group, String type, String exchange, String routingKey, String subject,
			String traceparent, String body) {
	}

	/** Publishes the batch; returns the events the broker confirmed, which the store may now forget. */
	static List<Pending> publish(BatchConfirmPublisher publisher, List<Pending> batch) {
		List<BatchConfirmPublisher.Outgoing> outgoing = new ArrayList<>(batch.size());
		for (Pending pending : batch) {
			// an event nobody subscribed to yet is not an error (integrators bind later); a command that reaches
			// no queue is
			outgoing.add(new BatchConfirmPublisher.Outgoing(pending.exchange(), pending.routingKey(),
					!Exchanges.EVENTS.equals(pending.exchange()), properties(pending),
					pending.body().getBytes(StandardCharsets.UTF_8)));
		}
		List<Boolean> taken = publisher.publish(outgoing);
		List<Pending> confirmed = new ArrayList<>(batch.size());
		Set<Object> stopped = new HashSet<>();
		for (int i = 0; i < batch.size(); i++) {
			Pending pending = batch.get(i);
			if (!taken.get(i)) {
				if (stopped.add(pending.group())) {
					log.warn("{} {} not published yet; will retry", pending.type(), pending.id());
				}
				continue;
			}
			if (!stopped.contains(pending.group())) {
				confirmed.add(pending);
			}
		}
		return confirmed;
	}

	static AMQP.BasicProperties properties(Pending pending) {
		Map<String, Object> headers = new HashMap<>();
		if (pending.subject() != null) {
			headers.put("subject", pending.subject());
		}
		if (pending.traceparent() != null) {
			// the trace of the request that caused the event goes on with its consumers
			headers.put("traceparent", pending.traceparent());
		}
		return new AMQP.BasicProperties.Builder().contentType("application/cloudevents+json")
			.contentEncoding(StandardCharsets.UTF_8.name())
			.messageId(pending.id())
			.type(pending.type())
			.deliveryMode(2)
			.headers(headers)
			.build();
	}

}
