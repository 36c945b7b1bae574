package org.inspectflow.stackcheck;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.MessageProperties;
import org.inspectflow.contracts.Exchanges;
import org.inspectflow.contracts.events.CaseClosed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The integrators' RabbitMQ user on the real broker ({@code ./inspectflow test} creates it in the test virtual host
 * with the permissions of {@code infra/rabbitmq/definitions.json}): it may bind queues of its own to the events
 * exchange and read them, and nothing else.
 */
class IntegratorPermissionsIT {

	private static Connection platform;

	private static Connection integrator;

	@BeforeAll
	static void connect() throws Exception {
		platform = factory(env("INSPECTFLOW_RABBITMQ_USER", "guest"), env("INSPECTFLOW_RABBITMQ_PASSWORD", "guest"))
			.newConnection("stack-check platform");
		integrator = factory("integrator", "integrator").newConnection("stack-check integrator");
		try (Channel channel = platform.createChannel()) {
			channel.exchangeDeclare(Exchanges.EVENTS, "topic", true);
			channel.exchangeDeclare(Exchanges.COMMANDS, "topic", true);
		}
	}

	@AfterAll
	static void disconnect() throws Exception {
		integrator.close();
		platform.close();
	}

	@Test
	void bindsItsOwnQueueToTheEventsAndReadsThem() throws Exception {
		String queue = "integrator.stack-check-" + UUID.randomUUID();
		try (Channel channel = integrator.createChannel()) {
			channel.queueDeclare(queue, false, false, true, Map.of());
			channel.queueBind(queue, Exchanges.EVENTS, "workflow.#");
			try (Channel publisher = platform.createChannel()) {
				publisher.basicPublish(Exchanges.EVENTS, CaseClosed.TYPE, MessageProperties.PERSISTENT_BASIC,
						"{\"type\":\"workflow.CaseClosed.v1\"}".getBytes(StandardCharsets.UTF_8));
			}
			GetResponse received = null;
			for (int i = 0; i < 50 && received == null; i++) {
				received = channel.basicGet(queue, true);
				if (received == null) {
					Thread.sleep(100);
				}
			}
			assertThat(received).as("the event reached the integrator's queue").isNotNull();
			channel.queueDelete(queue);
		}
	}

	@Test
	void mayNotPublishToTheEventsExchange() throws Exception {
		Channel channel = integrator.createChannel();
		channel.confirmSelect();
		channel.basicPublish(Exchanges.EVENTS, CaseClosed.TYPE, MessageProperties.PERSISTENT_BASIC, new byte[] { '{', '}' });
		assertThatThrownBy(() -> channel.waitForConfirmsOrDie(5000)).hasStackTraceContaining("ACCESS_REFUSED");
	}

	@Test
	void mayNotDeclareQueuesOutsideItsOwnNames() throws Exception {
		Channel channel = integrator.createChannel();
		assertThatThrownBy(() -> channel.queueDeclare("notification-service.stolen", false, false, true, Map.of()))
			.isInstanceOf(IOException.class)
			.hasStackTraceContaining("ACCESS_REFUSED");
	}

	@Test
	void mayNotReadAnotherQueue() throws Exception {
		String other = "stack-check.platform-" + UUID.randomUUID();
		try (Channel owner = platform.createChannel()) {
			owner.queueDeclare(other, false, false, false, Map.of());
			Channel channel = integrator.createChannel();
			assertThatThrownBy(() -> channel.basicGet(other, true)).isInstanceOf(IOException.class)
				.hasStackTraceContaining("ACCESS_REFUSED");
			owner.queueDelete(other);
		}
	}

	@Test
	void mayNotBindToTheCommands() throws Exception {
		String queue = "integrator.stack-check-" + UUID.randomUUID();
		Channel channel = integrator.createChannel();
		channel.queueDeclare(queue, false, false, true, Map.of());
		assertThatThrownBy(() -> channel.queueBind(queue, Exchanges.COMMANDS, "#")).isInstanceOf(IOException.class)
			.hasStackTraceContaining("ACCESS_REFUSED");
		try (Channel cleanup = integrator.createChannel()) {
			cleanup.queueDelete(queue);
		}
	}

	private static ConnectionFactory factory(String user, String password) {
		ConnectionFactory factory = new ConnectionFactory();
		factory.setHost(env("INSPECTFLOW_RABBITMQ_HOST", "127.0.0.1"));
		factory.setPort(Integer.parseInt(env("INSPECTFLOW_RABBITMQ_PORT", "5672")));
		factory.setVirtualHost(env("INSPECTFLOW_RABBITMQ_VHOST", "/"));
		factory.setUsername(user);
		factory.setPassword(password);
		return factory;
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

}
