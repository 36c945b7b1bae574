package org.inspectflow.enterprise.web;

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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.inspectflow.support.web.Problems;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.AbstractJackson2HttpMessageConverter;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Mass assignment (OWASP API3:2023): a JSON body may carry only the fields of the request record it is read into. A
 * field the caller may not set (a submission's {@code enterpriseUscc}, {@code round} or {@code submittedBy}, a draw's
 * {@code seed} or {@code createdBy}, a trace's {@code scope}, a listing change's {@code by}) is refused with 400 naming
 * it, before anything is read or stored, rather than dropped in silence: a client never believes it set what the
 * service decides. The same rule as workflow-service's request bodies; the messages this service consumes stay
 * tolerant of added fields (contracts change additively), and import files may carry the export's derived columns.
 */
@RestControllerAdvice
class KnownFieldsOnly extends RequestBodyAdviceAdapter {

	private final ObjectMapper json;

	KnownFieldsOnly(ObjectMapper json) {
		this.json = json;
	}

	@Override
	public boolean supports(MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return targetType instanceof Class<?> type && type.isRecord()
				&& type.getName().startsWith("org.inspectflow.enterprise.")
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
			return replay(input, body); // not JSON: the converter refuses it with its own explanation
		}
		Map<String, String> unknown = new TreeMap<>();
		collect((Class<?>) targetType, tree, "", unknown);
		if (!unknown.isEmpty()) {
			throw refusal(unknown);
		}
		return replay(input, body);
	}

	/** The paths of the fields of {@code node} that {@code type} does not declare, each with what it does declare. */
	private static void collect(Class<?> type, JsonNode node, String prefix, Map<String, String> unknown) {
		if (node == null || !node.isObject()) {
			return;
		}
		Map<String, RecordComponent> components = new TreeMap<>();
		Arrays.stream(type.getRecordComponents()).forEach((component) -> components.put(component.getName(), component));
		Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
		while (fields.hasNext()) {
			Map.Entry<String, JsonNode> field = fields.next();
			RecordComponent component = components.get(field.getKey());
			if (component == null) {
				unknown.put(prefix + field.getKey(),
						"not a field of this request; its fields are " + String.join(", ", components.keySet()));
			}
			else {
				nested(component.getGenericType(), field.getValue(), prefix + field.getKey(), unknown);
			}
		}
	}

	private static void nested(Type type, JsonNode value, String path, Map<String, String> unknown) {
		if (type instanceof Class<?> record && record.isRecord()) {
			collect(record, value, path + ".", unknown);
		}
		else if (type instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw
				&& Collection.class.isAssignableFrom(raw) && value != null && value.isArray()) {
			for (int i = 0; i < value.size(); i++) {
				nested(generic.getActualTypeArguments()[0], value.get(i), path + "[" + i + "]", unknown);
			}
		}
	}

	private static ErrorResponseException refusal(Map<String, String> unknown) {
		ErrorResponseException problem = Problems.badRequest("This request does not take "
				+ String.join(", ", unknown.keySet()) + ": the service sets them (the enterprise, order and round of a "
				+ "submission, who acted and when, a draw's seed and snapshot, a trace's scope come from your token and "
				+ "the stored data), or they are misspelt. Send only the fields of the request.");
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
