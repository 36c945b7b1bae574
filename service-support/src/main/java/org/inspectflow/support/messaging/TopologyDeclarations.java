package org.inspectflow.support.messaging;

import java.util.ArrayList;
import java.util.List;

import org.inspectflow.contracts.Exchanges;
import org.inspectflow.contracts.Queues;
import org.inspectflow.contracts.QueueBinding;

import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;

/**
 * The RabbitMQ topology one service declares at start, taken from {@link Queues#ALL} (the same list that
 * {@code infra/rabbitmq/definitions.json} follows): the three exchanges, and for each queue the service consumes
 * ({@code <service>.<purpose>}) a durable quorum queue with a delivery limit, dead-lettering into its own
 * {@code <queue>.dlq}. Declaring is idempotent, so every service can declare the shared exchanges.
 */
public final class TopologyDeclarations {

	private TopologyDeclarations() {
	}

	public static List<Declarable> forService(String service) {
		List<Declarable> declarables = new ArrayList<>();
		TopicExchange events = new TopicExchange(Exchanges.EVENTS, true, false);
		TopicExchange commands = new TopicExchange(Exchanges.COMMANDS, true, false);
		DirectExchange deadLetter = new DirectExchange(Exchanges.DEAD_LETTER, true, false);
		declarables.add(events);
		declarables.add(commands);
		declarables.add(deadLetter);
		for (QueueBinding binding : Queues.ALL) {
			if (!binding.queue().startsWith(service + ".")) {
				continue;
			}
			Queue queue = quorumQueue(binding.queue());
			Queue dlq = QueueBuilder.durable(Queues.deadLetterQueue(binding.queue())).quorum().build();
			declarables.add(queue);
			declarables.add(dlq);
			declarables.add(BindingBuilder.bind(dlq).to(deadLetter).with(binding.queue()));
			TopicExchange source = Exchanges.EVENTS.equals(binding.exchange()) ? events : commands;
			for (String routingKey : binding.routingKeys()) {
				declarables.add(BindingBuilder.bind(queue).to(source).with(routingKey));
			}
		}
		return declarables;
	}

	static Queue quorumQueue(String name) {
		return QueueBuilder.durable(name)
			.quorum()
			.deliveryLimit(Queues.DELIVERY_LIMIT)
			.deadLetterExchange(Exchanges.DEAD_LETTER)
			.deadLetterRoutingKey(name)
			.build();
	}

	/** The queues a service consumes. */
	public static List<String> queuesOf(String service) {
		return Queues.ALL.stream().map(QueueBinding::queue).filter((queue) -> queue.startsWith(service + ".")).toList();
	}

}
