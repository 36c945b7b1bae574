package org.inspectflow.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.ValidationMessage;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The golden samples are what producers and consumers test against, so each must be a valid message by the
 * published schema and must survive the trip through its record unchanged.
 */
class SamplesTest {

	private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T.*");

	private static final Pattern USCC = Pattern.compile("[0-9A-HJ-NP-RTUW-Y]{2}\\d{6}[0-9A-HJ-NP-RTUW-Y]{10}");

	static List<Path> samples() {
		return Contracts.sampleFiles();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("samples")
	void validatesAgainstItsSchemaInTheAsyncApiDocument(Path sample) {
		JsonNode message = Contracts.read(sample);

		Set<ValidationMessage> errors = Contracts.schemaFor(Contracts.typeOf(sample)).validate(message);

		assertThat(errors).isEmpty();
		assertThat(message.path("type").asText()).isEqualTo(Contracts.typeOf(sample));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("samples")
	void roundTripsThroughItsRecordUnchanged(Path sample) throws Exception {
		MessageType type = MessageTypes.find(Contracts.typeOf(sample)).orElseThrow();
		JsonNode original = Contracts.read(sample);

		Envelope<?> envelope = Contracts.MAPPER.readValue(sample.toFile(), Contracts.envelopeOf(type.recordClass()));
		JsonNode written = Contracts.MAPPER.readTree(Contracts.MAPPER.writeValueAsString(envelope));

		assertThat(envelope.data()).isInstanceOf(type.recordClass());
		assertThat(timesAsInstants(written)).isEqualTo(timesAsInstants(original));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("samples")
	void isCompleteSoThatConsumersSeeEveryField(Path sample) {
		JsonNode data = Contracts.read(sample).path("data");
		JsonNode properties = Contracts.dataSchemaFor(Contracts.typeOf(sample)).path("properties");

		assertThat(names(data)).isEqualTo(names(properties));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("samples")
	void namesItsCaseAsSubject(Path sample) {
		JsonNode message = Contracts.read(sample);
		JsonNode caseId = message.path("data").path("caseId");

		if (caseId.isTextual()) {
			assertThat(message.path("subject").asText()).isEqualTo(caseId.asText());
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("samples")
	void usesOnlyUsccsWithAValidCheckCharacter(Path sample) {
		List<String> usccs = new ArrayList<>();
		collectUsccs(Contracts.read(sample), usccs);

		assertThat(usccs).allSatisfy(uscc -> assertThat(Uscc.isValid(uscc)).as(uscc).isTrue());
	}

	private static void collectUsccs(JsonNode node, List<String> usccs) {
		if (node.isTextual() && USCC.matcher(node.asText()).matches()) {
			usccs.add(node.asText());
		}
		node.forEach(child -> collectUsccs(child, usccs));
	}

	private static Set<String> names(JsonNode object) {
		Set<String> names = new TreeSet<>();
		object.fieldNames().forEachRemaining(names::add);
		return names;
	}

	/**
	 * Spring Boot's mapper writes times in UTC whatever offset they were read with; the instant is what must survive.
	 */
	private static JsonNode timesAsInstants(JsonNode node) {
		if (node.isObject()) {
			ObjectNode copy = JsonNodeFactory.instance.objectNode();
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				copy.set(field.getKey(), timesAsInstants(field.getValue()));
			}
			return copy;
		}
		if (node.isArray()) {
			ArrayNode copy = JsonNodeFactory.instance.arrayNode();
			node.forEach(element -> copy.add(timesAsInstants(element)));
			return copy;
		}
		if (node.isTextual() && DATE_TIME.matcher(node.asText()).matches()) {
			return TextNode.valueOf(OffsetDateTime.parse(node.asText()).toInstant().toString());
		}
		return node;
	}

}
