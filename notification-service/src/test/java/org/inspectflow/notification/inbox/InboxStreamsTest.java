package org.inspectflow.notification.inbox;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InboxStreamsTest {

	private final InboxStreams streams = new InboxStreams(
			new InboxProperties(Duration.ofMinutes(5), Duration.ofSeconds(25), 5));

	@Test
	void stoppingEndsEveryOpenStreamBeforeTheWebServerWaitsForThem() {
		this.streams.start();
		this.streams.open("officer1", 2);
		this.streams.open("officer1", 2);
		this.streams.open("enterprise1", 0);
		assertThat(this.streams.openStreams("officer1")).isEqualTo(2);

		this.streams.stop();

		assertThat(this.streams.isRunning()).isFalse();
		assertThat(this.streams.openStreams("officer1")).isZero();
		assertThat(this.streams.openStreams("enterprise1")).isZero();
	}

	@Test
	void stopsBeforeTheGracefulShutdownOfTheWebServer() {
		// SmartLifecycle stops the highest phase first
		assertThat(this.streams.getPhase())
			.isGreaterThan(org.springframework.boot.web.context.WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE);
	}

}
