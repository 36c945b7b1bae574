package org.inspectflow.support.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The JSON Schemas of the AsyncAPI document ({@code docs/events/asyncapi.yaml}, packaged into the contracts jar as
 * {@value #LOCATION}): what integrators are promised is what every consumer checks, so a message with a missing or
 * wrong field is refused with the schema's own words.
 */
public final class MessageSchemas {

	static final String LOCATION = "inspectflow/asyncapi.yaml";

	private final JsonNode components;

	private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);

	private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

	private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

	MessageSchemas(JsonNode asyncApi) {
		this.components = asyncApi.get("components");
		if (this.components == null || this.components.get("schemas") == null) {
			throw new IllegalStateException("the AsyncAPI document has no components/schemas");
		}
	}

	public static MessageSchemas fromClasspath() {
		try (InputStream in = MessageSchemas.class.getClassLoader().getResourceAsStream(LOCATION)) {
			if (in == null) {
				throw new IllegalStateException(LOCATION + " is not on the classpath (it comes with the contracts jar)");
			}
			return new MessageSchemas(new ObjectMapper(new YAMLFactory()).readTree(in));
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read " + LOCATION, ex);
		}
	}

	/** Throws {@link MalformedMessageException} naming every violation when {@code message} does not fit its type. */
	public void check(String type, JsonNode message) {
		JsonSchema schema = this.schemas.computeIfAbsent(type, this::load);
		Set<ValidationMessage> violations = schema.validate(message);
		if (!violations.isEmpty()) {
			throw new MalformedMessageException("does not fit " + type + ": " + violations.stream()
				.map(ValidationMessage::getMessage)
				.sorted()
				.collect(Collectors.joining("; ")));
		}
	}

	private JsonSchema load(String type) {
		if (this.components.get("schemas").get(type) == null) {
			throw new MalformedMessageException("no schema for type '" + type + "' in the AsyncAPI document");
		}
		ObjectNode wrapper = new ObjectMapper().createObjectNode();
		wrapper.put("$ref", "#/components/schemas/" + type);
		wrapper.set("components", this.components);
		return this.factory.getSchema(wrapper, this.config);
	}

}
