package org.inspectflow.gateway.limits;

import reactor.core.publisher.Mono;

import org.inspectflow.gateway.web.ProblemWriter;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Spring Cloud Gateway's {@code RequestRateLimiter} refuses with a bare 429. This gives the refusal a problem+json body
 * and a {@code Retry-After} header: the seconds until the caller's bucket holds a request's tokens again, worked out
 * from the limiter's own headers (tokens left, tokens gained per second, tokens a request takes), so it is right for
 * the Redis and the in-memory limiter alike.
 */
@Component
class RateLimitProblems implements GlobalFilter, Ordered {

	private final ProblemWriter problems;

	RateLimitProblems(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		ServerHttpResponse response = exchange.getResponse();
		ServerHttpResponseDecorator refusals = new ServerHttpResponseDecorator(response) {
			@Override
			public Mono<Void> setComplete() {
				if (HttpStatus.TOO_MANY_REQUESTS.equals(getStatusCode()) && !isCommitted()) {
					long retryAfter = retryAfterSeconds(getHeaders());
					return RateLimitProblems.this.problems.write(exchange, getDelegate(), HttpStatus.TOO_MANY_REQUESTS,
							"Too many requests from you: try again in " + retryAfter + " s.",
							(headers) -> headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter)));
				}
				return super.setComplete();
			}
		};
		return chain.filter(exchange.mutate().response(refusals).build());
	}

	/** At least one second: a 429 with {@code Retry-After: 0} would invite an immediate retry loop. */
	static long retryAfterSeconds(HttpHeaders headers) {
		double remaining = number(headers, RedisRateLimiter.REMAINING_HEADER, 0);
		double rate = number(headers, RedisRateLimiter.REPLENISH_RATE_HEADER, 1);
		double requested = number(headers, RedisRateLimiter.REQUESTED_TOKENS_HEADER, 1);
		if (rate <= 0) {
			return 1;
		}
		return Math.max(1, (long) Math.ceil((requested - Math.max(0, remaining)) / rate));
	}

	private static double number(HttpHeaders headers, String name, double fallback) {
		String value = headers.getFirst(name);
		if (value == null) {
			return fallback;
		}
		try {
			return Double.parseDouble(value);
		}
		catch (NumberFormatException ex) {
			return fallback;
		}
	}

}
