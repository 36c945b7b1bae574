package org.inspectflow.enterprise.portal.domain;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SubmissionRulesTest {

	static final LocalDate TODAY = LocalDate.parse("2026-11-30");

	@Test
	void acceptsAStatementWithOrWithoutEvidence() {
		assertThat(SubmissionRules.problems("更换了活性炭", TODAY, List.of("EV-1"), TODAY)).isEmpty();
		assertThat(SubmissionRules.problems("更换了活性炭", null, List.of(), TODAY)).isEmpty();
	}

	@Test
	void reportsEveryProblemAtOnce() {
		List<String> problems = SubmissionRules.problems(" ", TODAY.plusDays(1), List.of("EV-1", "EV-1"), TODAY);
		assertThat(problems).hasSize(3);
		assertThat(problems.get(0)).contains("statement is required");
		assertThat(problems.get(1)).contains("in the future");
		assertThat(problems.get(2)).contains("twice");
		assertThat(SubmissionRules.problems("x".repeat(4001), null, Collections.nCopies(51, "EV"), TODAY))
			.anyMatch((p) -> p.contains("longer than 4000"))
			.anyMatch((p) -> p.contains("at most 50"));
	}

	@Test
	void statusFollowsTheRoundsFacts() {
		assertThat(OrderStatus.of(false, false, false, true, false, false))
			.isEqualTo(OrderStatus.WAITING_FOR_SUBMISSION);
		assertThat(OrderStatus.of(false, false, false, false, true, false)).isEqualTo(OrderStatus.UNDER_REVIEW);
		assertThat(OrderStatus.of(false, false, false, false, true, true)).isEqualTo(OrderStatus.REJECTED);
		assertThat(OrderStatus.of(false, false, true, false, true, true)).isEqualTo(OrderStatus.ESCALATED);
		assertThat(OrderStatus.of(false, true, false, false, true, false)).isEqualTo(OrderStatus.ACCEPTED);
		assertThat(OrderStatus.of(true, true, false, false, true, false)).isEqualTo(OrderStatus.CLOSED);
	}

}
