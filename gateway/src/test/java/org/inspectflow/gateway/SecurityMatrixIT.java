package org.inspectflow.gateway;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.inspectflow.support.test.ForgedTokens;
import org.inspectflow.support.test.Keycloak;
import org.inspectflow.support.test.SecurityMatrix;
import org.inspectflow.support.test.SecurityMatrix.Expect;
import org.inspectflow.support.test.SecurityMatrix.Who;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.gateway.handler.predicate.PredicateDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.route.RouteDefinitionLocator;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's part of the security suite (issue 8), against the real Keycloak of {@code ./inspectflow test}: every
 * endpoint the gateway maps (its controller, its routes, actuator, the login and logout flow, the portal), called by
 * every kind of caller, in the gateway's two ways in.
 * <ul>
 * <li>With bearer tokens ({@link SecurityMatrix}, the same callers as every service's matrix): only integrators get
 * into {@code /api/integrations/**}, and only to the clue and webhook routes; a bearer token opens nothing of the
 * browser's side, whoever it belongs to (BFLA).</li>
 * <li>With real browser sessions (each demo user signed in through Keycloak's login form): every user reaches the
 * services' APIs with their own token and nobody else's (the services decide whose data, BOLA, in their own matrix),
 * every state-changing call needs the CSRF token, only admins reach the actuator, a session opens nothing of the
 * integrators' side, and no access or refresh token ever reaches the browser.</li>
 * </ul>
 * The services behind the routes are a stub here, which records what the gateway sends on. The gateway runs on port
 * 18080, a redirect address registered in the realm.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
		properties = { "server.port=18080", "inspectflow.security.clock-skew=0s" })
@DirtiesContext // frees port 18080 for the next test class that signs in through Keycloak
class SecurityMatrixIT {

	private static final String GATEWAY = "http://localhost:18080";

	private static final DownstreamStub services = DownstreamStub.start();

	/** The demo users who sign in through the browser (integrators have no login: client credentials only). */
	private static final Map<Who, String> USERS = users();

	private static final String CLUE = "{\"channel\":\"INTEGRATOR_API\",\"description\":\"夜间偷排 night discharge\"}";

	@DynamicPropertySource
	static void routeTheServicesToTheStub(DynamicPropertyRegistry registry) {
		services.routeEveryServiceHere(registry);
	}

	@AfterAll
	static void stopStub() {
		services.close();
	}

	@Autowired
	ApplicationContext context;

	@Autowired
	RouteDefinitionLocator routes;

	/** Every row's method and path template, for {@link #coversEveryEndpointTheGatewayMaps()}. */
	private final Set<String> covered = new TreeSet<>();

	@BeforeEach
	void forgetEarlierRequests() {
		services.clear();
	}

	@Test
	void bearerTokensOpenOnlyTheIntegrationApiAndOnlyForIntegrators() {
		SecurityMatrix matrix = bearerMatrix();
		matrix.assertAll();
		List<DownstreamStub.Received> received = services.received();
		assertThat(received).as("what reached a service through the integrators' routes")
			.filteredOn((call) -> !call.path().startsWith("/draws/"))
			.allSatisfy((call) -> assertThat(call.path()).matches("/integrations/clues|/webhooks(/.*)?"))
			.allSatisfy((call) -> assertThat(Browser.claim(call.bearer(), "roles")).contains("integrator"));
		// the public draw record is open to anyone, but a bearer token is no session: it is not passed on
		assertThat(received).as("the public draw reads that reached enterprise-service")
			.filteredOn((call) -> call.path().startsWith("/draws/"))
			.isNotEmpty()
			.allSatisfy((call) -> assertThat(call.path()).matches("/draws/d-1(/verify)?"))
			.allSatisfy((call) -> assertThat(call.method()).isEqualTo("GET"))
			.allSatisfy((call) -> assertThat(call.header("Authorization")).isNull());
	}

	@Test
	void browserSessionsReachTheServicesWithTheirOwnTokenAndNothingMore() {
		Map<Who, Browser> browsers = new EnumMap<>(Who.class);
		browsers.put(Who.ANONYMOUS, new Browser(GATEWAY));
		USERS.forEach((who, username) -> browsers.put(who, new Browser(GATEWAY).signIn(username)));

		List<String> wrong = new ArrayList<>();
		for (SessionRow row : sessionRows()) {
			StringBuilder line = new StringBuilder(row.method + " " + row.template + ":");
			for (Map.Entry<Who, Browser> caller : browsers.entrySet()) {
				Who who = caller.getKey();
				services.clear();
				HttpResponse<String> response = row.call(caller.getValue());
				SessionExpect expect = row.expected(who);
				boolean ok = expect.test.test(response);
				String relayedFor = services.received().isEmpty() ? null : services.last().tokenUser();
				if (ok && !services.received().isEmpty()) {
					// the service hears the caller's own token, and never the browser's cookies; an anonymous caller
					// reaches a service only on a public row, and then without any token
					ok = (who == Who.ANONYMOUS) ? row.publicRead && services.last().header("Authorization") == null
							: USERS.get(who).equals(relayedFor);
					ok = ok && services.last().header("Cookie") == null;
				}
				line.append(' ').append(who.name().toLowerCase()).append('=').append(response.statusCode());
				if (!ok) {
					line.append('!');
					wrong.add(row.method + " " + row.path + " as " + who + ": expected " + expect.description + ", got "
							+ response.statusCode() + " (relayed for " + relayedFor + ") " + abbreviate(response.body()));
				}
			}
			System.out.println("[session matrix] " + line);
		}
		assertThat(wrong).as("answers that differ from the session matrix").isEmpty();

		// signing out ends the session at the gateway (and at Keycloak)
		USERS.keySet().forEach((who) -> {
			Browser browser = browsers.get(who);
			HttpResponse<String> logout = browser.send("POST", "/logout", "", "application/x-www-form-urlencoded",
					true);
			assertThat(logout.statusCode()).as(who + " signs out").isEqualTo(302);
			assertThat(browser.get("/api/me").statusCode()).as(who + " after signing out").isEqualTo(401);
		});

		browsers.values().forEach(SecurityMatrixIT::assertNoTokenReachedTheBrowser);
	}

	@Test
	void refusesForgedAndExpiredTokensWith401Problems() {
		ForgedTokens.all("officer1").forEach((forgery, token) -> {
			HttpResponse<String> response = new Browser(GATEWAY).send("POST", "/api/integrations/clues", CLUE,
					"application/json", false, "Authorization", "Bearer " + token);
			assertThat(response.statusCode()).as(forgery).isEqualTo(401);
			assertThat(response.headers().firstValue("Content-Type").orElse("")).as(forgery)
				.startsWith("application/problem+json");
		});
		assertThat(services.received()).isEmpty();
	}

	/**
	 * The gateway has no write model of its own: it passes bodies on as they came, and the only identity a service
	 * hears is the caller's token. Fields a client must not set ({@code status}, another enterprise's
	 * {@code enterpriseId}, {@code assignee}, {@code district}, {@code createdBy}, hashes) are the services' to refuse or
	 * ignore (their own mass-assignment tests); here: nothing in the request can change whose token is relayed.
	 */
	@Test
	void relaysTheSessionsOwnTokenWhateverTheBrowserClaims() {
		Browser officer = new Browser(GATEWAY).signIn("officer1");
		String body = "{\"description\":\"clue\",\"status\":\"CLOSED\",\"enterpriseId\":\"914403050000DM0029\","
				+ "\"assignee\":\"officer2\",\"district\":\"440305\",\"createdBy\":\"admin1\",\"sha256\":\"00\"}";

		HttpResponse<String> response = officer.send("POST", "/api/workflow/clues", body, "application/json", true,
				"Authorization", "Bearer " + Keycloak.userToken("enterprise2"), "X-Forwarded-User", "admin1",
				"X-User", "admin1");

		assertThat(response.statusCode()).isEqualTo(200);
		DownstreamStub.Received received = services.last();
		assertThat(received.tokenUser()).as("the token the workflow service hears").isEqualTo("officer1");
		assertThat(new String(received.body(), StandardCharsets.UTF_8)).isEqualTo(body);
		assertThat(received.header("Cookie")).isNull();
	}

	@Test
	void integratorBodiesArePassedOnUnchangedWithTheIntegratorsToken() {
		String token = Keycloak.integratorToken();
		String body = "{\"channel\":\"INTEGRATOR_API\",\"uscc\":\"914403040000DM001P\",\"status\":\"CLOSED\","
				+ "\"enterpriseId\":\"914403050000DM0029\",\"assignee\":\"officer2\",\"createdBy\":\"admin1\"}";

		HttpResponse<String> response = new Browser(GATEWAY).send("POST", "/api/integrations/clues", body,
				"application/json", false, "Authorization", "Bearer " + token);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(services.last().bearer()).isEqualTo(token);
		assertThat(new String(services.last().body(), StandardCharsets.UTF_8)).isEqualTo(body);
	}

	/**
	 * The rows of both matrices together name every endpoint the gateway maps: its controllers, its actuator
	 * endpoints, its routes. A new route or controller without a row fails here.
	 */
	@Test
	void coversEveryEndpointTheGatewayMaps() {
		bearerMatrix();
		sessionRows();
		Set<String> mapped = new TreeSet<>();
		this.context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values().forEach((mapping) -> {
			for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
				Set<String> methods = new LinkedHashSet<>();
				info.getMethodsCondition().getMethods().forEach((method) -> methods.add(method.name()));
				if (methods.isEmpty()) {
					methods.add("*");
				}
				info.getPatternsCondition()
					.getPatterns()
					.forEach((pattern) -> methods.forEach((method) -> mapped.add(method + " " + pattern.getPatternString())));
			}
		});
		for (RouteDefinition route : this.routes.getRouteDefinitions().collectList().block()) {
			String method = "*";
			List<String> paths = new ArrayList<>();
			for (PredicateDefinition predicate : route.getPredicates()) {
				if (predicate.getName().equals("Path")) {
					paths.addAll(predicate.getArgs().values());
				}
				if (predicate.getName().equals("Method")) {
					method = String.join(",", predicate.getArgs().values());
				}
			}
			for (String path : paths) {
				mapped.add(method + " " + path);
			}
		}
		Set<String> missing = new TreeSet<>();
		for (String endpoint : mapped) {
			String method = endpoint.substring(0, endpoint.indexOf(' '));
			String template = endpoint.substring(endpoint.indexOf(' ') + 1);
			boolean hasRow = this.covered.stream()
				.anyMatch((row) -> row.endsWith(" " + template)
						&& (method.equals("*") || row.startsWith(method + " ") || row.startsWith("* ")));
			if (!hasRow) {
				missing.add(endpoint);
			}
		}
		System.out.println("[security matrix] the gateway maps " + mapped);
		assertThat(missing).as("endpoints of the gateway without a row in its security matrix").isEmpty();
	}

	/** What every bearer caller of {@link SecurityMatrix} must get from the gateway. */
	private SecurityMatrix bearerMatrix() {
		SecurityMatrix matrix = new SecurityMatrix(GATEWAY);
		Who[] integrators = { Who.INTEGRATOR, Who.INTEGRATOR_B };

		// the integrators' API: only integrators, only these routes (users' valid tokens: 403)
		row(matrix, "POST", "/api/integrations/clues", "/api/integrations/clues").json(CLUE).allow(integrators);
		row(matrix, "GET", "/api/integrations/webhooks/**", "/api/integrations/webhooks").allow(integrators);
		row(matrix, "POST", "/api/integrations/webhooks/**", "/api/integrations/webhooks")
			.json("{\"url\":\"https://integrator.example.org/hook\"}")
			.allow(integrators);
		row(matrix, "GET", "/api/integrations/webhooks/**", "/api/integrations/webhooks/w-1/deliveries")
			.allow(integrators);
		row(matrix, "DELETE", "/api/integrations/webhooks/**", "/api/integrations/webhooks/w-1").allow(integrators);
		// ... and nothing else there: a case write, an event feed, another method on the clue route (404 for all)
		row(matrix, "GET", "/api/integrations/clues", "/api/integrations/clues");
		row(matrix, "POST", "/api/integrations/**", "/api/integrations/cases/c-1/closure").json("{}");
		row(matrix, "GET", "/api/integrations/**", "/api/integrations/events");

		// the browser's side: a bearer token is no session, whoever holds it (reads: 401; writes: 403, no CSRF token)
		for (String[] service : new String[][] { { "/api/workflow/**", "/api/workflow/cases" },
				{ "/api/enterprise/**", "/api/enterprise/enterprises/" + SecurityMatrix.ENTERPRISE_A_USCC },
				{ "/api/evidence/**", "/api/evidence/cases/c-1/evidence" },
				{ "/api/notification/**", "/api/notification/inbox" } }) {
			SecurityMatrix.Row read = row(matrix, "GET", service[0], service[1]);
			SecurityMatrix.Row write = row(matrix, "POST", service[0], service[1]).json("{}");
			for (Who who : Who.values()) {
				read.expect(who, Expect.UNAUTHENTICATED);
				write.expect(who, Expect.REFUSED);
			}
		}
		// the public record of a double-random draw and its check: anyone, with any token or none (the token is
		// dropped, not relayed: see the test); nothing else of the draws
		for (String[] open : new String[][] { { "/api/enterprise/draws/{drawId}", "/api/enterprise/draws/d-1" },
				{ "/api/enterprise/draws/{drawId}/verify", "/api/enterprise/draws/d-1/verify" } }) {
			SecurityMatrix.Row row = row(matrix, "GET", open[0], open[1]);
			for (Who who : Who.values()) {
				row.expect(who, Expect.status(200));
			}
		}
		for (String closed : new String[] { "/api/enterprise/draws", "/api/enterprise/draws/d-1/snapshot",
				"/api/enterprise/draws/d-1/verify/x" }) {
			SecurityMatrix.Row read = row(matrix, "GET", "/api/enterprise/**", closed);
			for (Who who : Who.values()) {
				read.expect(who, Expect.UNAUTHENTICATED);
			}
		}
		for (String write : new String[] { "/api/enterprise/draws", "/api/enterprise/draws/d-1/reveal" }) {
			SecurityMatrix.Row row = row(matrix, "POST", "/api/enterprise/**", write).json("{}");
			for (Who who : Who.values()) {
				row.expect(who, Expect.REFUSED); // no session, no CSRF token
			}
		}
		SecurityMatrix.Row me = row(matrix, "GET", "/api/me", "/api/me");
		SecurityMatrix.Row unknown = row(matrix, "GET", "/api/**", "/api/cases");
		SecurityMatrix.Row metrics = row(matrix, "GET", "/actuator/metrics", "/actuator/metrics");
		SecurityMatrix.Row metric = row(matrix, "GET", "/actuator/metrics/{requiredMetricName}",
				"/actuator/metrics/jvm.memory.used");
		SecurityMatrix.Row links = row(matrix, "GET", "/actuator", "/actuator");
		for (Who who : Who.values()) {
			me.expect(who, Expect.UNAUTHENTICATED);
			unknown.expect(who, Expect.UNAUTHENTICATED);
			// admin1's bearer token too: the actuator is for an admin's session
			metrics.expect(who, redirectToLogin());
			metric.expect(who, redirectToLogin());
			links.expect(who, redirectToLogin());
		}

		// open to everyone: probes, and the start of the login flow
		for (String[] open : new String[][] { { "/actuator/health", "/actuator/health" },
				{ "/actuator/health/{*path}", "/actuator/health/liveness" }, { "/actuator/info", "/actuator/info" } }) {
			SecurityMatrix.Row row = row(matrix, "GET", open[0], open[1]);
			for (Who who : Who.values()) {
				row.expect(who, Expect.ALLOWED);
			}
		}
		SecurityMatrix.Row login = row(matrix, "GET", "/oauth2/authorization/{registrationId}",
				"/oauth2/authorization/keycloak");
		SecurityMatrix.Row callback = row(matrix, "GET", "/login/oauth2/code/{registrationId}",
				"/login/oauth2/code/keycloak?code=forged&state=forged");
		SecurityMatrix.Row logout = row(matrix, "POST", "/logout", "/logout");
		SecurityMatrix.Row portal = row(matrix, "GET", "/**", "/cases/42");
		for (Who who : Who.values()) {
			login.expect(who, Expect.status(302));
			// a callback without the login the gateway started fails the login: back to the login, signed in as nobody
			callback.expect(who, Expect.status(302));
			logout.expect(who, Expect.REFUSED); // no CSRF token
			portal.expect(who, redirectToLogin());
		}
		return matrix;
	}

	private static Expect redirectToLogin() {
		return Expect.status(302);
	}

	private SecurityMatrix.Row row(SecurityMatrix matrix, String method, String template, String path) {
		this.covered.add(method + " " + template);
		return matrix.row(method, template, path);
	}

	/** What each browser session must get; integrators have none. */
	private List<SessionRow> sessionRows() {
		List<SessionRow> rows = new ArrayList<>();
		Who[] users = USERS.keySet().toArray(new Who[0]);
		rows.add(sessionRow("GET", "/api/me", "/api/me", null, false).allow(users));
		for (String[] service : new String[][] { { "/api/workflow/**", "/api/workflow/cases" },
				{ "/api/enterprise/**", "/api/enterprise/enterprises/" + SecurityMatrix.ENTERPRISE_B_USCC },
				{ "/api/evidence/**", "/api/evidence/cases/c-nanshan/evidence" },
				{ "/api/notification/**", "/api/notification/inbox" } }) {
			rows.add(sessionRow("GET", service[0], service[1], null, false).allowRelayed(users));
			// (an anonymous browser never got a CSRF cookie: the portal that sets it needs a session)
			rows.add(sessionRow("POST", service[0], service[1], "{}", true).allowRelayed(users)
				.expect(Who.ANONYMOUS, refused()));
			rows.add(sessionRow("DELETE", service[0], service[1], null, true).allowRelayed(users)
				.expect(Who.ANONYMOUS, refused()));
			// without the CSRF token: refused for everyone (the CSRF check comes before the sign-in check)
			rows.add(sessionRow("POST", service[0], service[1], "{}", false).expectAll(refused()));
			rows.add(sessionRow("PUT", service[0], service[1], "{}", false).expectAll(refused()));
		}
		rows.add(sessionRow("GET", "/api/**", "/api/cases", null, false).expectAll(status(404))
			.expect(Who.ANONYMOUS, unauthenticated()));
		rows.add(sessionRow("GET", "/actuator/metrics", "/actuator/metrics", null, false).expectAll(refused())
			.allow(Who.ADMIN)
			.expect(Who.ANONYMOUS, status(302)));
		// the integrators' API does not know browser sessions, not even with the CSRF token
		rows.add(sessionRow("POST", "/api/integrations/clues", "/api/integrations/clues", CLUE, true)
			.expectAll(unauthenticated()));
		rows.add(sessionRow("GET", "/api/integrations/webhooks/**", "/api/integrations/webhooks", null, false)
			.expectAll(unauthenticated()));
		rows.add(sessionRow("GET", "/**", "/cases/42", null, false).allow(users)
			.expect(Who.ANONYMOUS, status(302)));
		rows.add(sessionRow("GET", "/actuator/health/{*path}", "/actuator/health/readiness", null, false).expectAll(
				new SessionExpect("200 or 503", (response) -> response.statusCode() == 200 || response.statusCode() == 503)));
		// last, since they give the anonymous browser a CSRF cookie: the public record of a double-random draw, read by
		// anyone without signing in (enterprise-service permits it); a signed-in user's own token is still relayed
		rows.add(sessionRow("GET", "/api/enterprise/draws/{drawId}", "/api/enterprise/draws/d-1", null, false)
			.publicRead()
			.allowRelayed(users)
			.expect(Who.ANONYMOUS, fromTheServiceWithoutToken()));
		rows.add(sessionRow("GET", "/api/enterprise/draws/{drawId}/verify", "/api/enterprise/draws/d-1/verify", null,
				false)
			.publicRead()
			.allowRelayed(users)
			.expect(Who.ANONYMOUS, fromTheServiceWithoutToken()));
		// ... and nothing else of the draws without a session, even with the CSRF token the anonymous browser now has
		for (String[] draws : new String[][] { { "POST", "/api/enterprise/draws" },
				{ "POST", "/api/enterprise/draws/d-1/reveal" }, { "GET", "/api/enterprise/draws" },
				{ "GET", "/api/enterprise/draws/d-1/snapshot" }, { "DELETE", "/api/enterprise/draws/d-1" } }) {
			String body = draws[0].equals("POST") ? "{}" : null;
			rows.add(sessionRow(draws[0], "/api/enterprise/**", draws[1], body, true).allowRelayed(users)
				.expect(Who.ANONYMOUS, unauthenticated()));
		}
		rows.forEach((row) -> this.covered.add(row.method + " " + row.template));
		return rows;
	}

	private static SessionRow sessionRow(String method, String template, String path, String body, boolean csrf) {
		return new SessionRow(method, template, path, body, csrf);
	}

	/**
	 * No access token and no refresh token in any response the browser got, body or header, from the gateway or from
	 * Keycloak. The only JWT the gateway gives a browser is the ID token in the logout redirect to Keycloak
	 * ({@code id_token_hint}, OIDC RP-initiated logout); Keycloak's own login cookie on its own origin
	 * ({@code typ: Serialized-ID}) is no token for the APIs.
	 */
	private static void assertNoTokenReachedTheBrowser(Browser browser) {
		Pattern jwt = Pattern.compile("eyJ[A-Za-z0-9_-]+\\.eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
		for (HttpResponse<String> response : browser.seen()) {
			String everything = response.headers().map() + "\n" + response.body();
			boolean fromGateway = response.request().uri().toString().startsWith(GATEWAY);
			Matcher found = jwt.matcher(everything);
			while (found.find()) {
				String typ = typ(found.group());
				String what = response.request().method() + " " + response.request().uri() + " gave the browser a "
						+ typ + " token";
				assertThat(typ).as(what).isNotIn("Bearer", "Refresh", "Offline");
				if (fromGateway) {
					assertThat(typ).as(what).isEqualTo("ID");
					assertThat(response.request().uri().getPath()).as(what).isEqualTo("/logout");
				}
			}
		}
	}

	private static String typ(String jwt) {
		String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
		Matcher typ = Pattern.compile("\"typ\"\\s*:\\s*\"([^\"]+)\"").matcher(payload);
		return typ.find() ? typ.group(1) : "?";
	}

	private static Map<Who, String> users() {
		Map<Who, String> users = new LinkedHashMap<>();
		users.put(Who.OFFICER_FUTIAN, "officer1");
		users.put(Who.OFFICER_NANSHAN, "officer2");
		users.put(Who.SUPERVISOR, "supervisor1");
		users.put(Who.ENTERPRISE_A, "enterprise1");
		users.put(Who.ENTERPRISE_B, "enterprise2");
		users.put(Who.ADMIN, "admin1");
		return users;
	}

	private static SessionExpect refused() {
		return new SessionExpect("403 problem+json", (response) -> response.statusCode() == 403 && isProblem(response));
	}

	private static SessionExpect unauthenticated() {
		return new SessionExpect("401 problem+json", (response) -> response.statusCode() == 401 && isProblem(response));
	}

	/** The service's answer (the stub's), reached without a session; that no token went with it is checked per call. */
	private static SessionExpect fromTheServiceWithoutToken() {
		return new SessionExpect("200 from the service, anonymously",
				(response) -> response.statusCode() == 200 && response.body().contains("\"stub\":true"));
	}

	private static SessionExpect status(int status) {
		return new SessionExpect(String.valueOf(status), (response) -> response.statusCode() == status);
	}

	private static boolean isProblem(HttpResponse<String> response) {
		return response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
	}

	private static String abbreviate(String body) {
		return body.length() <= 300 ? body : body.substring(0, 300) + "…";
	}

	/** What a browser must get. */
	record SessionExpect(String description, Predicate<HttpResponse<String>> test) {
	}

	/** One endpoint called from each browser; unlisted callers must be refused (anonymous: 401). */
	static final class SessionRow {

		private final String method;

		private final String template;

		private final String path;

		private final String body;

		private final boolean csrf;

		private final Map<Who, SessionExpect> expected = new EnumMap<>(Who.class);

		/** Open to anonymous callers too: they may reach the service, without any token. */
		private boolean publicRead;

		SessionRow(String method, String template, String path, String body, boolean csrf) {
			this.method = method;
			this.template = template;
			this.path = path;
			this.body = body;
			this.csrf = csrf;
		}

		SessionRow publicRead() {
			this.publicRead = true;
			return this;
		}

		SessionRow allow(Who... callers) {
			for (Who who : callers) {
				this.expected.put(who, new SessionExpect("2xx", (response) -> response.statusCode() / 100 == 2));
			}
			return this;
		}

		/** Allowed, and the call reaches the service (whose token it carries is checked for every call). */
		SessionRow allowRelayed(Who... callers) {
			for (Who who : callers) {
				this.expected.put(who, new SessionExpect("2xx from the service",
						(response) -> response.statusCode() == 200 && response.body().contains("\"stub\":true")));
			}
			return this;
		}

		SessionRow expect(Who who, SessionExpect expect) {
			this.expected.put(who, expect);
			return this;
		}

		SessionRow expectAll(SessionExpect expect) {
			this.expected.put(Who.ANONYMOUS, expect);
			USERS.keySet().forEach((who) -> this.expected.put(who, expect));
			return this;
		}

		SessionExpect expected(Who who) {
			if (who == Who.ANONYMOUS) {
				return this.expected.getOrDefault(who, unauthenticated());
			}
			return this.expected.getOrDefault(who, refused());
		}

		HttpResponse<String> call(Browser browser) {
			String accept = this.template.equals("/**") ? "text/html" : "application/json";
			return browser.send(this.method, this.path, this.body, "application/json", this.csrf, "Accept", accept);
		}

	}

}
