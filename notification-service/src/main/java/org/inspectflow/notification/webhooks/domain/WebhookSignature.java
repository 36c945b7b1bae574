package org.inspectflow.notification.webhooks.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Proof that a webhook delivery comes from InspectFlow and was not changed or replayed: HMAC-SHA256 with the
 * subscription's secret over {@code <unix seconds> + "." + <body>}, sent as
 * {@value #HEADER}{@code : t=<unix seconds>,v1=<hex>}. The timestamp is inside the signed text, so a receiver that
 * refuses timestamps older than its window (five minutes) refuses replays; a later version of the scheme adds a
 * {@code v2=} beside {@code v1=} rather than changing it.
 */
public final class WebhookSignature {

	public static final String HEADER = "X-InspectFlow-Signature";

	public static final Duration REPLAY_WINDOW = Duration.ofMinutes(5);

	private WebhookSignature() {
	}

	/** The header value for a body sent at {@code at}. */
	public static String header(String secret, Instant at, String body) {
		long timestamp = at.getEpochSecond();
		return "t=" + timestamp + ",v1=" + hmac(secret, timestamp + "." + body);
	}

	/**
	 * The receiver's check, as documented in the README: parse {@code t} and {@code v1}, recompute the HMAC over
	 * {@code t + "." + body}, compare in constant time, and refuse a {@code t} further than {@code window} from now.
	 */
	public static boolean verify(String secret, String header, String body, Instant now, Duration window) {
		if (header == null) {
			return false;
		}
		String timestamp = null;
		String signature = null;
		for (String part : header.split(",")) {
			String[] pair = part.trim().split("=", 2);
			if (pair.length == 2 && pair[0].equals("t")) {
				timestamp = pair[1];
			}
			else if (pair.length == 2 && pair[0].equals("v1")) {
				signature = pair[1];
			}
		}
		if (timestamp == null || signature == null || !timestamp.matches("\\d{1,12}")) {
			return false;
		}
		Instant signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
		if (Duration.between(signedAt, now).abs().compareTo(window) > 0) {
			return false;
		}
		byte[] expected = hmac(secret, timestamp + "." + body).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, signature.toLowerCase().getBytes(StandardCharsets.US_ASCII));
	}

	static String hmac(String secret, String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
