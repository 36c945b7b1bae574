package org.inspectflow.gateway.limits;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.HttpMethod;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * How much one caller may ask of the platform through the gateway (OWASP API4:2023, unrestricted resource
 * consumption): a token bucket per signed-in user and one per integrator client, and a cap on request bodies.
 *
 * @param users the bucket of each signed-in user (counted by user name, across all their sessions)
 * @param clients the bucket of each integrator client (counted by the token's {@code azp})
 * @param keyPrefix put before every bucket's key, so gateways of several deployments can share one Redis
 * @param maxBody the largest request body of any call not listed in {@code uploads} (JSON API calls, forms)
 * @param uploads the calls that carry files, each with its own cap
 */
@Validated
@ConfigurationProperties("inspectflow.gateway.limits")
public record LimitsProperties(@NotNull @Valid Bucket users, @NotNull @Valid Bucket clients,
		@NotBlank String keyPrefix, @NotNull DataSize maxBody, @Valid List<Upload> uploads) {

	public LimitsProperties {
		uploads = (uploads == null) ? List.of() : List.copyOf(uploads);
	}

	/**
	 * A token bucket, in the terms of Spring Cloud Gateway's {@code RedisRateLimiter}: it holds at most
	 * {@code burstCapacity} tokens, gains {@code replenishRate} tokens a second, and each request takes
	 * {@code requestedTokens}. So a caller may make {@code burstCapacity / requestedTokens} requests at once and
	 * {@code replenishRate / requestedTokens} a second after that (e.g. rate 1, burst 3600, requested 60: a burst of 60
	 * requests, then one a minute).
	 */
	public record Bucket(@Min(1) int replenishRate, @Min(1) int burstCapacity, @Min(1) int requestedTokens) {
	}

	/**
	 * A call that uploads a file: its body may be as large as {@code maxSize} plus {@code maxBody} (the multipart
	 * framing and the form's other fields).
	 *
	 * @param method the method, e.g. POST
	 * @param path the gateway path pattern, e.g. {@code /api/evidence/cases/{caseId}/evidence}
	 * @param maxSize the largest file the service behind it accepts
	 */
	public record Upload(@NotNull HttpMethod method, @NotBlank String path, @NotNull DataSize maxSize) {
	}

}
