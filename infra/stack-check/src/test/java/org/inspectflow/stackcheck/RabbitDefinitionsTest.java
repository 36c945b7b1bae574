package org.inspectflow.stackcheck;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.inspectflow.contracts.Exchanges;
import org.inspectflow.contracts.QueueBinding;
import org.inspectflow.contracts.Queues;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * compose loads {@code infra/rabbitmq/definitions.json}; the services declare the same topology from
 * {@link Queues#ALL} at start. Both must name the same exchanges, queues, arguments and bindings, or a queue declared
 * by a service would clash with the one compose created (RabbitMQ refuses a redeclaration with other arguments).
 */
class RabbitDefinitionsTest {

	private static JsonNode definitions;

	@BeforeAll
	static void load() throws Exception {
		Path root = Path.of("").toAbsolutePath();
		while (!Files.exists(root.resolve("docker-compose.yml"))) {
			root = root.getParent();
		}
		definitions = new ObjectMapper().readTree(root.resolve("infra/rabbitmq/definitions.json").toFile());
	}

	@Test
	void declaresTheThreeExchangesTheServicesUse() {
		Set<String> exchanges = new HashSet<>();
		definitions.path("exchanges").forEach((e) -> exchanges.add(e.get("name").asText() + ":" + e.get("type").asText()
				+ ":" + e.get("durable").asBoolean()));
		assertThat(exchanges).containsExactlyInAnyOrder(Exchanges.EVENTS + ":topic:true",
				Exchanges.COMMANDS + ":topic:true", Exchanges.DEAD_LETTER + ":direct:true");
	}

	@Test
	void declaresEveryQueueOfTheContractsAsAQuorumQueueWithItsDeadLetterQueue() {
		Set<String> expected = new HashSet<>();
		for (QueueBinding binding : Queues.ALL) {
			expected.add(binding.queue());
			expected.add(Queues.deadLetterQueue(binding.queue()));
		}
		Set<String> declared = new HashSet<>();
		for (JsonNode queue : definitions.path("queues")) {
			String name = queue.get("name").asText();
			declared.add(name);
			JsonNode arguments = queue.get("arguments");
			assertThat(queue.get("durable").asBoolean()).as(name + " durable").isTrue();
			assertThat(arguments.path("x-queue-type").asText()).as(name + " is a quorum queue").isEqualTo("quorum");
			if (!name.endsWith(".dlq")) {
				assertThat(arguments.path("x-delivery-limit").asInt()).as(name + " delivery limit")
					.isEqualTo(Queues.DELIVERY_LIMIT);
				assertThat(arguments.path("x-dead-letter-exchange").asText()).as(name + " dead-letters")
					.isEqualTo(Exchanges.DEAD_LETTER);
				assertThat(arguments.path("x-dead-letter-routing-key").asText()).isEqualTo(name);
			}
		}
		assertThat(declared).containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void bindsEveryQueueAsTheContractsSay() {
		Set<String> expected = new HashSet<>();
		for (QueueBinding binding : Queues.ALL) {
			binding.routingKeys().forEach((key) -> expected.add(binding.exchange() + " -> " + binding.queue() + " : " + key));
			expected.add(Exchanges.DEAD_LETTER + " -> " + Queues.deadLetterQueue(binding.queue()) + " : "
					+ binding.queue());
		}
		Set<String> declared = new HashSet<>();
		definitions.path("bindings").forEach((b) -> declared.add(b.get("source").asText() + " -> "
				+ b.get("destination").asText() + " : " + b.get("routing_key").asText()));
		assertThat(declared).containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void givesTheIntegratorTheSamePermissionsUnderTheScriptAsUnderCompose() throws Exception {
		Path root = Path.of("").toAbsolutePath();
		while (!Files.exists(root.resolve("inspectflow"))) {
			root = root.getParent();
		}
		String script = Files.readString(root.resolve("inspectflow"));
		JsonNode permission = integratorPermission();
		assertThat(script).contains("INTEGRATOR_CONFIGURE='" + permission.get("configure").asText() + "'")
			.contains("INTEGRATOR_WRITE='" + permission.get("write").asText() + "'")
			.contains("INTEGRATOR_READ='" + permission.get("read").asText() + "'");
	}

	private static JsonNode integratorPermission() {
		for (JsonNode candidate : definitions.path("permissions")) {
			if (candidate.get("user").asText().equals("integrator")) {
				return candidate;
			}
		}
		throw new AssertionError("no permissions for the integrator user in definitions.json");
	}

	@Test
	void letsTheIntegratorBindItsOwnQueuesToTheEventsAndNothingElse() {
		JsonNode permission = null;
		for (JsonNode candidate : definitions.path("permissions")) {
			if (candidate.get("user").asText().equals("integrator")) {
				permission = candidate;
			}
		}
		assertThat(permission).as("permissions of the integrator user").isNotNull();
		assertThat("integrator.acme-cases").matches(permission.get("configure").asText())
			.matches(permission.get("write").asText())
			.matches(permission.get("read").asText());
		assertThat(Exchanges.EVENTS).matches(permission.get("read").asText())
			.doesNotMatch(permission.get("write").asText())
			.doesNotMatch(permission.get("configure").asText());
		for (String forbidden : new String[] { Exchanges.COMMANDS, Exchanges.DEAD_LETTER, Queues.NOTIFICATION_EVENTS,
				Queues.NOTIFICATION_WEBHOOKS,
				Queues.deadLetterQueue(Queues.WORKFLOW_COMMANDS) }) {
			assertThat(forbidden).doesNotMatch(permission.get("read").asText())
				.doesNotMatch(permission.get("write").asText())
				.doesNotMatch(permission.get("configure").asText());
		}
		for (JsonNode user : definitions.path("users")) {
			if (user.get("name").asText().equals("integrator")) {
				assertThat(user.get("tags")).as("no management or admin tags").isEmpty();
			}
		}
	}

}
