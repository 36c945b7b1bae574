package org.inspectflow.gateway.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The integrators' token check runs once per token: later calls with the same token get the same {@link Jwt} until
 * it expires (plus the clock skew), while anything the real check would refuse is still refused.
 */
class CachedJwtDecoderTest {

	private static final Instant ISSUED = Instant.parse("2026-11-30T08:00:00Z");

	private static final Duration SKEW = Duration.ofSeconds(30);

	private final MovableClock clock = new MovableClock(ISSUED);

	/** Stands for the Nimbus decoder with its validators: accepts "valid-*" tokens for 5 minutes, refuses the rest. */
	private final CountingDecoder check = new CountingDecoder(this.clock);

	private final CachedJwtDecoder decoder = new CachedJwtDecoder(this.check, SKEW, this.clock);

	@Test
	void checksATokenOnceAndGivesTheSameJwtForItsLaterCalls() {
		Jwt first = this.decoder.decode("valid-a").block();
		this.clock.move(Duration.ofMinutes(4));
		Jwt later = this.decoder.decode("valid-a").block();

		assertThat(later).isSameAs(first);
		assertThat(this.check.calls).containsExactly("valid-a");
	}

	@Test
	void checksAnyOtherTokenStringAfresh() {
		this.decoder.decode("valid-a").block();
		this.decoder.decode("valid-b").block();
		assertThatThrownBy(() -> this.decoder.decode("valid-a-but-altered").block()).isInstanceOf(BadJwtException.class);

		assertThat(this.check.calls).containsExactly("valid-a", "valid-b", "valid-a-but-altered");
	}

	@Test
	void givesARememberedTokenBackUntilItsExpiryPlusTheClockSkewAndChecksItAgainAfter() {
		this.decoder.decode("valid-a").block();

		this.clock.move(Duration.ofMinutes(5).plus(SKEW)); // exactly exp + skew: JwtTimestampValidator still accepts
		assertThat(this.decoder.decode("valid-a").block()).isNotNull();
		assertThat(this.check.calls).hasSize(1);

		this.clock.move(Duration.ofSeconds(1));
		assertThatThrownBy(() -> this.decoder.decode("valid-a").block()).isInstanceOf(BadJwtException.class)
			.hasMessageContaining("expired");
		assertThat(this.check.calls).hasSize(2);
		assertThat(this.decoder.size()).isZero();
	}

	@Test
	void remembersNoRejection() {
		for (int i = 0; i < 3; i++) {
			assertThatThrownBy(() -> this.decoder.decode("forged").block()).isInstanceOf(BadJwtException.class);
		}
		assertThat(this.check.calls).hasSize(3);
		assertThat(this.decoder.size()).isZero();
	}

	@Test
	void remembersNoTokenWithoutExpiry() {
		this.decoder.decode("valid-forever").block();
		this.decoder.decode("valid-forever").block();

		assertThat(this.check.calls).hasSize(2);
	}

	@Test
	void keepsAtMostMaxTokensDroppingExpiredOnesFirst() {
		for (int i = 0; i < CachedJwtDecoder.MAX_TOKENS + 10; i++) {
			this.decoder.decode("valid-" + i).block();
		}
		assertThat(this.decoder.size()).isEqualTo(CachedJwtDecoder.MAX_TOKENS);
		// a token that found no room is checked on each call
		this.decoder.decode("valid-" + (CachedJwtDecoder.MAX_TOKENS + 5)).block();
		assertThat(this.check.calls).hasSize(CachedJwtDecoder.MAX_TOKENS + 11);

		// once they have expired, the next new token makes room by dropping them
		this.clock.move(Duration.ofMinutes(10));
		this.decoder.decode("valid-new").block();
		assertThat(this.decoder.size()).isEqualTo(1);
	}

	private static final class CountingDecoder implements ReactiveJwtDecoder {

		private final Clock clock;

		final List<String> calls = new ArrayList<>();

		private final Map<String, Instant> issued = new HashMap<>();

		CountingDecoder(Clock clock) {
			this.clock = clock;
		}

		@Override
		public Mono<Jwt> decode(String token) {
			this.calls.add(token);
			if (!token.startsWith("valid-") || token.endsWith("-altered")) {
				return Mono.error(new BadJwtException("signature"));
			}
			Instant now = this.clock.instant();
			// a token is issued when it is first seen, for five minutes; the real validator refuses it after exp + skew
			Instant issuedAt = this.issued.computeIfAbsent(token, (first) -> now);
			Jwt.Builder jwt = Jwt.withTokenValue(token)
				.header("alg", "RS256")
				.claim("azp", "inspectflow-integrator-demo")
				.issuedAt(issuedAt);
			if (token.equals("valid-forever")) {
				return Mono.just(jwt.build());
			}
			Instant expiresAt = issuedAt.plus(Duration.ofMinutes(5));
			if (now.minus(SKEW).isAfter(expiresAt)) {
				return Mono.error(new BadJwtException("Jwt expired at " + expiresAt));
			}
			return Mono.just(jwt.expiresAt(expiresAt).build());
		}

	}

	private static final class MovableClock extends Clock {

		private Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		void move(Duration by) {
			this.now = this.now.plus(by);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneId.of("UTC");
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
