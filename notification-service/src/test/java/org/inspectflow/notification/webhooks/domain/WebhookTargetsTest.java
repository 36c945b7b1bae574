package org.inspectflow.notification.webhooks.domain;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookTargetsTest {

	private final WebhookTargets strict = new WebhookTargets(WebhookTargetsTest::resolve, false);

	@Test
	void loopbackLinkLocalAndPrivateTargetsAreRefusedWithTheReason() {
		assertThat(this.strict.refusal("http://localhost:8080/hook")).hasValueSatisfying(
				(reason) -> assertThat(reason).contains("127.0.0.1").contains("loopback"));
		assertThat(this.strict.refusal("http://127.0.0.1/hook")).get().asString().contains("loopback");
		assertThat(this.strict.refusal("http://[::1]/hook")).get().asString().contains("loopback");
		assertThat(this.strict.refusal("http://169.254.169.254/latest/meta-data")).get()
			.asString()
			.contains("link-local");
		assertThat(this.strict.refusal("https://10.1.2.3/hook")).get().asString().contains("private");
		assertThat(this.strict.refusal("https://172.16.0.9/hook")).get().asString().contains("private");
		assertThat(this.strict.refusal("https://192.168.1.1/hook")).get().asString().contains("private");
		assertThat(this.strict.refusal("https://[fd00::1]/hook")).get().asString().contains("unique local");
		assertThat(this.strict.refusal("https://[::ffff:10.0.0.1]/hook")).get().asString().contains("private");
		assertThat(this.strict.refusal("https://100.64.0.1/hook")).get().asString().contains("carrier-grade NAT");
		assertThat(this.strict.refusal("http://0.0.0.0/hook")).isPresent();
		assertThat(this.strict.refusal("https://internal.example/hook")).as("a name resolving to a private address")
			.get()
			.asString()
			.contains("10.9.8.7");
	}

	@Test
	void publicHttpsTargetsPassAndOtherSchemesDoNot() {
		assertThat(this.strict.refusal("https://93.184.216.34/hook")).isEmpty();
		assertThat(this.strict.refusal("https://hooks.example/inspectflow")).isEmpty();
		assertThat(this.strict.refusal("ftp://93.184.216.34/hook")).isPresent();
		assertThat(this.strict.refusal("file:///etc/passwd")).isPresent();
		assertThat(this.strict.refusal("https://user:pw@93.184.216.34/hook")).isPresent();
	}

	@Test
	void theFlagAllowsPrivateTargetsForTheLocalDemo() {
		WebhookTargets demo = new WebhookTargets(WebhookTargetsTest::resolve, true);
		assertThat(demo.refusal("http://localhost:9000/hook")).isEmpty();
		assertThat(demo.refusal("http://10.0.0.1/hook")).isEmpty();
	}

	private static InetAddress[] resolve(String host) throws java.net.UnknownHostException {
		return switch (host) {
			case "internal.example" -> new InetAddress[] { InetAddress.getByName("93.184.216.34"),
					InetAddress.getByName("10.9.8.7") };
			case "hooks.example" -> new InetAddress[] { InetAddress.getByName("93.184.216.35") };
			case "localhost" -> new InetAddress[] { InetAddress.getByName("127.0.0.1") };
			// literals only: no name lookups in a unit test
			default -> new InetAddress[] { InetAddress.getByName(host) };
		};
	}

}
