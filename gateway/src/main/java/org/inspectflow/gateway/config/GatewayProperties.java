package org.inspectflow.gateway.config;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Where Keycloak is and who the gateway is to it, and how the browser's cookies are marked. Keycloak has two addresses
 * because in containers the browser and the gateway reach it by different names: {@code publicUrl} is what the browser
 * is sent to (and what tokens name as issuer), {@code url} is what the gateway itself calls.
 *
 * @param keycloak the Keycloak realm and the gateway's client in it
 * @param secureCookies mark the session and CSRF cookies {@code Secure} even when the request reached the gateway
 * over plain http (set it behind a TLS-terminating proxy; a request that arrives over https gets them anyway)
 */
@Validated
@ConfigurationProperties("inspectflow.gateway")
public record GatewayProperties(@NotNull @Valid Keycloak keycloak, boolean secureCookies) {

	/**
	 * @param url the back-channel address, e.g. {@code http://localhost:8180}
	 * @param publicUrl the address browsers use; defaults to {@code url}
	 * @param realm the realm name
	 * @param clientId the gateway's confidential client
	 * @param clientSecret its secret, from the environment
	 */
	public record Keycloak(@NotBlank String url, String publicUrl, @NotBlank String realm, @NotBlank String clientId,
			@NotBlank String clientSecret) {

		public String issuer() {
			return publicBaseUrl() + "/realms/" + this.realm;
		}

		public String backChannelIssuer() {
			return this.url + "/realms/" + this.realm;
		}

		/** The scheme, host and port browsers reach Keycloak at, e.g. {@code https://login.example.org}. */
		public String publicOrigin() {
			URI uri = URI.create(publicBaseUrl());
			return uri.getScheme() + "://" + uri.getHost() + ((uri.getPort() == -1) ? "" : ":" + uri.getPort());
		}

		private String publicBaseUrl() {
			return (this.publicUrl == null || this.publicUrl.isBlank()) ? this.url : this.publicUrl;
		}

	}

}
