package org.inspectflow.gateway;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.reactive.server.WebTestClient;

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

}
