package org.inspectflow.gateway.limits;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;

/**
 * The rate limiter of a gateway without Redis: the same token bucket as Spring Cloud Gateway's
 * {@link RedisRateLimiter} (its Lua script), kept in this instance's memory, with the same response headers, so the
 * limits mean the same with and without Redis. Only right for a single gateway instance: several would each allow
 * the full rate.
 */
final class InMemoryRateLimiter implements RateLimiter<LimitsProperties.Bucket> {

	/** Buckets are dropped once this many exist, beginning with those that have refilled completely. */
	static final int MAX_BUCKETS = 100_000;

	private final LimitsProperties.Bucket limits;

	private final Clock clock;

	private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

	InMemoryRateLimiter(LimitsProperties.Bucket limits, Clock clock) {
		this.limits = limits;
		this.clock = clock;
	}

	@Override
	public Mono<Response> isAllowed(String routeId, String id) {
		long now = this.clock.millis();
		if (this.buckets.size() >= MAX_BUCKETS) {
			this.buckets.values().removeIf((bucket) -> bucket.isFullAt(now, this.limits));
		}
		Bucket bucket = this.buckets.compute(routeId + "." + id,
				(key, previous) -> Bucket.take(previous, now, this.limits));
		return Mono.just(new Response(bucket.allowed(), Map.of(RedisRateLimiter.REMAINING_HEADER,
				String.valueOf((long) Math.floor(bucket.tokens())), RedisRateLimiter.REPLENISH_RATE_HEADER,
				String.valueOf(this.limits.replenishRate()), RedisRateLimiter.BURST_CAPACITY_HEADER,
				String.valueOf(this.limits.burstCapacity()), RedisRateLimiter.REQUESTED_TOKENS_HEADER,
				String.valueOf(this.limits.requestedTokens()))));
	}

	int bucketCount() {
		return this.buckets.size();
	}

	@Override
	public Map<String, LimitsProperties.Bucket> getConfig() {
		return Map.of();
	}

	@Override
	public Class<LimitsProperties.Bucket> getConfigClass() {
		return LimitsProperties.Bucket.class;
	}

	@Override
	public LimitsProperties.Bucket newConfig() {
		throw new UnsupportedOperationException(
				"the in-memory rate limiter takes its limits from inspectflow.gateway.limits, not from route arguments");
	}

	/** The tokens left after the last request and when that was, and whether that request was allowed. */
	private record Bucket(double tokens, long atMillis, boolean allowed) {

		static Bucket take(Bucket previous, long now, LimitsProperties.Bucket limits) {
			double available = (previous == null) ? limits.burstCapacity() : previous.tokensAt(now, limits);
			boolean allowed = available >= limits.requestedTokens();
			return new Bucket(allowed ? available - limits.requestedTokens() : available, now, allowed);
		}

		double tokensAt(long now, LimitsProperties.Bucket limits) {
			double elapsedSeconds = Math.max(0, now - this.atMillis) / 1000.0;
			return Math.min(limits.burstCapacity(), this.tokens + elapsedSeconds * limits.replenishRate());
		}

		boolean isFullAt(long now, LimitsProperties.Bucket limits) {
			return tokensAt(now, limits) >= limits.burstCapacity();
		}

	}

}
