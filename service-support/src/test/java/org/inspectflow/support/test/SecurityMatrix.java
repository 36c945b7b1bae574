package org.inspectflow.support.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The role × endpoint × owner matrix of one service, run against the service with real Keycloak tokens (OWASP API
 * Security Top 10: BOLA, BFLA). Each {@link Row} is one endpoint with the callers allowed to use it; every other
 * caller must be refused (403, or 404 where the service does not reveal that the object exists) and a caller without
 * a token gets 401. {@link #assertCovers} fails when the service maps an endpoint the matrix has no row for, so a new
 * endpoint cannot slip past the suite.
 *
 * <p>
 * The callers: {@code officer1} (福田区 440304, city 440300), {@code officer2} (南山区 440305), {@code supervisor1}
 * (city 440300), {@code enterprise1} (914403040000DM001P), {@code enterprise2} (914403050000DM0029), {@code admin1},
 * and the integrators {@code inspectflow-integrator-demo} and {@code inspectflow-integrator-second}.
 */
public final class SecurityMatrix {

	/** Who calls. The officer and enterprise pairs are each other's "other owner" for BOLA rows. */
	public enum Who {

		ANONYMOUS, OFFICER_FUTIAN, OFFICER_NANSHAN, SUPERVISOR, ENTERPRISE_A, ENTERPRISE_B, ADMIN, INTEGRATOR,
		INTEGRATOR_B;

		/** The caller's access token, or null for {@link #ANONYMOUS}. */
		public String token() {
			return switch (this) {
				case ANONYMOUS -> null;
				case OFFICER_FUTIAN -> Keycloak.userToken("officer1");
				case OFFICER_NANSHAN -> Keycloak.userToken("officer2");
				case SUPERVISOR -> Keycloak.userToken("supervisor1");
				case ENTERPRISE_A -> Keycloak.userToken("enterprise1");
				case ENTERPRISE_B -> Keycloak.userToken("enterprise2");
				case ADMIN -> Keycloak.userToken("admin1");
				case INTEGRATOR -> Keycloak.integratorToken();
				case INTEGRATOR_B -> Keycloak.secondIntegratorToken();
			};
		}

	}

	/** The demo enterprises of {@link Who#ENTERPRISE_A} and {@link Who#ENTERPRISE_B}. */
	public static final String ENTERPRISE_A_USCC = "914403040000DM001P";

	public static final String ENTERPRISE_B_USCC = "914403050000DM0029";

	public static final String FUTIAN = "440304";

	public static final String NANSHAN = "440305";

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	private final List<Row> rows = new ArrayList<>();

	public SecurityMatrix(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/** A row for the endpoint {@code method template}, called at {@code path} by every caller. */
	public Row row(String method, String template, String path) {
		return row(method, template, (who) -> path);
	}

	/** A row whose path depends on the caller (e.g. a fresh object for each allowed write). */
	public Row row(String method, String template, Function<Who, String> path) {
		Row row = new Row(method, template, path);
		this.rows.add(row);
		return row;
	}

	/** Calls every row as every caller and fails listing each answer that differs from the row's expectation. */
	public void assertAll() {
		List<String> wrong = new ArrayList<>();
		int calls = 0;
		for (Row row : this.rows) {
			StringBuilder line = new StringBuilder(row.method + " " + row.template + ":");
			for (Who who : Who.values()) {
				Expect expect = row.expected(who);
				Answer answer = call(row, who);
				calls++;
				boolean ok = expect.matches(answer);
				line.append(' ').append(who.name().toLowerCase()).append('=').append(answer.status);
				if (!ok) {
					line.append('!');
					wrong.add(row.method + " " + row.path.apply(who) + " as " + who + ": expected " + expect
							+ ", got " + answer.status + " " + abbreviate(answer.body));
				}
			}
			System.out.println("[security matrix] " + line);
		}
		System.out.println("[security matrix] " + this.rows.size() + " endpoints, " + calls + " calls, "
				+ wrong.size() + " unexpected");
		assertThat(wrong).as("answers that differ from the matrix").isEmpty();
	}

	/**
	 * Fails when the service maps an endpoint (method and path pattern) without a row here. {@code outside} lists the
	 * mappings that are not the service's API, e.g. {@code "* /error"}.
	 */
	public void assertCovers(RequestMappingHandlerMapping mapping, String... outside) {
		Set<String> mapped = new TreeSet<>();
		for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
			Set<String> methods = new LinkedHashSet<>();
			info.getMethodsCondition().getMethods().forEach((method) -> methods.add(method.name()));
			if (methods.isEmpty()) {
				methods.add("*");
			}
			for (String pattern : info.getPatternValues()) {
				methods.forEach((method) -> mapped.add(method + " " + pattern));
			}
		}
		Set<String> covered = new TreeSet<>(List.of(outside));
		this.rows.forEach((row) -> covered.add(row.method + " " + row.template));
		Set<String> missing = new TreeSet<>(mapped);
		missing.removeAll(covered);
		assertThat(missing).as("endpoints of the service without a row in its security matrix").isEmpty();
	}

	private Answer call(Row row, Who who) {
		byte[] body = row.body == null ? null : row.body.apply(who);
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + row.path.apply(who)))
			.timeout(Duration.ofSeconds(30))
			.method(row.method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofByteArray(body));
		if (body != null) {
			request.header("Content-Type", row.contentType);
		}
		String token = who.token();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(row.method + " " + row.path.apply(who) + " as " + who + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String abbreviate(String body) {
		return body.length() <= 300 ? body : body.substring(0, 300) + "…";
	}

	/** What a caller gets back. */
	public record Answer(int status, String contentType, String body) {
	}

	/** What a caller must get. */
	public record Expect(String description, java.util.function.Predicate<Answer> test) {

		/** A 2xx answer. */
		public static final Expect ALLOWED = new Expect("2xx", (answer) -> answer.status / 100 == 2);

		/** 403 or 404, as problem+json. */
		public static final Expect REFUSED = new Expect("403/404 problem+json",
				(answer) -> (answer.status == 403 || answer.status == 404) && isProblem(answer));

		/** 401, as problem+json. */
		public static final Expect UNAUTHENTICATED = new Expect("401 problem+json",
				(answer) -> answer.status == 401 && isProblem(answer));

		/** Exactly this status (e.g. 409 when the call is allowed but the object is in the wrong state). */
		public static Expect status(int status) {
			return new Expect(String.valueOf(status), (answer) -> answer.status == status);
		}

		boolean matches(Answer answer) {
			return this.test.test(answer);
		}

		private static boolean isProblem(Answer answer) {
			return answer.contentType.startsWith("application/problem+json");
		}

		@Override
		public String toString() {
			return this.description;
		}

	}

	/** One endpoint: who is allowed, and anything else a caller must get. Unlisted callers must be refused. */
	public static final class Row {

		private final String method;

		private final String template;

		private final Function<Who, String> path;

		private Function<Who, byte[]> body;

		private String contentType = "application/json";

		private final Map<Who, Expect> expected = new EnumMap<>(Who.class);

		Row(String method, String template, Function<Who, String> path) {
			this.method = method;
			this.template = template;
			this.path = path;
		}

		/** The JSON body every caller sends. */
		public Row json(String body) {
			return json((who) -> body);
		}

		/** The JSON body each caller sends. */
		public Row json(Function<Who, String> body) {
			this.body = (who) -> body.apply(who).getBytes(StandardCharsets.UTF_8);
			this.contentType = "application/json";
			return this;
		}

		/** A body of another type (e.g. {@code text/csv}, or a multipart body with its boundary in the type). */
		public Row body(String contentType, Function<Who, byte[]> body) {
			this.body = body;
			this.contentType = contentType;
			return this;
		}

		/** These callers must get a 2xx answer. */
		public Row allow(Who... callers) {
			for (Who who : callers) {
				this.expected.put(who, Expect.ALLOWED);
			}
			return this;
		}

		/** This caller must get exactly this answer. */
		public Row expect(Who who, Expect expect) {
			this.expected.put(who, expect);
			return this;
		}

		Expect expected(Who who) {
			if (who == Who.ANONYMOUS) {
				return this.expected.getOrDefault(who, Expect.UNAUTHENTICATED);
			}
			return this.expected.getOrDefault(who, Expect.REFUSED);
		}

	}

}
