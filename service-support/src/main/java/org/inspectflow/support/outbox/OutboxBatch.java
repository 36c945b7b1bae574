package org.inspectflow.support.outbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.inspectflow.support.messaging.ConfirmedPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CorrelationData;

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
	static List<Pending> publish(ConfirmedPublisher publisher, List<Pending> batch) {
		List<ConfirmedPublisher.Outgoing> outgoing = new ArrayList<>(batch.size());
		for (Pending pending : batch) {
			outgoing.add(new ConfirmedPublisher.Outgoing(pending.exchange(), pending.routingKey(), message(pending)));
		}
		List<CorrelationData> confirms = publisher.sendAll(outgoing);
		List<Pending> confirmed = new ArrayList<>(batch.size());
		Set<Object> stopped = new HashSet<>();
		for (int i = 0; i < batch.size(); i++) {
			Pending pending = batch.get(i);
			if (i >= confirms.size()) {
				if (stopped.add(pending.group())) {
					log.warn("{} {} not sent (the channel failed); will retry", pending.type(), pending.id());
				}
				continue;
			}
			try {
				publisher.awaitConfirm(pending.exchange(), pending.routingKey(), confirms.get(i));
			}
			catch (RuntimeException ex) {
				if (stopped.add(pending.group())) {
					refused(pending, ex);
				}
				continue;
			}
			if (!stopped.contains(pending.group())) {
				confirmed.add(pending);
			}
		}
		return confirmed;
	}

	private static void refused(Pending pending, RuntimeException ex) {
		log.warn("{} {} not published yet ({}); will retry", pending.type(), pending.id(), ex.getMessage());
	}

	static Message message(Pending pending) {
		MessageProperties properties = new MessageProperties();
		properties.setContentType("application/cloudevents+json");
		properties.setContentEncoding(StandardCharsets.UTF_8.name());
		properties.setMessageId(pending.id());
		properties.setType(pending.type());
		properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
		if (pending.subject() != null) {
			properties.setHeader("subject", pending.subject());
		}
		if (pending.traceparent() != null) {
			// the trace of the request that caused the event goes on with its consumers
			properties.setHeader("traceparent", pending.traceparent());
		}
		return MessageBuilder.withBody(pending.body().getBytes(StandardCharsets.UTF_8)).andProperties(properties).build();
	}

}
