package org.inspectflow.gateway.config;

import java.time.Duration;

import reactor.core.publisher.Mono;

import org.springframework.boot.actuate.health.AbstractReactiveHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The gateway cannot sign anyone in without Keycloak, so readiness includes it: the realm's OIDC discovery document
 * must answer on the back-channel address.
 */
@Component("keycloakHealthIndicator")
class KeycloakHealthIndicator extends AbstractReactiveHealthIndicator {

	private final WebClient webClient;

	private final String discoveryUrl;

	KeycloakHealthIndicator(WebClient.Builder webClients, GatewayProperties properties) {
		super("Keycloak is not reachable");
		this.webClient = webClients.build();
		this.discoveryUrl = properties.keycloak().backChannelIssuer() + "/.well-known/openid-configuration";
	}

	@Override
	protected Mono<Health> doHealthCheck(Health.Builder builder) {
		return this.webClient.get()
			.uri(this.discoveryUrl)
			.retrieve()
			.toBodilessEntity()
			.timeout(Duration.ofSeconds(3))
			.map((response) -> builder.up().withDetail("discovery", this.discoveryUrl).build());
	}

}
