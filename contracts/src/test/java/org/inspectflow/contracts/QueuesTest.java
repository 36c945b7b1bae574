package org.inspectflow.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Queues.ALL is what the services and definitions.json declare, so a binding to a type that does not exist, or to
 * the wrong exchange, would silently leave a queue empty.
 */
class QueuesTest {

	static List<QueueBinding> bindings() {
		return Queues.ALL;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("bindings")
	void bindsKnownTypesOnTheExchangeOfTheirKind(QueueBinding binding) {
		assertThat(binding.routingKeys()).isNotEmpty().doesNotHaveDuplicates().allSatisfy(key -> {
			MessageType type = MessageTypes.find(key).orElseThrow(() -> new AssertionError("unknown type " + key));
			String exchange = type.kind() == MessageType.Kind.EVENT ? Exchanges.EVENTS : Exchanges.COMMANDS;
			assertThat(binding.exchange()).as(key).isEqualTo(exchange);
		});
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("bindings")
	void queueIsNamedAfterItsConsumerAndReceivesOnlyCommandsAddressedToIt(QueueBinding binding) {
		String consumer = binding.queue().substring(0, binding.queue().indexOf('.'));

		assertThat(binding.queue()).matches("[a-z]+-service\\.[a-z]+");
		binding.routingKeys()
			.stream()
			.map(key -> MessageTypes.find(key).orElseThrow())
			.filter(type -> type.kind() == MessageType.Kind.COMMAND)
			.forEach(type -> assertThat(type.owner()).as(type.type()).isEqualTo(consumer));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("bindings")
	void asyncApiDocumentHasTheQueueWithTheSameMessages(QueueBinding binding) {
		JsonNode channel = Contracts.asyncApi().path("channels").path(binding.queue());
		List<String> messages = new ArrayList<>();
		channel.path("messages")
			.forEach(ref -> messages.add(ref.path("$ref").asText().replace("#/components/messages/", "")));

		assertThat(channel.path("address").asText()).isEqualTo(binding.queue());
		assertThat(channel.path("bindings").path("amqp").path("queue").path("name").asText())
			.isEqualTo(binding.queue());
		assertThat(messages).containsExactlyInAnyOrderElementsOf(binding.routingKeys());
	}

	@Test
	void everyCommandHasAQueue() {
		List<String> bound = Queues.ALL.stream().flatMap(b -> b.routingKeys().stream()).toList();

		assertThat(MessageTypes.all()).filteredOn(t -> t.kind() == MessageType.Kind.COMMAND)
			.extracting(MessageType::type)
			.allSatisfy(type -> assertThat(bound).contains(type));
	}

	@Test
	void webhooksGetEveryEventButNotificationServicesOwnReports() {
		List<String> webhookTypes = Queues.ALL.stream()
			.filter(b -> b.queue().equals(Queues.NOTIFICATION_WEBHOOKS))
			.flatMap(b -> b.routingKeys().stream())
			.toList();

		// an integrator sees every event of a case; a delivery's own report would be delivered and reported without end
		assertThat(webhookTypes).containsExactlyInAnyOrderElementsOf(MessageTypes.all()
			.stream()
			.filter(t -> t.kind() == MessageType.Kind.EVENT && !t.owner().equals(MessageTypes.NOTIFICATION_SERVICE))
			.map(MessageType::type)
			.toList());
	}

	@Test
	void queueNamesAreUnique() {
		assertThat(Queues.ALL).extracting(QueueBinding::queue).doesNotHaveDuplicates();
	}

	@Test
	void deadLetterQueueIsTheQueueNameWithDlq() {
		assertThat(Queues.deadLetterQueue(Queues.WORKFLOW_REPLIES)).isEqualTo("workflow-service.replies.dlq");
		assertThat(Queues.DELIVERY_LIMIT).isEqualTo(5);
	}

}
