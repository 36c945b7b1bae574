package org.inspectflow.gateway;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockOidcLogin;

/**
 * The BFF's rules without Keycloak: who is sent to the login, who gets a 401 problem, what {@code /api/me} shows.
 * The real login flow runs in {@code GatewayLoginIT}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "inspectflow.gateway.keycloak.url=http://keycloak.internal:8080",
				"inspectflow.gateway.keycloak.public-url=https://login.example.org" })
@AutoConfigureWebTestClient
class GatewaySecurityTest {

	/** A port nothing listens on: a routed call shows what the gateway answers when a service is down. */
	@DynamicPropertySource
	static void servicesAreDown(DynamicPropertyRegistry registry) throws java.io.IOException {
		int closedPort;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		for (String service : new String[] { "workflow", "enterprise", "evidence", "notification" }) {
			registry.add("inspectflow.services." + service, () -> "http://127.0.0.1:" + closedPort);
		}
	}

	@Autowired
	WebTestClient web;

	@Test
	void sendsAnAnonymousBrowserToTheKeycloakLogin() {
		this.web.get()
			.uri("/")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isFound()
			.expectHeader()
			.location("/oauth2/authorization/keycloak");
	}

	@Test
	void startsTheLoginWithPkce() {
		this.web.get()
			.uri("/oauth2/authorization/keycloak")
			.exchange()
			.expectStatus()
			.isFound()
			.expectHeader()
			.value("Location", (location) -> org.assertj.core.api.Assertions.assertThat(location)
				.startsWith("https://login.example.org/realms/inspectflow/protocol/openid-connect/auth?")
				.contains("code_challenge_method=S256")
				.contains("code_challenge=")
				.contains("client_id=inspectflow-gateway"));
	}

	@Test
	void answersAnAnonymousApiCallWithA401Problem() {
		this.web.get()
			.uri("/api/me")
			.accept(MediaType.APPLICATION_JSON)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(401)
			.jsonPath("$.detail")
			.value((detail) -> org.assertj.core.api.Assertions.assertThat((String) detail).contains("Sign in"));
	}

	/**
	 * A draw's public record and its verification pass without a session (here the service is down, so the routed call
	 * answers 503: it got past security); everything else of the draws, and other enterprise paths, still do not.
	 */
	@Test
	void letsAnyoneReadADrawsPublicRecordAndNothingElse() {
		for (String open : List.of("/api/enterprise/draws/d-1", "/api/enterprise/draws/d-1/verify")) {
			this.web.get().uri(open).accept(MediaType.APPLICATION_JSON).exchange().expectStatus().isEqualTo(503);
		}
		for (String closed : List.of("/api/enterprise/draws", "/api/enterprise/draws/", "/api/enterprise/draws/d-1/",
				"/api/enterprise/draws/d-1/snapshot", "/api/enterprise/draws/d-1/verify/x",
				"/api/enterprise/enterprises/914403040000DM001P", "/api/enterprise/portal/orders",
				"/api/workflow/draws/d-1", "/api/enterprise/draws/d-1/../../enterprises")) {
			this.web.get()
				.uri(closed)
				.accept(MediaType.APPLICATION_JSON)
				.exchange()
				.expectStatus()
				.value((status) -> assertThat(status).as(closed).isIn(400, 401));
		}
		this.web.head().uri("/api/enterprise/draws/d-1").exchange().expectStatus().isUnauthorized();
		// making or revealing a draw: the CSRF token first (403), then the session (401)
		this.web.post().uri("/api/enterprise/draws").exchange().expectStatus().isForbidden();
		this.web.mutateWith(csrf()).post().uri("/api/enterprise/draws").exchange().expectStatus().isUnauthorized();
		this.web.mutateWith(csrf())
			.post()
			.uri("/api/enterprise/draws/d-1/reveal")
			.exchange()
			.expectStatus()
			.isUnauthorized();
		this.web.mutateWith(csrf()).delete().uri("/api/enterprise/draws/d-1").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void showsTheSignedInOfficerWithRolesAndJurisdiction() {
		this.web.mutateWith(mockOidcLogin().idToken((token) -> token.claim("preferred_username", "officer1")
			.claim("name", "伟 张")
			.claim("given_name", "伟")
			.claim("family_name", "张")
			.claim("roles", List.of("officer", "offline_access", "default-roles-inspectflow"))
			.claim("district", "440304")
			.claim("city", "440300")))
			.get()
			.uri("/api/me")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.username")
			.isEqualTo("officer1")
			.jsonPath("$.name")
			.isEqualTo("张伟")
			.jsonPath("$.roles")
			.isEqualTo(List.of("officer"))
			.jsonPath("$.district")
			.isEqualTo("440304")
			.jsonPath("$.enterpriseId")
			.doesNotExist();
	}

	@Test
	void refusesAnOfficerOnTheAdminOnlyActuatorEndpoints() {
		this.web.mutateWith(mockOidcLogin().authorities(new SimpleGrantedAuthority("ROLE_officer")))
			.get()
			.uri("/actuator/metrics")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void refusesALogoutWithoutTheCsrfToken() {
		this.web.mutateWith(mockOidcLogin()).post().uri("/logout").exchange().expectStatus().isForbidden();
	}

	@Test
	void logsOutAtKeycloakToo() {
		this.web.mutateWith(mockOidcLogin())
			.mutateWith(csrf())
			.post()
			.uri("/logout")
			.exchange()
			.expectStatus()
			.isFound();
	}

	@Test
	void keepsHealthOpenForProbes() {
		this.web.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
	}

	@ParameterizedTest(name = "{0} {1} without the CSRF token")
	@CsvSource({ "POST, /api/workflow/clues", "PUT, /api/workflow/calendars/2026", "PATCH, /api/workflow/cases/c-1",
			"DELETE, /api/workflow/cases/c-1", "POST, /api/enterprise/enterprises", "PUT, /api/enterprise/enterprises/x",
			"PATCH, /api/enterprise/enterprises/x", "DELETE, /api/enterprise/enterprises/x",
			"POST, /api/evidence/cases/c-1/evidence", "PUT, /api/evidence/x", "PATCH, /api/evidence/x",
			"DELETE, /api/evidence/x", "POST, /api/notification/inbox/n-1/read", "PUT, /api/notification/x",
			"PATCH, /api/notification/x", "DELETE, /api/notification/webhooks/w-1", "POST, /api/me" })
	void refusesEveryStateChangingApiCallOfASessionWithoutTheCsrfToken(HttpMethod method, String path) {
		this.web.mutateWith(mockOidcLogin())
			.method(method)
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> assertThat((String) detail).contains("CSRF"));
	}

	@Test
	void passesACallWithTheCsrfTokenOnToTheServiceAndSaysSoWhenItIsDown() {
		this.web.mutateWith(mockOidcLogin())
			.mutateWith(csrf())
			.post()
			.uri("/api/workflow/clues")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void answersAnUnknownApiPathWithA404Problem() {
		this.web.mutateWith(mockOidcLogin())
			.get()
			.uri("/api/nothing-here")
			.accept(MediaType.APPLICATION_JSON)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void asksIntegratorsForABearerTokenNotACsrfToken() {
		this.web.post()
			.uri("/api/integrations/clues")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals("WWW-Authenticate", "Bearer")
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.doesNotExist("Set-Cookie");
	}

	@Test
	void keepsTheLoginStateInAnHttpOnlyLaxSessionCookie() {
		this.web.get()
			.uri("/oauth2/authorization/keycloak")
			.exchange()
			.expectStatus()
			.isFound()
			.expectCookie()
			.httpOnly("SESSION", true)
			.expectCookie()
			.sameSite("SESSION", "Lax")
			.expectCookie()
			.secure("SESSION", false); // plain http here; INSPECTFLOW_GATEWAY_SECURE_COOKIES or https add it
	}

	@Test
	void sendsTheSecurityHeadersOnEveryKindOfResponse() {
		assertSecurityHeaders(this.web.get().uri("/").accept(MediaType.TEXT_HTML).exchange().expectStatus().isFound());
		assertSecurityHeaders(this.web.get().uri("/api/me").exchange().expectStatus().isUnauthorized());
		assertSecurityHeaders(this.web.get().uri("/api/integrations/webhooks").exchange().expectStatus().isUnauthorized());
		assertSecurityHeaders(this.web.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk());
		assertSecurityHeaders(this.web.mutateWith(mockOidcLogin())
			.get()
			.uri("/cases/42")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk());
	}

	private static void assertSecurityHeaders(WebTestClient.ResponseSpec response) {
		response.expectHeader()
			.value("Content-Security-Policy", (csp) -> assertThat(csp).contains("default-src 'self'")
				.contains("script-src 'self';")
				.doesNotContain("unsafe-eval")
				.contains("style-src 'self' 'unsafe-inline'")
				.contains("object-src 'none'")
				.contains("frame-ancestors 'none'")
				.contains("form-action 'self' https://login.example.org"))
			.expectHeader()
			.valueEquals("X-Frame-Options", "DENY")
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader()
			.valueEquals("Referrer-Policy", "same-origin")
			.expectHeader()
			.value("Permissions-Policy", (policy) -> assertThat(policy).contains("camera=(self)")
				.contains("geolocation=(self)")
				.contains("microphone=()"));
	}

}
