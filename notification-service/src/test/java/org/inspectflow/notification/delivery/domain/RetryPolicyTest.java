package org.inspectflow.notification.delivery.domain;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {

	private static final Instant FAILED = Instant.parse("2026-12-01T01:00:00Z");

	@Test
	void waitsLongerAfterEachFailureUpToTheCapAndThenGivesUp() {
		RetryPolicy policy = new RetryPolicy(5, Duration.ofMinutes(1), 4, Duration.ofMinutes(30));
		assertThat(policy.nextAttempt(1, FAILED)).contains(FAILED.plus(Duration.ofMinutes(1)));
		assertThat(policy.nextAttempt(2, FAILED)).contains(FAILED.plus(Duration.ofMinutes(4)));
		assertThat(policy.nextAttempt(3, FAILED)).contains(FAILED.plus(Duration.ofMinutes(16)));
		assertThat(policy.nextAttempt(4, FAILED)).as("capped").contains(FAILED.plus(Duration.ofMinutes(30)));
		assertThat(policy.nextAttempt(5, FAILED)).as("no attempt left").isEmpty();
	}

}
