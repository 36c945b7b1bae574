package org.inspectflow.gateway.limits;

import java.net.InetSocketAddress;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who each request is counted as: a signed-in user by name in the users' bucket, an integrator client by its
 * {@code azp} in the clients' bucket, and a caller with neither (who reaches only a draw's public record) by address
 * in the users' bucket; each request in exactly one bucket.
 */
class RateLimitKeysTest {

	private final LimitsProperties limits = new LimitsProperties(new LimitsProperties.Bucket(20, 100, 1),
			new LimitsProperties.Bucket(10, 50, 1), "inspectflow", DataSize.ofMegabytes(1), List.of());

	private final RateLimitConfig config = new RateLimitConfig();

	private final KeyResolver users = this.config.userKeyResolver(this.limits);

	private final KeyResolver clients = this.config.clientKeyResolver(this.limits);

	@Test
	void countsASignedInUserByName() {
		ServerWebExchange exchange = exchange(new OAuth2AuthenticationToken(
				new DefaultOAuth2User(Set.of(new SimpleGrantedAuthority("ROLE_officer")),
						Map.of("preferred_username", "officer1"), "preferred_username"),
				Set.of(), "keycloak"));
		assertThat(this.users.resolve(exchange).block()).isEqualTo("inspectflow:user:officer1");
		assertThat(this.clients.resolve(exchange).block()).isNull();
	}

	@Test
	void countsAnIntegratorByClient() {
		Jwt jwt = Jwt.withTokenValue("t")
			.header("alg", "RS256")
			.claim("azp", "inspectflow-integrator-demo")
			.expiresAt(Instant.now().plusSeconds(60))
			.build();
		ServerWebExchange exchange = exchange(new JwtAuthenticationToken(jwt, List.of(), "inspectflow-integrator-demo"));
		assertThat(this.users.resolve(exchange).block()).isNull();
		assertThat(this.clients.resolve(exchange).block()).isEqualTo("inspectflow:client:inspectflow-integrator-demo");
	}

	@Test
	void countsAnAnonymousCallerByAddress() {
		ServerWebExchange exchange = exchange(null);
		assertThat(this.users.resolve(exchange).block()).isEqualTo("inspectflow:anonymous:203.0.113.7");
		assertThat(this.clients.resolve(exchange).block()).isNull();
	}

	private static ServerWebExchange exchange(Principal principal) {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/enterprise/draws/d-1")
			.remoteAddress(new InetSocketAddress("203.0.113.7", 52000)));
		return (principal == null) ? exchange : exchange.mutate().principal(Mono.just(principal)).build();
	}

}
