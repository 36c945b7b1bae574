package org.inspectflow.notification.delivery.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a failed delivery is tried again: exponential backoff from {@code initialBackoff}, multiplied by
 * {@code multiplier} after each attempt, and no more tries after {@code maxAttempts} (the failure is then permanent).
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff) {

	public RetryPolicy {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("maxAttempts must be at least 1");
		}
		if (initialBackoff.isNegative() || multiplier < 1) {
			throw new IllegalArgumentException("the backoff must not shrink");
		}
	}

	/** The time of the next attempt after {@code attempts} failed ones; empty when no attempt is left. */
	public Optional<Instant> nextAttempt(int attempts, Instant failedAt) {
		if (attempts >= this.maxAttempts) {
			return Optional.empty();
		}
		double factor = Math.pow(this.multiplier, Math.max(0, attempts - 1));
		long millis = (long) Math.min(this.initialBackoff.toMillis() * factor, this.maxBackoff.toMillis());
		return Optional.of(failedAt.plusMillis(millis));
	}

}
