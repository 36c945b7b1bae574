package org.inspectflow.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

/**
 * What the contract tests share: the AsyncAPI document, the golden samples, a schema validator per message type and
 * an ObjectMapper set up the way Spring Boot sets up the services' mapper.
 */
final class Contracts {

	static final Path ASYNCAPI = Path.of("..", "docs", "events", "asyncapi.yaml");

	static final Path SAMPLES = Path.of("src", "test", "resources", "samples");

	/** Like Spring Boot's auto-configured mapper, as far as messages are concerned. */
	static final ObjectMapper MAPPER = JsonMapper.builder()
		.addModule(new JavaTimeModule())
		.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	/** Draft-07, with the AsyncAPI document's {@code components} known as a place for schemas, not a keyword. */
	private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7,
			builder -> builder.metaSchema(JsonMetaSchema.builder(JsonMetaSchema.getV7())
				.keyword(new NonValidationKeyword("components"))
				.build()));

	private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
		.formatAssertionsEnabled(true)
		.build();

	private static JsonNode asyncApi;

	private Contracts() {
	}

	static synchronized JsonNode asyncApi() {
		if (asyncApi == null) {
			try {
				asyncApi = new YAMLMapper().readTree(ASYNCAPI.toFile());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return asyncApi;
	}

	static JsonNode componentSchemas() {
		return asyncApi().path("components").path("schemas");
	}

	/**
	 * The message schema of a type, with the document's other component schemas in reach of its {@code $ref}s.
	 */
	static JsonSchema schemaFor(String type) {
		if (componentSchemas().path(type).isMissingNode()) {
			throw new IllegalArgumentException("no schema for " + type + " in " + ASYNCAPI);
		}
		ObjectNode root = MAPPER.createObjectNode();
		root.put("$ref", "#/components/schemas/" + type);
		root.putObject("components").set("schemas", componentSchemas());
		return FACTORY.getSchema(root, CONFIG);
	}

	/** The schema of a type's {@code data}, as the message schema refers to it. */
	static JsonNode dataSchemaFor(String type) {
		String ref = componentSchemas().path(type).path("allOf").path(1).path("properties").path("data").path("$ref")
			.asText();
		return componentSchemas().path(ref.substring(ref.lastIndexOf('/') + 1));
	}

	static List<Path> sampleFiles() {
		try (Stream<Path> files = Files.list(SAMPLES)) {
			return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Path sampleFile(String type) {
		return SAMPLES.resolve(type + ".json");
	}

	static String typeOf(Path sampleFile) {
		String name = sampleFile.getFileName().toString();
		return name.substring(0, name.length() - ".json".length());
	}

	static JsonNode read(Path file) {
		try {
			return MAPPER.readTree(file.toFile());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static JavaType envelopeOf(Class<?> recordClass) {
		return MAPPER.getTypeFactory().constructParametricType(Envelope.class, recordClass);
	}

}
