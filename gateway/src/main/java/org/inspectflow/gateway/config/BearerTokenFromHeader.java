package org.inspectflow.gateway.config;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;

/**
 * Takes the integrator's token from the {@code Authorization} header: what Spring Security's
 * {@link ServerBearerTokenAuthenticationConverter} does with its defaults (no token in the query string or a form
 * body), with the same answers, but with a loop over the characters instead of its regular expression and without its
 * merge of three token sources. The header holds a whole JWT (over a kilobyte), which the regular expression walked on
 * every call: 5 to 8% of the gateway's CPU time per integrator call once the token check itself was remembered
 * ({@link CachedJwtDecoder}). {@code BearerTokenFromHeaderTest} holds both converters to the same answers.
 * <ul>
 * <li>no {@code Authorization} header, or one that does not start with {@code bearer} (any case): no token, the
 * request is anonymous;</li>
 * <li>{@code Bearer <b64token>} (RFC 6750: letters, digits, {@code -._~+/}, then any {@code =} padding; the scheme in
 * any case, one space): that token;</li>
 * <li>anything else that starts with {@code bearer}: refused as a malformed token (401 {@code invalid_token}).</li>
 * </ul>
 */
final class BearerTokenFromHeader implements ServerAuthenticationConverter {

	private static final String SCHEME = "Bearer ";

	@Override
	public Mono<Authentication> convert(ServerWebExchange exchange) {
		String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
		if (authorization == null || !authorization.regionMatches(true, 0, "bearer", 0, 6)) {
			return Mono.empty();
		}
		if (!isBearerToken(authorization)) {
			return Mono.error(new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed")));
		}
		return Mono.just(new BearerTokenAuthenticationToken(authorization.substring(SCHEME.length())));
	}

	/** {@code ^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$}, case-insensitive, as Spring Security's pattern. */
	static boolean isBearerToken(String authorization) {
		int length = authorization.length();
		if (!authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
			return false;
		}
		int i = SCHEME.length();
		while (i < length && isTokenChar(authorization.charAt(i))) {
			i++;
		}
		if (i == SCHEME.length()) {
			return false;
		}
		while (i < length && authorization.charAt(i) == '=') {
			i++;
		}
		return i == length;
	}

	private static boolean isTokenChar(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
				|| c == '_' || c == '~' || c == '+' || c == '/';
	}

}
