package org.inspectflow.gateway.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link BearerTokenFromHeader} answers every {@code Authorization} header as Spring Security's
 * {@link ServerBearerTokenAuthenticationConverter} (with its defaults) does: the same token, the same "no token", the
 * same {@code invalid_token} refusal.
 */
class BearerTokenFromHeaderTest {

	private static final String JWT = "eyJhbGciOiJSUzI1NiIsInR5cCIgOiAiSldUIiwia2lkIiA6ICJrIn0"
			+ ".eyJleHAiOjE3NjQ0OTEyMDAsImF6cCI6Imluc3BlY3RmbG93LWludGVncmF0b3ItZGVtbyJ9"
			+ ".c2lnbmF0dXJlX18tLV9fKysvLw";

	private final ServerAuthenticationConverter spring = new ServerBearerTokenAuthenticationConverter();

	private final ServerAuthenticationConverter ours = new BearerTokenFromHeader();

	@Test
	void takesTheTokenOfABearerHeader() {
		assertThat(answer(this.ours, "Bearer " + JWT)).isEqualTo("token " + JWT);
		assertThat(answer(this.ours, "bearer abc==")).isEqualTo("token abc==");
		assertThat(answer(this.ours, null)).isEqualTo("none");
		assertThat(answer(this.ours, "Basic dXNlcjpwYXNz")).isEqualTo("none");
		assertThat(answer(this.ours, "Bearer " + JWT + " ")).isEqualTo("refused invalid_token");
	}

	@Test
	void answersLikeSpringSecuritysConverter() {
		List<String> headers = new ArrayList<>(List.of("", " ", "Basic dXNlcjpwYXNz", "Digest x", "bearer", "Bearer",
				"Bearer ", "BEARER ", "Bearer  ", "Bearer abc", "bearer abc", "BeArEr abc", "BEARER " + JWT,
				"Bearer " + JWT, "Bearer abc==", "Bearer abc=", "Bearer =", "Bearer ==abc", "Bearer abc=d",
				"Bearer abc=\u003d=", "Bearer  abc", "Bearer abc ", " Bearer abc", "Bearer\tabc", "Bearer ab\tc",
				"Bearer abc\n", "Bearerabc", "Bearer-abc", "Bearer ab%c", "Bearer ab c", "Bearer a,b", "Bearer ab\"c",
				"Bearer a-b.c_d~e+f/g", "Bearer ÄÖÜ", "Bearer abc\u0130", "Bearer \u212Abc", "B\u0131arer abc",
				"Bearer \u017Fbc", "Bearer abc\u0000", "Token abc", "Bearer: abc", "Bearer=abc"));
		Random random = new Random(8);
		String alphabet = "aZ09-._~+/= \t%\"Bb\u00e9\u212A";
		for (int i = 0; i < 2000; i++) {
			StringBuilder header = new StringBuilder(random.nextBoolean() ? "Bearer " : "bearer");
			int length = random.nextInt(12);
			for (int j = 0; j < length; j++) {
				header.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			headers.add(header.toString());
		}
		for (String header : headers) {
			assertThat(answer(this.ours, header)).as("Authorization: [%s]", header).isEqualTo(answer(this.spring, header));
		}
	}

	private static String answer(ServerAuthenticationConverter converter, String authorization) {
		MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/api/integrations/webhooks");
		if (authorization != null) {
			request.header(HttpHeaders.AUTHORIZATION, authorization);
		}
		Mono<Authentication> converted = converter.convert(MockServerWebExchange.from(request));
		try {
			Authentication authentication = converted.block();
			return (authentication == null) ? "none"
					: "token " + ((BearerTokenAuthenticationToken) authentication).getToken();
		}
		catch (OAuth2AuthenticationException ex) {
			return "refused " + ex.getError().getErrorCode();
		}
	}

}
