package org.inspectflow.gateway;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser's login through the BFF against the real Keycloak that {@code ./inspectflow test} starts: an anonymous
 * page request ends on the Keycloak login form, the demo officer signs in and lands back on the portal, the session
 * knows who they are, and calls to a service carry the officer's token and the request's trace while the browser never
 * sees the token. The gateway runs on port 18080, one of the realm's registered redirect addresses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = "server.port=18080")
@AutoConfigureObservability(metrics = false) // Spring Boot's tests turn tracing off unless asked
@DirtiesContext // frees port 18080 for the next test class that signs in through Keycloak
class GatewayLoginIT {

	private static final String GATEWAY = "http://localhost:18080";

	private static final ObjectMapper JSON = new ObjectMapper();

	/** Stands where a service would be, to see what the gateway relays (the services' own ITs check the token). */
	private static HttpServer relayProbe;

	private static final AtomicReference<String> relayedAuthorization = new AtomicReference<>();

	private static final AtomicReference<String> relayedPath = new AtomicReference<>();

	private static final AtomicReference<String> relayedTraceparent = new AtomicReference<>();

	@BeforeAll
	static void startRelayProbe() throws IOException {
		relayProbe = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		relayProbe.createContext("/", (exchange) -> {
			relayedAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
			relayedPath.set(exchange.getRequestURI().getPath());
			relayedTraceparent.set(exchange.getRequestHeaders().getFirst("traceparent"));
			byte[] body = "{\"relayed\":true}".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		relayProbe.start();
	}

	@AfterAll
	static void stopRelayProbe() {
		relayProbe.stop(0);
	}

	@DynamicPropertySource
	static void routeEnterpriseToTheProbe(DynamicPropertyRegistry registry) {
		registry.add("inspectflow.services.enterprise",
				() -> "http://127.0.0.1:" + relayProbe.getAddress().getPort());
	}

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

	private final HttpClient browser = HttpClient.newBuilder()
		.cookieHandler(new Browser.LocalhostIsSecureContext(this.cookies))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	@Test
	void anOfficerSignsInThroughKeycloakAndTheSessionRelaysTheirToken() throws Exception {
		// 1. an anonymous page request is sent to the Keycloak login, with PKCE
		HttpResponse<String> page = get(GATEWAY + "/");
		assertThat(page.statusCode()).isEqualTo(302);
		HttpResponse<String> authorize = get(absolute(location(page)));
		String keycloakAuthorize = location(authorize);
		assertThat(keycloakAuthorize).startsWith(keycloakUrl() + "/realms/inspectflow/protocol/openid-connect/auth")
			.contains("code_challenge_method=S256");
		HttpResponse<String> loginPage = get(keycloakAuthorize);
		assertThat(loginPage.statusCode()).isEqualTo(200);
		assertThat(loginPage.body()).contains("kc-form-login");

		// 2. the officer signs in and lands back on the portal
		HttpResponse<String> afterLogin = post(formAction(loginPage.body()), "username=officer1&password=demo123");
		assertThat(afterLogin.statusCode()).as(afterLogin.body()).isEqualTo(302);
		String callback = location(afterLogin);
		assertThat(callback).startsWith(GATEWAY + "/login/oauth2/code/keycloak?");
		HttpResponse<String> landed = get(callback);
		assertThat(landed.statusCode()).isEqualTo(302);
		assertThat(absolute(location(landed))).isEqualTo(GATEWAY + "/");
		// a new session id after sign-in (no session fixation), in a cookie no script can read
		assertThat(landed.headers().allValues("set-cookie")).anySatisfy((cookie) -> assertThat(cookie)
			.startsWith("SESSION=")
			.containsIgnoringCase("HttpOnly")
			.contains("SameSite=Lax")
			.doesNotContain("eyJ"));
		HttpResponse<String> portal = get(GATEWAY + "/");
		assertThat(portal.statusCode()).isEqualTo(200);
		assertThat(portal.body()).contains("<div id=\"app\"");

		// 3. the session knows the officer, roles and jurisdiction; no token reaches the browser
		HttpResponse<String> me = get(GATEWAY + "/api/me");
		assertThat(me.statusCode()).isEqualTo(200);
		JsonNode user = JSON.readTree(me.body());
		assertThat(user.get("username").asText()).isEqualTo("officer1");
		assertThat(user.get("name").asText()).isEqualTo("张伟");
		assertThat(user.get("roles")).extracting(JsonNode::asText).containsExactly("officer");
		assertThat(user.get("district").asText()).isEqualTo("440304");
		assertThat(me.body()).doesNotContain("eyJ");
		assertThat(me.headers().allValues("set-cookie")).noneMatch((cookie) -> cookie.contains("eyJ"));

		// 4. a call to a service carries the officer's Keycloak access token, and the trace the caller started
		String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
		String callerSpanId = "00f067aa0ba902b7";
		HttpResponse<String> relayed = get(GATEWAY + "/api/enterprise/me", "traceparent",
				"00-" + traceId + "-" + callerSpanId + "-01");
		assertThat(relayed.statusCode()).isEqualTo(200);
		assertThat(relayedPath.get()).isEqualTo("/me");
		assertThat(relayedAuthorization.get()).startsWith("Bearer ");
		JsonNode claims = JSON.readTree(Base64.getUrlDecoder()
			.decode(relayedAuthorization.get().substring("Bearer ".length()).split("\\.")[1]));
		assertThat(claims.get("preferred_username").asText()).isEqualTo("officer1");
		assertThat(claims.get("iss").asText()).isEqualTo(keycloakUrl() + "/realms/inspectflow");
		// the service's request continues that trace (W3C traceparent), as a child of the gateway's own span
		assertThat(relayedTraceparent.get()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
		assertThat(relayedTraceparent.get().split("-")[1]).isEqualTo(traceId);
		assertThat(relayedTraceparent.get().split("-")[2]).isNotEqualTo(callerSpanId);

		// 5. logout needs the CSRF token and ends the Keycloak session too
		String csrf = cookie("XSRF-TOKEN");
		assertThat(post(GATEWAY + "/logout", "").statusCode()).isEqualTo(403);
		HttpResponse<String> logout = post(GATEWAY + "/logout", "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
		assertThat(logout.statusCode()).isEqualTo(302);
		assertThat(location(logout)).startsWith(keycloakUrl() + "/realms/inspectflow/protocol/openid-connect/logout")
			.contains("id_token_hint=");
		assertThat(get(GATEWAY + "/api/me").statusCode()).isEqualTo(401);
	}

	@Test
	void refusesAnUnknownPasswordAtKeycloakAndKeepsTheBrowserOut() throws Exception {
		HttpResponse<String> authorize = get(GATEWAY + "/oauth2/authorization/keycloak");
		HttpResponse<String> loginPage = get(location(authorize));
		HttpResponse<String> wrong = post(formAction(loginPage.body()), "username=officer1&password=wrong");
		assertThat(wrong.statusCode()).isEqualTo(200);
		assertThat(wrong.body()).contains("kc-form-login");
		assertThat(get(GATEWAY + "/api/me").statusCode()).isEqualTo(401);
	}

	private static String keycloakUrl() {
		String url = System.getenv("INSPECTFLOW_KEYCLOAK_URL");
		return (url == null || url.isBlank()) ? "http://localhost:8180" : url;
	}

	private HttpResponse<String> get(String url, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.timeout(java.time.Duration.ofSeconds(30))
			.header("Accept", "text/html,application/json")
			.GET();
		if (headers.length > 0) {
			request.headers(headers);
		}
		return this.browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String url, String form) throws Exception {
		return this.browser.send(HttpRequest.newBuilder(URI.create(url))
			.timeout(java.time.Duration.ofSeconds(30))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String location(HttpResponse<?> response) {
		return response.headers().firstValue("Location").orElseThrow(() -> new AssertionError(
				"no Location header; status " + response.statusCode() + " body " + response.body()));
	}

	private static String absolute(String location) {
		return location.startsWith("/") ? GATEWAY + location : location;
	}

	private static String formAction(String html) {
		Matcher matcher = Pattern.compile("id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"|action=\"([^\"]+)\"[^>]*id=\"kc-form-login\"")
			.matcher(html);
		assertThat(matcher.find()).as("the Keycloak login form").isTrue();
		String action = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
		return action.replace("&amp;", "&");
	}

	private String cookie(String name) {
		return this.cookies.getCookieStore()
			.get(URI.create(GATEWAY))
			.stream()
			.filter((cookie) -> cookie.getName().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + name + " cookie"))
			.getValue();
	}

}
