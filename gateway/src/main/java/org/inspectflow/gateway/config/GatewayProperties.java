package org.inspectflow.gateway.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;

/**
 * Where Keycloak is and who the gateway is to it. Keycloak has two addresses because in containers the browser and
 * the gateway reach it by different names: {@code publicUrl} is what the browser is sent to (and what tokens name
 * as issuer), {@code url} is what the gateway itself calls.
 *
 * @param keycloak the Keycloak realm and the gateway's client in it
 */
@Validated
@ConfigurationProperties("inspectflow.gateway")
public record GatewayProperties(Keycloak keycloak) {

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
			return ((this.publicUrl == null || this.publicUrl.isBlank()) ? this.url : this.publicUrl) + "/realms/"
					+ this.realm;
		}

		public String backChannelIssuer() {
			return this.url + "/realms/" + this.realm;
		}

	}

}
