package org.inspectflow.support.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.AbstractJackson2HttpMessageConverter;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Mass assignment (OWASP API3:2023): a JSON request body may carry only the fields of the request record it is read
 * into (records of the service's own package, nested records and lists of them too). A field a client may not set (a
 * case's {@code status}, a task's {@code assignee}, a case's {@code district}, who created it, a draw's seed) is
 * refused with 400 naming it, before anything is read or stored, instead of being dropped in silence: a client never
 * believes it set what the service decides. Only HTTP request bodies are held to this: the messages a service
 * consumes stay tolerant of added fields (contracts change additively). A service opts in by declaring it as a bean,
 * {@code new KnownFieldsOnly(json, "org.inspectflow.workflow.")}.
 */
@RestControllerAdvice
public class KnownFieldsOnly extends RequestBodyAdviceAdapter {

	private final ObjectMapper json;

	private final String packagePrefix;

	public KnownFieldsOnly(ObjectMapper json, String packagePrefix) {
		this.json = json;
		this.packagePrefix = packagePrefix;
	}

	@Override
	public boolean supports(MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return targetType instanceof Class<?> type && type.isRecord()
				&& type.getName().startsWith(this.packagePrefix)
				&& AbstractJackson2HttpMessageConverter.class.isAssignableFrom(converterType);
	}

	@Override
	public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
		byte[] body = input.getBody().readAllBytes();
		JsonNode tree;
		try {
			tree = this.json.readTree(body);
		}
		catch (JacksonException ex) {
			// not JSON: the converter refuses it with its own explanation
			return replay(input, body);
		}
		Map<String, String> unknown = new LinkedHashMap<>();
		collectUnknown((Class<?>) targetType, tree, "", unknown);
		if (!unknown.isEmpty()) {
			throw refusal((Class<?>) targetType, unknown);
		}
		return replay(input, body);
	}

	/** Field paths of {@code node} that {@code type} does not declare, with what the client may send instead. */
	private static void collectUnknown(Class<?> type, JsonNode node, String prefix, Map<String, String> unknown) {
		if (node == null || !node.isObject() || !type.isRecord()) {
			return;
		}
		Map<String, RecordComponent> components = Arrays.stream(type.getRecordComponents())
			.collect(Collectors.toMap(RecordComponent::getName, (component) -> component));
		Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
		while (fields.hasNext()) {
			Map.Entry<String, JsonNode> field = fields.next();
			RecordComponent component = components.get(field.getKey());
			if (component == null) {
				unknown.put(prefix + field.getKey(), "is not a field of this request; its fields are "
						+ String.join(", ", components.keySet().stream().sorted().toList()));
			}
			else {
				collectNested(component.getGenericType(), field.getValue(), prefix + field.getKey(), unknown);
			}
		}
	}

	private static void collectNested(Type type, JsonNode value, String path, Map<String, String> unknown) {
		if (type instanceof Class<?> nested && nested.isRecord()) {
			collectUnknown(nested, value, path + ".", unknown);
		}
		else if (type instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw
				&& Collection.class.isAssignableFrom(raw) && value != null && value.isArray()) {
			Type element = generic.getActualTypeArguments()[0];
			for (int i = 0; i < value.size(); i++) {
				collectNested(element, value.get(i), path + "[" + i + "]", unknown);
			}
		}
	}

	private static ErrorResponseException refusal(Class<?> type, Map<String, String> unknown) {
		ErrorResponseException problem = Problems.badRequest("This request does not take "
				+ String.join(", ", unknown.keySet()) + ": the service sets them (a status, an assignee, a jurisdiction,"
				+ " who did it, hashes), or they are misspelt. Send only the fields of the request.");
		List<Map<String, String>> errors = new ArrayList<>();
		unknown.forEach((field, message) -> errors.add(Map.of("field", field, "message", message)));
		problem.getBody().setProperty("errors", errors);
		return problem;
	}

	private static HttpInputMessage replay(HttpInputMessage input, byte[] body) {
		return new HttpInputMessage() {

			@Override
			public InputStream getBody() {
				return new ByteArrayInputStream(body);
			}

			@Override
			public HttpHeaders getHeaders() {
				return input.getHeaders();
			}

		};
	}

}
