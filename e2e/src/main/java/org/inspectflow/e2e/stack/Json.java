package org.inspectflow.e2e.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON for a black-box client: the platform's wire format as text and trees, never its Java types. */
public final class Json {

	public static final ObjectMapper MAPPER = new ObjectMapper();

	private Json() {
	}

	public static JsonNode parse(String text) {
		if (text == null || text.isBlank()) {
			return MissingNode.getInstance();
		}
		try {
			return MAPPER.readTree(text);
		}
		catch (IOException ex) {
			return MissingNode.getInstance();
		}
	}

	public static String write(Object value) {
		try {
			return MAPPER.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** An object from alternating names and values: {@code object("finding", "UNFOUNDED", "findings", "…")}. */
	public static ObjectNode object(Object... namesAndValues) {
		if (namesAndValues.length % 2 != 0) {
			throw new IllegalArgumentException("names and values come in pairs");
		}
		ObjectNode node = MAPPER.createObjectNode();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			Object value = namesAndValues[i + 1];
			if (value != null) {
				node.set((String) namesAndValues[i], MAPPER.valueToTree(value));
			}
		}
		return node;
	}

	/** The text at a dotted path ({@code "order.status"}), or null when it is missing or null. */
	public static String text(JsonNode node, String path) {
		JsonNode at = at(node, path);
		return at.isMissingNode() || at.isNull() ? null : at.asText();
	}

	public static JsonNode at(JsonNode node, String path) {
		JsonNode at = node;
		for (String name : path.split("\\.")) {
			at = at == null ? MissingNode.getInstance() : at.path(name);
		}
		return at;
	}

	public static List<JsonNode> list(JsonNode array) {
		List<JsonNode> items = new ArrayList<>();
		if (array != null && array.isArray()) {
			array.forEach(items::add);
		}
		return items;
	}

	public static List<String> texts(JsonNode array) {
		return list(array).stream().map(JsonNode::asText).toList();
	}

}
