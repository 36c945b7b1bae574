package org.inspectflow.support.messaging;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeoutException;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a batch on a channel of its own, in order, with publisher confirms, and tells for each message whether
 * the broker took it. The outbox relays use it: it does what {@link ConfirmedPublisher} does per message without the
 * template's per-message work, which halves the relay's rate otherwise. A message sent {@code mandatory} that comes
 * back unroutable counts as not taken. Used by one relay thread at a time.
 */
public final class BatchConfirmPublisher implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(BatchConfirmPublisher.class);

	private final ConnectionFactory factory;

	private final Duration timeout;

	private final ConcurrentNavigableMap<Long, Integer> outstanding = new ConcurrentSkipListMap<>();

	private final Set<String> returned = ConcurrentHashMap.newKeySet();

	private final Object confirmed = new Object();

	private volatile Boolean[] results = new Boolean[0];

	private Connection connection;

	private Channel channel;

	public BatchConfirmPublisher(ConnectionFactory factory, Duration timeout) {
		this.factory = factory;
		this.timeout = timeout;
	}

	/** One message of a batch; {@code mandatory} when reaching no queue is a failure (commands, not events). */
	public record Outgoing(String exchange, String routingKey, boolean mandatory, AMQP.BasicProperties properties,
			byte[] body) {
	}

	/** Sends the batch and waits for the confirms; element i is true when the broker took message i. */
	public synchronized List<Boolean> publish(List<Outgoing> batch) {
		Boolean[] taken = new Boolean[batch.size()];
		this.results = taken;
		this.outstanding.clear();
		this.returned.clear();
		try {
			Channel open = channel();
			for (int i = 0; i < batch.size(); i++) {
				Outgoing outgoing = batch.get(i);
				this.outstanding.put(open.getNextPublishSeqNo(), i);
				open.basicPublish(outgoing.exchange(), outgoing.routingKey(), outgoing.mandatory(),
						outgoing.properties(), outgoing.body());
			}
			long deadline = System.nanoTime() + this.timeout.toNanos();
			synchronized (this.confirmed) {
				while (!this.outstanding.isEmpty()) {
					long left = deadline - System.nanoTime();
					if (left <= 0) {
						log.warn("{} messages not confirmed within {}; they will be sent again", this.outstanding.size(),
								this.timeout);
						break;
					}
					this.confirmed.wait(Math.max(1, left / 1_000_000));
				}
			}
		}
		catch (IOException | TimeoutException | RuntimeException ex) {
			log.warn("publishing a batch failed ({}); what was not confirmed will be sent again", ex.getMessage());
			closeQuietly();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		List<Boolean> outcome = new ArrayList<>(batch.size());
		for (int i = 0; i < batch.size(); i++) {
			Outgoing outgoing = batch.get(i);
			boolean lost = outgoing.mandatory() && this.returned.contains(outgoing.properties().getMessageId());
			outcome.add(Boolean.TRUE.equals(taken[i]) && !lost);
		}
		return outcome;
	}

	private Channel channel() throws IOException, TimeoutException {
		if (this.channel != null && this.channel.isOpen()) {
			return this.channel;
		}
		closeQuietly();
		this.connection = this.factory.newConnection("inspectflow-outbox-relay");
		this.channel = this.connection.createChannel();
		this.channel.confirmSelect();
		this.channel.addReturnListener((reply) -> this.returned.add(reply.getProperties().getMessageId()));
		this.channel.addConfirmListener((tag, multiple) -> settle(tag, multiple, true),
				(tag, multiple) -> settle(tag, multiple, false));
		return this.channel;
	}

	private void settle(long tag, boolean multiple, boolean ack) {
		Boolean[] taken = this.results;
		if (multiple) {
			ConcurrentNavigableMap<Long, Integer> upTo = this.outstanding.headMap(tag, true);
			upTo.values().forEach((index) -> taken[index] = ack);
			upTo.clear();
		}
		else {
			Integer index = this.outstanding.remove(tag);
			if (index != null) {
				taken[index] = ack;
			}
		}
		synchronized (this.confirmed) {
			this.confirmed.notifyAll();
		}
	}

	private void closeQuietly() {
		try {
			if (this.connection != null && this.connection.isOpen()) {
				this.connection.close();
			}
		}
		catch (IOException | RuntimeException ex) {
			// already broken: a new connection is made for the next batch
		}
		this.connection = null;
		this.channel = null;
	}

	@Override
	public synchronized void close() {
		closeQuietly();
	}

}
