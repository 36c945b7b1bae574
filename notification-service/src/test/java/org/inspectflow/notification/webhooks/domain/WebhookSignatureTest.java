package org.inspectflow.notification.webhooks.domain;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

	private static final String SECRET = "whsec_test-secret-0123456789";

	private static final Instant SENT = Instant.parse("2026-11-29T08:00:00Z");

	private static final String BODY = "{\"id\":\"e1\",\"type\":\"workflow.CaseClosed.v1\"}";

	@Test
	void theHeaderIsTheHmacOfTimestampDotBodyAsTheReadmeDocumentsIt() throws Exception {
		String header = WebhookSignature.header(SECRET, SENT, BODY);

		// the README's procedure, written independently of the class under test
		assertThat(header).matches("t=\\d+,v1=[0-9a-f]{64}");
		String t = header.substring(2, header.indexOf(','));
		String v1 = header.substring(header.indexOf("v1=") + 3);
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		String expected = HexFormat.of().formatHex(mac.doFinal((t + "." + BODY).getBytes(StandardCharsets.UTF_8)));
		assertThat(v1).isEqualTo(expected);
		assertThat(Long.parseLong(t)).isEqualTo(SENT.getEpochSecond());
		assertThat(WebhookSignature.verify(SECRET, header, BODY, SENT.plusSeconds(30), Duration.ofMinutes(5)))
			.isTrue();
	}

	@Test
	void aTamperedBodyAWrongSecretOrAnOldTimestampFail() {
		String header = WebhookSignature.header(SECRET, SENT, BODY);
		Duration window = WebhookSignature.REPLAY_WINDOW;
		assertThat(WebhookSignature.verify(SECRET, header, BODY.replace("e1", "e2"), SENT, window)).isFalse();
		assertThat(WebhookSignature.verify("another-secret-0123456", header, BODY, SENT, window)).isFalse();
		assertThat(WebhookSignature.verify(SECRET, header, BODY, SENT.plus(Duration.ofMinutes(6)), window)).isFalse();
		String shifted = header.replace("t=" + SENT.getEpochSecond(), "t=" + SENT.plusSeconds(600).getEpochSecond());
		assertThat(WebhookSignature.verify(SECRET, shifted, BODY, SENT.plusSeconds(600), window))
			.as("a fresh timestamp on an old signature")
			.isFalse();
		assertThat(WebhookSignature.verify(SECRET, "v1=abc", BODY, SENT, window)).isFalse();
		assertThat(WebhookSignature.verify(SECRET, null, BODY, SENT, window)).isFalse();
	}

}
