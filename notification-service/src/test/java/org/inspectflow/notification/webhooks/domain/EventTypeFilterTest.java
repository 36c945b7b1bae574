package org.inspectflow.notification.webhooks.domain;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventTypeFilterTest {

	@Test
	void exactTypesPrefixesAndEverything() {
		EventTypeFilter closures = new EventTypeFilter(List.of("workflow.CaseClosed.v1"));
		assertThat(closures.matches("workflow.CaseClosed.v1")).isTrue();
		assertThat(closures.matches("workflow.RectificationOrdered.v1")).isFalse();
		assertThat(new EventTypeFilter(List.of("workflow.*")).matches("workflow.RectificationOrdered.v1")).isTrue();
		assertThat(new EventTypeFilter(List.of("workflow.*")).matches("enterprise.RectificationSubmitted.v1"))
			.isFalse();
		assertThat(new EventTypeFilter(List.of()).matches("enterprise.RectificationSubmitted.v1")).isTrue();
		assertThat(new EventTypeFilter(List.of("*")).matches("anything.At.v1")).isTrue();
	}

}
