package org.inspectflow.notification.webhooks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.inspectflow.notification.webhooks.WebhookSecrets.SealedSecret;
import org.inspectflow.notification.webhooks.WebhookSecrets.UnreadableSecretException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Sealing webhook secrets at rest: what is stored does not show the secret, the configured key opens it, and a wrong,
 * missing or malformed key is reported as such, never turned into a secret that signs garbage.
 */
class WebhookSecretsTest {

	private static final String KEY = Base64.getEncoder()
		.encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

	private static final String OTHER_KEY = Base64.getEncoder()
		.encodeToString("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII));

	private static final String SECRET = "whsec_00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

	@Test
	void aSealedSecretDoesNotShowTheSecretAndOpensWithItsKey() {
		WebhookSecrets secrets = WebhookSecrets.withKey(KEY);
		SealedSecret sealed = secrets.seal(SECRET);

		assertThat(sealed.algorithm()).isEqualTo("AES-256-GCM");
		assertThat(sealed.keyId()).isEqualTo(secrets.keyId()).hasSize(16).doesNotContain(KEY);
		assertThat(sealed.value()).doesNotContain(SECRET).doesNotContain("whsec_");
		assertThat(new String(Base64.getDecoder().decode(sealed.value()), StandardCharsets.ISO_8859_1))
			.doesNotContain("whsec_");
		assertThat(sealed.toString()).doesNotContain(sealed.value());
		assertThat(secrets.seal(SECRET).value()).as("a fresh IV for every sealing").isNotEqualTo(sealed.value());
		assertThat(secrets.open("WH-1", sealed)).isEqualTo(SECRET);
		assertThat(WebhookSecrets.withKey(KEY).open("WH-1", sealed)).as("the same key after a restart")
			.isEqualTo(SECRET);
	}

	@Test
	void anotherKeyIsRefusedNamingBothKeysAndTheSetting() {
		SealedSecret sealed = WebhookSecrets.withKey(KEY).seal(SECRET);
		WebhookSecrets other = WebhookSecrets.withKey(OTHER_KEY);

		assertThatThrownBy(() -> other.open("WH-1", sealed)).isInstanceOf(UnreadableSecretException.class)
			.hasMessageContaining("WH-1")
			.hasMessageContaining(sealed.keyId())
			.hasMessageContaining(other.keyId())
			.hasMessageContaining("INSPECTFLOW_WEBHOOK_SECRET_KEY");
	}

	@Test
	void anAlteredSecretIsRefusedByTheTag() {
		WebhookSecrets secrets = WebhookSecrets.withKey(KEY);
		SealedSecret sealed = secrets.seal(SECRET);
		byte[] bytes = Base64.getDecoder().decode(sealed.value());
		bytes[bytes.length / 2] ^= 1;
		SealedSecret altered = new SealedSecret(sealed.algorithm(), sealed.keyId(),
				Base64.getEncoder().encodeToString(bytes));

		assertThatThrownBy(() -> secrets.open("WH-2", altered)).isInstanceOf(UnreadableSecretException.class)
			.hasMessageContaining("WH-2")
			.hasMessageContaining("altered");
		assertThatThrownBy(() -> secrets.open("WH-2", new SealedSecret("ROT13", sealed.keyId(), sealed.value())))
			.isInstanceOf(UnreadableSecretException.class)
			.hasMessageContaining("ROT13");
	}

	@Test
	void aMissingOrMalformedKeyStopsTheStartWithWhatToSet() {
		assertThatThrownBy(() -> WebhookSecrets.withKey(null)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("INSPECTFLOW_WEBHOOK_SECRET_KEY")
			.hasMessageContaining("is not set");
		assertThatThrownBy(() -> WebhookSecrets.withKey("  ")).hasMessageContaining("is not set");
		assertThatThrownBy(() -> WebhookSecrets.withKey("not base64 at all!")).hasMessageContaining("is not base64");
		String short16 = Base64.getEncoder().encodeToString(new byte[16]);
		assertThatThrownBy(() -> WebhookSecrets.withKey(short16)).hasMessageContaining("holds 16 bytes")
			.hasMessageContaining("needs 32")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(short16));
	}

	@Test
	void theDemoKeyOfTheLocalStackIsRecognisedSoThatTheServiceWarns() throws IOException {
		String yaml = Files.readString(Path.of("src/main/resources/application.yml"));
		Matcher demo = Pattern.compile("secret-key: \\$\\{INSPECTFLOW_WEBHOOK_SECRET_KEY:([^}]+)}").matcher(yaml);
		assertThat(demo.find()).as("application.yml has the demo default").isTrue();
		assertThat(WebhookSecrets.withKey(demo.group(1)).keyId()).isEqualTo(WebhookSecrets.DEMO_KEY_ID);
		assertThat(WebhookSecrets.withKey(KEY).keyId()).isNotEqualTo(WebhookSecrets.DEMO_KEY_ID);
	}

}
