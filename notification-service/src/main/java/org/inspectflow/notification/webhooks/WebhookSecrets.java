package org.inspectflow.notification.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.encrypt.AesBytesEncryptor;
import org.springframework.security.crypto.encrypt.BytesEncryptor;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.stereotype.Component;

/**
 * Webhook secrets sealed at rest: a subscription's secret must be readable to sign deliveries (HMAC needs the secret
 * itself, not a hash), so it is encrypted with AES-256-GCM (Spring Security Crypto's {@link AesBytesEncryptor}, a
 * fresh 96-bit IV per secret, the 128-bit tag checked on opening) under a key that lives in configuration
 * ({@code inspectflow.notification.webhooks.secret-key}, {@code INSPECTFLOW_WEBHOOK_SECRET_KEY}: 32 random bytes in
 * base64), never in the database. A dump of {@code webhook_subscriptions} then holds no secret an attacker could sign
 * with.
 *
 * <p>
 * Each sealed secret names the key it was sealed with by a key id (an HMAC of a fixed label under the key, so the id
 * tells nothing about the key): a service started with another key says so at once, instead of signing with garbage
 * that every receiver would refuse.
 */
@Component
class WebhookSecrets {

	static final String ALGORITHM = "AES-256-GCM";

	static final String KEY_SETTING = "inspectflow.notification.webhooks.secret-key (INSPECTFLOW_WEBHOOK_SECRET_KEY)";

	/**
	 * The id of the demo key in {@code application.yml}, which is public: a service that runs with it warns at start.
	 * Only the id is here, so the key is written down in one place.
	 */
	static final String DEMO_KEY_ID = "03a2038e5dfda1a2";

	private static final Logger log = LoggerFactory.getLogger(WebhookSecrets.class);

	private static final int KEY_BYTES = 32;

	private static final int IV_BYTES = 12;

	private final BytesEncryptor encryptor;

	private final String keyId;

	@Autowired
	WebhookSecrets(WebhookProperties properties) {
		this(properties.secretKey());
		if (DEMO_KEY_ID.equals(this.keyId)) {
			log.warn("webhook secrets are sealed with the public demo key; set {} to your own key "
					+ "(openssl rand -base64 32) anywhere but a local demo", KEY_SETTING);
		}
	}

	private WebhookSecrets(String base64Key) {
		byte[] key = decode(base64Key);
		this.keyId = keyId(key);
		this.encryptor = new AesBytesEncryptor(new SecretKeySpec(key, "AES"), KeyGenerators.secureRandom(IV_BYTES),
				AesBytesEncryptor.CipherAlgorithm.GCM);
	}

	/** Secrets sealed with the given key (base64 of 32 bytes); for tests and tools. */
	static WebhookSecrets withKey(String base64Key) {
		return new WebhookSecrets(base64Key);
	}

	/** The id of the key in use, as sealed secrets record it. */
	String keyId() {
		return this.keyId;
	}

	SealedSecret seal(String secret) {
		byte[] sealed = this.encryptor.encrypt(secret.getBytes(StandardCharsets.UTF_8));
		return new SealedSecret(ALGORITHM, this.keyId, Base64.getEncoder().encodeToString(sealed));
	}

	/**
	 * The secret in clear, to sign with.
	 * @throws UnreadableSecretException when it was sealed with another key, or changed since it was sealed
	 */
	String open(String subscriptionId, SealedSecret sealed) {
		if (!ALGORITHM.equals(sealed.algorithm())) {
			throw new UnreadableSecretException("the secret of webhook subscription " + subscriptionId
					+ " is sealed with " + sealed.algorithm() + ", which this version cannot open");
		}
		if (!this.keyId.equals(sealed.keyId())) {
			throw new UnreadableSecretException("the secret of webhook subscription " + subscriptionId
					+ " was sealed with key " + sealed.keyId() + ", but " + KEY_SETTING + " is key " + this.keyId
					+ ": run the service with the key the secrets were sealed with");
		}
		try {
			return new String(this.encryptor.decrypt(Base64.getDecoder().decode(sealed.value())),
					StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			// GCM's tag did not match: the stored value was altered (or sealed by another key with a colliding id)
			throw new UnreadableSecretException("the secret of webhook subscription " + subscriptionId
					+ " does not open with key " + this.keyId + ": it was altered in the database", ex);
		}
	}

	private static byte[] decode(String base64Key) {
		if (base64Key == null || base64Key.isBlank()) {
			throw new IllegalStateException(KEY_SETTING + " is not set: webhook secrets are sealed with it. "
					+ "Set it to 32 random bytes in base64 (openssl rand -base64 32)");
		}
		byte[] key;
		try {
			key = Base64.getDecoder().decode(base64Key.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(KEY_SETTING + " is not base64: set it to 32 random bytes in base64 "
					+ "(openssl rand -base64 32)");
		}
		if (key.length != KEY_BYTES) {
			throw new IllegalStateException(KEY_SETTING + " holds " + key.length + " bytes; AES-256 needs "
					+ KEY_BYTES + " (openssl rand -base64 32)");
		}
		return key;
	}

	private static String keyId(byte[] key) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			byte[] id = mac.doFinal("inspectflow webhook secret key id".getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(id, 0, 8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	/**
	 * A secret as stored: the algorithm, the id of the key, and base64 of IV, ciphertext and tag.
	 */
	record SealedSecret(String algorithm, String keyId, String value) {

		@Override
		public String toString() {
			return "SealedSecret[" + this.algorithm + ", key " + this.keyId + "]";
		}

	}

	/** A sealed secret that the configured key cannot open: a configuration error, said plainly. */
	static final class UnreadableSecretException extends IllegalStateException {

		UnreadableSecretException(String message) {
			super(message);
		}

		UnreadableSecretException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
