package org.inspectflow.gateway.limits;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitProblemsTest {

	@ParameterizedTest(name = "{0} tokens left, {1}/s, {2} a request: Retry-After {3}")
	@CsvSource({ "0, 10, 1, 1", "0, 1, 60, 60", "59, 1, 60, 1", "1000, 1, 3600, 2600", "0, 2, 5, 3", "-1, 1, 1, 1" })
	void saysWhenTheBucketHoldsARequestAgain(long remaining, int rate, int requested, long retryAfter) {
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-RateLimit-Remaining", String.valueOf(remaining));
		headers.set("X-RateLimit-Replenish-Rate", String.valueOf(rate));
		headers.set("X-RateLimit-Requested-Tokens", String.valueOf(requested));
		assertThat(RateLimitProblems.retryAfterSeconds(headers)).isEqualTo(retryAfter);
	}

	@Test
	void saysOneSecondWithoutTheLimitersHeaders() {
		assertThat(RateLimitProblems.retryAfterSeconds(new HttpHeaders())).isEqualTo(1);
	}

}
