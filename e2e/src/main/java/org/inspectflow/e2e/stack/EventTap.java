package org.inspectflow.e2e.stack;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DeliverCallback;

/**
 * A queue of our own bound to the events exchange, read as an integrator reads it (docs/integrators.md): the
 * read-only RabbitMQ user {@code integrator} may declare queues named {@code integrator.*} and bind them to
 * {@code inspectflow.events}. Every event that arrives is kept in arrival order, so a scenario can wait for the one
 * it expects and show what the bus carried. A tap's queue is exclusive and goes away with its connection; an
 * integrator's own durable queue ({@link #durable}) is deleted by {@link #close()}.
 */
public final class EventTap implements AutoCloseable {

	public static final String EVENTS_EXCHANGE = "inspectflow.events";

	private final Connection connection;

	private final Channel channel;

	private final String queue;

	private final boolean durable;

	private final String user;

	private final List<BusEvent> events = new ArrayList<>();

	private EventTap(Connection connection, Channel channel, String queue, boolean durable, String user) {
		this.connection = connection;
		this.channel = channel;
		this.queue = queue;
		this.durable = durable;
		this.user = user;
	}

	/** A temporary queue that receives every event ({@code #}) from now on. */
	public static EventTap temporary(StackConfig.Rabbit rabbit, String name) {
		return open(rabbit, name, false, List.of("#"));
	}

	/**
	 * A durable quorum queue as docs/integrators.md recommends, bound with {@code bindingKeys}; deleted again by
	 * {@link #close()} so that the demo leaves no queue filling up behind it.
	 */
	public static EventTap durable(StackConfig.Rabbit rabbit, String name, List<String> bindingKeys) {
		return open(rabbit, name, true, bindingKeys);
	}

	private static EventTap open(StackConfig.Rabbit rabbit, String name, boolean durable, List<String> bindingKeys) {
		Connection connection;
		String user;
		try {
			connection = factory(rabbit, rabbit.integratorUser(), rabbit.integratorPassword()).newConnection("e2e");
			user = rabbit.integratorUser();
		}
		catch (AuthenticationFailureException ex) {
			// a broker where ./inspectflow could not create the integrator user: read with the services' user
			try {
				connection = factory(rabbit, rabbit.user(), rabbit.password()).newConnection("e2e");
				user = rabbit.user();
			}
			catch (IOException | TimeoutException again) {
				throw new StepFailure("a connection to RabbitMQ at " + rabbit.host() + ":" + rabbit.port() + " vhost "
						+ rabbit.vhost(), again.toString(), "rabbitmq");
			}
		}
		catch (IOException | TimeoutException ex) {
			throw new StepFailure("a connection to RabbitMQ at " + rabbit.host() + ":" + rabbit.port() + " vhost "
					+ rabbit.vhost() + " as " + rabbit.integratorUser(), ex.toString(), "rabbitmq");
		}
		try {
			Channel channel = connection.createChannel();
			if (durable) {
				channel.queueDeclare(name, true, false, false, Map.of("x-queue-type", "quorum"));
			}
			else {
				channel.queueDeclare(name, false, true, true, null);
			}
			for (String key : bindingKeys) {
				channel.queueBind(name, EVENTS_EXCHANGE, key);
			}
			EventTap tap = new EventTap(connection, channel, name, durable, user);
			channel.basicQos(200);
			DeliverCallback deliver = (tag, delivery) -> {
				tap.received(delivery.getBody());
				channel.basicAck(delivery.getEnvelope().getDeliveryTag(), false);
			};
			channel.basicConsume(name, false, deliver, (tag) -> {
			});
			return tap;
		}
		catch (IOException ex) {
			try {
				connection.close();
			}
			catch (IOException | RuntimeException ignored) {
				// already broken
			}
			throw new StepFailure("queue " + name + " bound to " + EVENTS_EXCHANGE + " as RabbitMQ user " + user,
					ex.toString() + (ex.getCause() == null ? "" : " " + ex.getCause()), "rabbitmq");
		}
	}

	private static ConnectionFactory factory(StackConfig.Rabbit rabbit, String user, String password) {
		ConnectionFactory factory = new ConnectionFactory();
		factory.setHost(rabbit.host());
		factory.setPort(rabbit.port());
		factory.setVirtualHost(rabbit.vhost());
		factory.setUsername(user);
		factory.setPassword(password);
		factory.setConnectionTimeout(5000);
		factory.setAutomaticRecoveryEnabled(true);
		return factory;
	}

	private synchronized void received(byte[] body) {
		this.events.add(BusEvent.of(this.events.size() + 1, body));
		notifyAll();
	}

	public String queue() {
		return this.queue;
	}

	/** The RabbitMQ user the queue is read as. */
	public String user() {
		return this.user;
	}

	public synchronized List<BusEvent> all() {
		return List.copyOf(this.events);
	}

	public List<BusEvent> about(String caseId) {
		return all().stream().filter((event) -> event.about(caseId)).toList();
	}

	public Optional<BusEvent> find(Predicate<BusEvent> wanted) {
		return all().stream().filter(wanted).findFirst();
	}

	/** The first event that matches, waiting for it up to {@code timeout}. */
	public BusEvent await(String expected, Duration timeout, String lookAt, Predicate<BusEvent> wanted) {
		return Await.until(expected + " on " + EVENTS_EXCHANGE, timeout, lookAt, () -> find(wanted),
				() -> "the events seen were: " + summary(all()));
	}

	/** {@code ClueReported, ClueTriaged, …} (the last 30). */
	public static String summary(List<BusEvent> events) {
		List<BusEvent> tail = events.size() > 30 ? events.subList(events.size() - 30, events.size()) : events;
		return tail.isEmpty() ? "none"
				: String.join(", ", tail.stream().map((e) -> e.name() + "(" + e.subject() + ")").toList());
	}

	@Override
	public void close() {
		try {
			if (this.durable && this.channel.isOpen()) {
				this.channel.queueDelete(this.queue);
			}
			this.connection.close();
		}
		catch (IOException | RuntimeException ex) {
			// closing a tap must not hide what the scenario found
		}
	}

}
