package org.inspectflow.gateway.config;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.ResponseCookie;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.csrf.CsrfToken;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser's two cookies: the session cookie no script can read, the CSRF cookie the portal must read; both
 * {@code SameSite=Lax}, and {@code Secure} over https or when {@code inspectflow.gateway.secure-cookies} says the
 * gateway is reached over https through a proxy.
 */
class SessionCookiesTest {

	@ParameterizedTest(name = "{0}, secure-cookies={1}: Secure={2}")
	@CsvSource({ "http://localhost:8080/, false, false", "http://gateway.internal/, true, true",
			"https://inspectflow.example.org/, false, true" })
	void marksTheSessionCookieHttpOnlyLaxAndSecureWhereAsked(String url, boolean secureCookies, boolean secure) {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get(url));
		new SecurityConfig().webSessionIdResolver(properties(secureCookies)).setSessionId(exchange, "opaque-id");

		ResponseCookie cookie = exchange.getResponse().getCookies().getFirst("SESSION");
		assertThat(cookie).isNotNull();
		assertThat(cookie.getValue()).isEqualTo("opaque-id");
		assertThat(cookie.isHttpOnly()).isTrue();
		assertThat(cookie.getSameSite()).isEqualTo("Lax");
		assertThat(cookie.getPath()).isEqualTo("/");
		assertThat(cookie.isSecure()).isEqualTo(secure);
	}

	@ParameterizedTest(name = "secure-cookies={0}")
	@CsvSource({ "false", "true" })
	void letsThePortalReadTheCsrfCookieButKeepsItLax(boolean secureCookies) {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get("http://gateway.internal/"));
		var repository = SecurityConfig.csrfTokenRepository(properties(secureCookies));
		CsrfToken token = repository.generateToken(exchange).block();
		repository.saveToken(exchange, token).block();

		ResponseCookie cookie = exchange.getResponse().getCookies().getFirst("XSRF-TOKEN");
		assertThat(cookie).isNotNull();
		assertThat(cookie.isHttpOnly()).isFalse();
		assertThat(cookie.getSameSite()).isEqualTo("Lax");
		assertThat(cookie.getPath()).isEqualTo("/");
		assertThat(cookie.isSecure()).isEqualTo(secureCookies);
	}

	static GatewayProperties properties(boolean secureCookies) {
		return new GatewayProperties(new GatewayProperties.Keycloak("http://keycloak.internal:8080",
				"https://login.example.org", "inspectflow", "inspectflow-gateway", "secret"), secureCookies);
	}

}
