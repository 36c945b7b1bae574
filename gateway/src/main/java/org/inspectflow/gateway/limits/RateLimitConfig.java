package org.inspectflow.gateway.limits;

import java.net.InetSocketAddress;
import java.time.Clock;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;

/**
 * Who the rate limiter counts and where it keeps count. Spring Cloud Gateway's {@code RequestRateLimiter} runs twice
 * on every route (the {@code default-filters} in {@code application.yml}): once with the users' bucket, keyed by the
 * signed-in user's name (or, for the anonymous readers of a draw's public record, their address), once with the
 * clients' bucket, keyed by the integrator's client id; each key resolver answers only for its kind of caller, so each
 * request is counted once, in one bucket per caller whichever service it calls
 * ({@link OneBucketPerCaller}). The buckets are Spring Cloud Gateway's {@link RedisRateLimiter} when Redis is
 * configured (shared by every gateway instance) and {@link InMemoryRateLimiter} otherwise. A refused request is
 * answered by {@link RateLimitProblems}.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfig {

	/**
	 * The signed-in user of a browser session, e.g. {@code inspectflow:user:officer1}; a caller without a session or a
	 * token (who gets through only to a draw's public record) by their address, e.g.
	 * {@code inspectflow:anonymous:203.0.113.7}, in the users' bucket sizes. An integrator is counted by the clients'
	 * resolver, not here.
	 */
	@Bean
	@Primary
	KeyResolver userKeyResolver(LimitsProperties limits) {
		return (exchange) -> exchange.getPrincipal()
			.map((principal) -> (principal instanceof OAuth2AuthenticationToken)
					? limits.keyPrefix() + ":user:" + principal.getName() : "")
			.switchIfEmpty(Mono.fromSupplier(() -> limits.keyPrefix() + ":anonymous:" + address(exchange)))
			.filter((key) -> !key.isEmpty());
	}

	private static String address(ServerWebExchange exchange) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		if (remote == null) {
			return "unknown";
		}
		return (remote.getAddress() != null) ? remote.getAddress().getHostAddress() : remote.getHostString();
	}

	/** The integrator client of a bearer token ({@code azp}), e.g. {@code inspectflow:client:inspectflow-integrator-demo}. */
	@Bean
	KeyResolver clientKeyResolver(LimitsProperties limits) {
		return (exchange) -> exchange.getPrincipal()
			.filter(JwtAuthenticationToken.class::isInstance)
			.map(JwtAuthenticationToken.class::cast)
			.flatMap((token) -> Mono.justOrEmpty(clientId(token)))
			.map((client) -> limits.keyPrefix() + ":client:" + client);
	}

	private static String clientId(JwtAuthenticationToken token) {
		String azp = token.getToken().getClaimAsString("azp");
		return (azp != null && !azp.isBlank()) ? azp : token.getToken().getClaimAsString("client_id");
	}

	/** The users' bucket, the default of Spring Cloud Gateway's {@code RequestRateLimiter}. */
	@Bean
	@Primary
	RateLimiter<Object> userRateLimiter(@Qualifier("userBuckets") RateLimiter<?> buckets) {
		return new OneBucketPerCaller(buckets);
	}

	@Bean
	RateLimiter<Object> clientRateLimiter(@Qualifier("clientBuckets") RateLimiter<?> buckets) {
		return new OneBucketPerCaller(buckets);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "inspectflow.gateway.redis.enabled", havingValue = "true")
	static class OnRedis {

		@Bean
		RedisRateLimiter userBuckets(LimitsProperties limits) {
			return redisLimiter(limits.users());
		}

		@Bean
		RedisRateLimiter clientBuckets(LimitsProperties limits) {
			return redisLimiter(limits.clients());
		}

		/** Finds the Redis template and Spring Cloud Gateway's token-bucket script itself (ApplicationContextAware). */
		private static RedisRateLimiter redisLimiter(LimitsProperties.Bucket bucket) {
			return new RedisRateLimiter(bucket.replenishRate(), bucket.burstCapacity(), bucket.requestedTokens());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "inspectflow.gateway.redis.enabled", havingValue = "false", matchIfMissing = true)
	static class InMemory {

		@Bean
		InMemoryRateLimiter userBuckets(LimitsProperties limits) {
			return new InMemoryRateLimiter(limits.users(), Clock.systemUTC());
		}

		@Bean
		InMemoryRateLimiter clientBuckets(LimitsProperties limits) {
			return new InMemoryRateLimiter(limits.clients(), Clock.systemUTC());
		}

	}

}
