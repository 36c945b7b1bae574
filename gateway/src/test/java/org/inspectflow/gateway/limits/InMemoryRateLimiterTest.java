package org.inspectflow.gateway.limits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter.Response;

import static org.assertj.core.api.Assertions.assertThat;

/** The token bucket without Redis, driven by a clock the test moves: no waiting, no timing. */
class InMemoryRateLimiterTest {

	private final MutableClock clock = new MutableClock();

	/** Three requests at once, then one every two seconds. */
	private final InMemoryRateLimiter limiter = new InMemoryRateLimiter(new LimitsProperties.Bucket(1, 6, 2),
			this.clock);

	@Test
	void allowsTheBurstThenRefusesUntilTheBucketRefills() {
		assertThat(allowed("user:officer1")).isTrue();
		assertThat(allowed("user:officer1")).isTrue();
		assertThat(allowed("user:officer1")).isTrue();
		assertThat(allowed("user:officer1")).as("the fourth request at once").isFalse();

		this.clock.advance(Duration.ofSeconds(1));
		assertThat(allowed("user:officer1")).as("one second later: one token of the two").isFalse();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(allowed("user:officer1")).as("two seconds later").isTrue();
		assertThat(allowed("user:officer1")).isFalse();
	}

	@Test
	void countsEachCallerOnItsOwn() {
		for (int i = 0; i < 3; i++) {
			assertThat(allowed("user:officer1")).isTrue();
		}
		assertThat(allowed("user:officer1")).isFalse();
		assertThat(allowed("user:officer2")).as("another user").isTrue();
		assertThat(allowed("client:inspectflow-integrator-demo")).as("a client").isTrue();
	}

	@Test
	void neverHoldsMoreThanTheBurst() {
		allowed("user:officer1");
		this.clock.advance(Duration.ofHours(1));
		for (int i = 0; i < 3; i++) {
			assertThat(allowed("user:officer1")).isTrue();
		}
		assertThat(allowed("user:officer1")).as("an idle hour still allows only the burst").isFalse();
	}

	@Test
	void answersWithTheRedisRateLimitersHeaders() {
		Response first = this.limiter.isAllowed("defaultFilters", "user:officer1").block();
		assertThat(first.getHeaders()).containsEntry("X-RateLimit-Remaining", "4")
			.containsEntry("X-RateLimit-Replenish-Rate", "1")
			.containsEntry("X-RateLimit-Burst-Capacity", "6")
			.containsEntry("X-RateLimit-Requested-Tokens", "2");
	}

	@Test
	void dropsRefilledBucketsWhenThereAreTooMany() {
		for (int i = 0; i < InMemoryRateLimiter.MAX_BUCKETS; i++) {
			allowed("user:u" + i);
		}
		this.clock.advance(Duration.ofMinutes(1));
		allowed("user:someone-new");
		assertThat(this.limiter.bucketCount()).isEqualTo(1);
	}

	private boolean allowed(String key) {
		return this.limiter.isAllowed("defaultFilters", key).block().isAllowed();
	}

	static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-03-02T08:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneId.of("UTC");
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
