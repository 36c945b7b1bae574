package org.inspectflow.notification;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.inspectflow.contracts.Envelope;
import org.inspectflow.contracts.MessageTypes;

/**
 * The contracts' golden samples ({@code contracts/src/test/resources/samples}), the messages producers are tested to
 * send: read as envelopes, or as JSON to change an id before publishing.
 */
public final class Samples {

	public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
		.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

	private static final Path DIR = Path.of("..", "contracts", "src", "test", "resources", "samples");

	private Samples() {
	}

	public static ObjectNode json(String type) {
		try {
			return (ObjectNode) JSON.readTree(Files.readString(DIR.resolve(type + ".json")));
		}
		catch (IOException ex) {
			throw new IllegalStateException("no golden sample for " + type + " in " + DIR.toAbsolutePath(), ex);
		}
	}

	public static Envelope<?> envelope(String type) {
		return envelope(json(type));
	}

	public static Envelope<?> envelope(ObjectNode json) {
		Class<?> record = MessageTypes.find(json.get("type").asText()).orElseThrow().recordClass();
		JavaType envelopeType = JSON.getTypeFactory().constructParametricType(Envelope.class, record);
		return JSON.convertValue(json, envelopeType);
	}

}
