package org.inspectflow.support.test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Tokens from the real Keycloak that {@code ./inspectflow test} starts (its URL in {@code INSPECTFLOW_KEYCLOAK_URL}):
 * the demo users through the test-only password-grant client, the demo integrator through client credentials.
 * Tokens are cached per user and renewed a minute before they expire (they live five minutes).
 */
public final class Keycloak {

	public static final String REALM = "inspectflow";

	public static final String DEMO_PASSWORD = "demo123";

	public static final String INTEGRATOR_CLIENT_ID = "inspectflow-integrator-demo";

	public static final String INTEGRATOR_CLIENT_SECRET = "integrator-demo-secret";

	/** A second integrator, for tests that one integrator cannot reach another's data. */
	public static final String SECOND_INTEGRATOR_CLIENT_ID = "inspectflow-integrator-second";

	public static final String SECOND_INTEGRATOR_CLIENT_SECRET = "integrator-second-secret";

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

	/** A cached token is renewed when it has less than this left (a test run is longer than a token's five minutes). */
	private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(60);

	private Keycloak() {
	}

	public static String baseUrl() {
		String url = System.getenv("INSPECTFLOW_KEYCLOAK_URL");
		return (url == null || url.isBlank()) ? "http://localhost:8180" : url;
	}

	public static String issuer() {
		return baseUrl() + "/realms/" + REALM;
	}

	/** An access token of a demo user (officer1, officer2, supervisor1, enterprise1, enterprise2, admin1). */
	public static String userToken(String username) {
		return cached("user:" + username, () -> token(Map.of("grant_type", "password", "client_id",
				"inspectflow-cli", "username", username, "password", DEMO_PASSWORD, "scope", "openid")));
	}

	/** An access token of the demo integrator (client credentials). */
	public static String integratorToken() {
		return cached("client:" + INTEGRATOR_CLIENT_ID,
				() -> token(Map.of("grant_type", "client_credentials", "client_id", INTEGRATOR_CLIENT_ID,
						"client_secret", INTEGRATOR_CLIENT_SECRET)));
	}

	/** A demo user's ID token (not an access token): signed by the realm, with the same roles and scope claims. */
	public static String userIdToken(String username) {
		return token(issuer(), Map.of("grant_type", "password", "client_id", "inspectflow-cli", "username", username,
				"password", DEMO_PASSWORD, "scope", "openid"), "id_token");
	}

	/** An access token of the second demo integrator (client credentials). */
	public static String secondIntegratorToken() {
		return cached("client:" + SECOND_INTEGRATOR_CLIENT_ID,
				() -> token(Map.of("grant_type", "client_credentials", "client_id", SECOND_INTEGRATOR_CLIENT_ID,
						"client_secret", SECOND_INTEGRATOR_CLIENT_SECRET)));
	}

	/**
	 * A demo user's access token that expires two seconds after it is issued (client {@code inspectflow-cli-short-lived}),
	 * signed by the realm: wait for {@link #SHORT_LIVED_EXPIRY} plus the service's clock-skew tolerance before
	 * presenting it as an expired token.
	 */
	public static String shortLivedUserToken(String username) {
		return token(issuer(), Map.of("grant_type", "password", "client_id", "inspectflow-cli-short-lived", "username",
				username, "password", DEMO_PASSWORD, "scope", "openid"));
	}

	public static final Duration SHORT_LIVED_EXPIRY = Duration.ofSeconds(2);

	/**
	 * A demo user's token signed by the realm's own key but with another issuer: Keycloak (in development mode, without a
	 * fixed hostname) names itself after the host it is asked at, so a token fetched through {@code 127.0.0.1} instead of
	 * {@code localhost} (or the other way round) carries an {@code iss} the services do not trust.
	 */
	public static String userTokenFromAnotherIssuer(String username) {
		String base = baseUrl();
		String other = base.contains("://localhost") ? base.replace("://localhost", "://127.0.0.1")
				: base.replace("://127.0.0.1", "://localhost");
		if (other.equals(base)) {
			throw new IllegalStateException("cannot name Keycloak at " + base + " by another host");
		}
		return token(other + "/realms/" + REALM, Map.of("grant_type", "password", "client_id", "inspectflow-cli",
				"username", username, "password", DEMO_PASSWORD, "scope", "openid"));
	}

	private static String cached(String key, java.util.function.Supplier<String> fetch) {
		return CACHE.compute(key, (name, token) -> (token == null || expiresSoon(token)) ? fetch.get() : token);
	}

	private static boolean expiresSoon(String token) {
		try {
			String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
					StandardCharsets.UTF_8);
			long exp = JSON.readTree(payload).path("exp").asLong(0);
			return java.time.Instant.ofEpochSecond(exp).minus(RENEW_BEFORE_EXPIRY).isBefore(java.time.Instant.now());
		}
		catch (IOException | RuntimeException ex) {
			return true;
		}
	}

	private static String token(Map<String, String> form) {
		return token(issuer(), form);
	}

	private static String token(String issuer, Map<String, String> form) {
		return token(issuer, form, "access_token");
	}

	private static String token(String issuer, Map<String, String> form, String which) {
		String body = form.entrySet()
			.stream()
			.map((e) -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		try {
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("Keycloak at " + baseUrl() + " refused the token request ("
						+ response.statusCode() + "): " + response.body());
			}
			JsonNode json = JSON.readTree(response.body());
			return json.get(which).asText();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Keycloak is not reachable at " + baseUrl()
					+ ": run the integration tests through ./inspectflow test, which starts it", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
