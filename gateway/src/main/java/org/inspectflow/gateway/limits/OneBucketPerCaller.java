package org.inspectflow.gateway.limits;

import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;

/**
 * Spring Cloud Gateway's rate limiters keep a bucket per route and caller ({@code RedisRateLimiter}'s keys name the
 * route), so a caller would get the full rate from each service's route. This gives every route the same name towards
 * the limiter: one bucket per caller, whichever service they call.
 */
final class OneBucketPerCaller implements RateLimiter<Object> {

	/** The route name every request is counted under, part of the bucket's Redis key. */
	static final String ROUTES = "api";

	private final RateLimiter<?> buckets;

	OneBucketPerCaller(RateLimiter<?> buckets) {
		this.buckets = buckets;
	}

	@Override
	public Mono<Response> isAllowed(String routeId, String id) {
		return this.buckets.isAllowed(ROUTES, id);
	}

	@Override
	public Map<String, Object> getConfig() {
		return Map.of();
	}

	@Override
	public Class<Object> getConfigClass() {
		return Object.class;
	}

	@Override
	public Object newConfig() {
		throw new UnsupportedOperationException("the limits come from inspectflow.gateway.limits");
	}

}
