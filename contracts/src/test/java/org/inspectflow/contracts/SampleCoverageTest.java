package org.inspectflow.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A type without a sample or a schema is a type nobody can test against; a sample or schema without a type is a
 * leftover. Either way this fails, and says which.
 */
class SampleCoverageTest {

	static List<MessageType> types() {
		return MessageTypes.all();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("types")
	void everyTypeHasAGoldenSample(MessageType type) {
		assertThat(Files.isRegularFile(Contracts.sampleFile(type.type())))
			.as("sample %s", Contracts.sampleFile(type.type()))
			.isTrue();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("types")
	void everyTypeHasASchemaAMessageAndAChannelInTheAsyncApiDocument(MessageType type) {
		JsonNode doc = Contracts.asyncApi();

		assertThat(doc.path("components").path("schemas").has(type.type())).as("schema").isTrue();
		assertThat(doc.path("components").path("messages").has(type.type())).as("message").isTrue();
		assertThat(doc.path("channels").path(type.type()).path("address").asText()).as("channel address")
			.isEqualTo(type.type());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("types")
	void dataSchemaHasExactlyTheRecordsFields(MessageType type) {
		Set<String> schemaFields = new TreeSet<>();
		Contracts.dataSchemaFor(type.type()).path("properties").fieldNames().forEachRemaining(schemaFields::add);
		Set<String> recordFields = new TreeSet<>(
				Arrays.stream(type.recordClass().getRecordComponents()).map(RecordComponent::getName).toList());

		assertThat(schemaFields).isEqualTo(recordFields);
	}

	@Test
	void everySampleNamesAKnownType() {
		List<String> unknown = Contracts.sampleFiles()
			.stream()
			.map(Contracts::typeOf)
			.filter(type -> MessageTypes.find(type).isEmpty())
			.toList();

		assertThat(Contracts.sampleFiles()).isNotEmpty();
		assertThat(unknown).as("samples of unknown types").isEmpty();
	}

	@Test
	void everyMessageSchemaInTheAsyncApiDocumentNamesAKnownType() {
		List<String> unknown = new ArrayList<>();
		Contracts.asyncApi().path("components").path("messages").fieldNames().forEachRemaining(name -> {
			if (MessageTypes.find(name).isEmpty()) {
				unknown.add(name);
			}
		});

		assertThat(unknown).as("messages of unknown types").isEmpty();
	}

	@Test
	void theSampleFolderIsWhereTheTestsLook() {
		assertThat(Contracts.SAMPLES).isEqualTo(Path.of("src", "test", "resources", "samples"));
		assertThat(Files.isDirectory(Contracts.SAMPLES)).isTrue();
	}

}
