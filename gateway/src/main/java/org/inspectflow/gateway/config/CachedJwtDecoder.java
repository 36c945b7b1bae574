package org.inspectflow.gateway.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Checks each integrator token once and remembers it for the rest of its lifetime. An integrator requests a
 * client-credentials token and sends it with every call until it expires (five minutes in the realm), so without this
 * the gateway would parse the same token and verify the same RSA signature on every call: in a profile under load that
 * was a third of the gateway's CPU time, more than the routing itself.
 * <p>
 * Only tokens that passed the whole check of the wrapped decoder (signature, issuer, lifetime, {@code typ}) are
 * remembered, keyed by the token string itself, so a token that differs in any character (a forged signature, an
 * altered claim) is checked afresh; rejections are not remembered. A remembered token is given back only while the
 * wrapped decoder would still accept its lifetime: until {@code exp} plus the clock skew, the same test as
 * {@link JwtTimestampValidator}'s, so an expired token is refused as before. A token without {@code exp} is never
 * remembered. What this gives up: a token signed with a realm key that is withdrawn while the token lives is still
 * let through by the gateway until it expires (the service behind it checks the token again either way).
 * <p>
 * At most {@link #MAX_TOKENS} tokens are kept (a few per integrator client); when they are all in use, expired ones are
 * dropped, and a token that still finds no room is checked every time, as without the cache.
 */
final class CachedJwtDecoder implements ReactiveJwtDecoder {

	static final int MAX_TOKENS = 1_000;

	private final ReactiveJwtDecoder decoder;

	private final Duration clockSkew;

	private final Clock clock;

	private final ConcurrentMap<String, Jwt> accepted = new ConcurrentHashMap<>();

	CachedJwtDecoder(ReactiveJwtDecoder decoder, Duration clockSkew, Clock clock) {
		this.decoder = decoder;
		this.clockSkew = clockSkew;
		this.clock = clock;
	}

	@Override
	public Mono<Jwt> decode(String token) {
		Jwt known = this.accepted.get(token);
		if (known != null) {
			if (isLive(known, this.clock.instant())) {
				return Mono.just(known);
			}
			this.accepted.remove(token, known);
		}
		return this.decoder.decode(token).doOnNext((jwt) -> remember(token, jwt));
	}

	int size() {
		return this.accepted.size();
	}

	private void remember(String token, Jwt jwt) {
		if (jwt.getExpiresAt() == null) {
			return;
		}
		if (this.accepted.size() >= MAX_TOKENS) {
			Instant now = this.clock.instant();
			this.accepted.values().removeIf((remembered) -> !isLive(remembered, now));
			if (this.accepted.size() >= MAX_TOKENS) {
				return;
			}
		}
		this.accepted.put(token, jwt);
	}

	/** {@link JwtTimestampValidator}: refused once {@code now - clockSkew} is after {@code exp}. */
	private boolean isLive(Jwt jwt, Instant now) {
		return !now.minus(this.clockSkew).isAfter(jwt.getExpiresAt());
	}

}
