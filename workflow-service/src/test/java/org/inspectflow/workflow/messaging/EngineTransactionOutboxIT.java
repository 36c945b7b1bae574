package org.inspectflow.workflow.messaging;

import java.time.OffsetDateTime;
import java.util.Map;

import org.inspectflow.contracts.events.CaseClosed;
import org.inspectflow.contracts.events.CaseOutcome;
import org.inspectflow.support.messaging.Envelopes;
import org.inspectflow.support.outbox.JdbcOutbox;
import org.inspectflow.support.outbox.OutboxRelay;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.delegate.JavaDelegate;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The outbox of workflow-service is written in the engine's own transaction: an event recorded by a delegate exists
 * only if the engine commits the step, and is gone with a step that fails later in the same transaction.
 */
@SpringBootTest(properties = "inspectflow.messaging.outbox-interval=1h")
class EngineTransactionOutboxIT {

	@Autowired
	RuntimeService runtime;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	OutboxRelay relay;

	@BeforeEach
	void stopRelaying() {
		this.relay.stop(); // keep the rows in the table so the test can see them
		this.jdbc.update("DELETE FROM inspectflow_outbox");
	}

	@AfterEach
	void startRelaying() {
		this.jdbc.update("DELETE FROM inspectflow_outbox");
		this.relay.start();
	}

	@Test
	void anEventRecordedByACommittedStepIsInTheOutbox() {
		this.runtime.startProcessInstanceByKey("OutboxProbeProcess", "CASE-2026-000301",
				Map.of("caseId", "CASE-2026-000301", "fail", false));
		assertThat(this.jdbc.queryForList("SELECT subject FROM inspectflow_outbox", String.class))
			.containsExactly("CASE-2026-000301");
	}

	@Test
	void anEventRecordedBeforeAFailureInTheSameTransactionIsGone() {
		assertThatThrownBy(() -> this.runtime.startProcessInstanceByKey("OutboxProbeProcess", "CASE-2026-000302",
				Map.of("caseId", "CASE-2026-000302", "fail", true)))
			.hasMessageContaining("the step fails");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM inspectflow_outbox", Integer.class)).isZero();
		assertThat(this.runtime.createProcessInstanceQuery().processInstanceBusinessKey("CASE-2026-000302").count())
			.isZero();
	}

	@TestConfiguration
	static class ProbeDelegates {

		@Bean
		JavaDelegate recordCaseClosedDelegate(JdbcOutbox outbox, Envelopes envelopes) {
			return (execution) -> {
				String caseId = (String) execution.getVariable("caseId");
				outbox.append(envelopes.of(CaseClosed.TYPE, caseId, new CaseClosed(caseId, "914403040000DM001P",
						CaseOutcome.RECTIFIED, OffsetDateTime.now(), "officer1")));
			};
		}

		@Bean
		JavaDelegate finishOrFailDelegate() {
			return (execution) -> {
				if (Boolean.TRUE.equals(execution.getVariable("fail"))) {
					throw new IllegalStateException("the step fails after the event was recorded");
				}
			};
		}

	}

}
