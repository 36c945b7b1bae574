package org.inspectflow.workflow.process;

import java.util.List;

import org.assertj.core.api.AbstractAssert;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.history.HistoricActivityInstance;
import org.operaton.bpm.engine.history.HistoricProcessInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * AssertJ over engine queries for one case's process (Operaton's own assert library is not served here): where it
 * waits, what it passed, how it ended.
 */
public final class ProcessAssert extends AbstractAssert<ProcessAssert, String> {

	private final RuntimeService runtime;

	private final HistoryService history;

	private final String processKey;

	private ProcessAssert(String caseId, String processKey, RuntimeService runtime, HistoryService history) {
		super(caseId, ProcessAssert.class);
		this.processKey = processKey;
		this.runtime = runtime;
		this.history = history;
	}

	public static ProcessAssert assertThatCase(String caseId, RuntimeService runtime, HistoryService history) {
		return new ProcessAssert(caseId, ProcessConstants.CASE_HANDLING_PROCESS, runtime, history);
	}

	public static ProcessAssert assertThatPenaltyCase(String caseId, RuntimeService runtime, HistoryService history) {
		return new ProcessAssert(caseId, ProcessConstants.PENALTY_CASE_PROCESS, runtime, history);
	}

	/** Waits in exactly these activities (any order). */
	public ProcessAssert isWaitingAt(String... activityIds) {
		assertThat(activeActivities()).as("activities case %s waits in", this.actual)
			.containsExactlyInAnyOrder(activityIds);
		return this;
	}

	/** Waits in these activities, maybe among others. */
	public ProcessAssert isWaitingAlsoAt(String... activityIds) {
		assertThat(activeActivities()).as("activities case %s waits in", this.actual).contains(activityIds);
		return this;
	}

	public ProcessAssert hasPassed(String... activityIds) {
		assertThat(passed()).as("activities case %s passed", this.actual).contains(activityIds);
		return this;
	}

	public ProcessAssert hasPassedInOrder(String... activityIds) {
		assertThat(passed()).as("activities case %s passed", this.actual).containsSubsequence(activityIds);
		return this;
	}

	public ProcessAssert hasNotPassed(String... activityIds) {
		assertThat(passed()).as("activities case %s passed", this.actual).doesNotContain(activityIds);
		return this;
	}

	public ProcessAssert isEndedAt(String endEventId) {
		HistoricProcessInstance instance = instance();
		assertThat(instance.getEndTime()).as("end of case %s", this.actual).isNotNull();
		assertThat(instance.getEndActivityId()).as("end event of case %s", this.actual).isEqualTo(endEventId);
		return this;
	}

	public ProcessAssert isNotEnded() {
		assertThat(instance().getEndTime()).as("end of case %s", this.actual).isNull();
		return this;
	}

	private HistoricProcessInstance instance() {
		List<HistoricProcessInstance> instances = this.history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(this.actual)
			.processDefinitionKey(this.processKey)
			.orderByProcessInstanceStartTime()
			.desc()
			.list();
		assertThat(instances).as("%s instances of case %s", this.processKey, this.actual).isNotEmpty();
		return instances.get(0);
	}

	private List<String> activeActivities() {
		HistoricProcessInstance instance = instance();
		if (instance.getEndTime() != null) {
			return List.of();
		}
		return this.runtime.getActiveActivityIds(instance.getId());
	}

	private List<String> passed() {
		return this.history.createHistoricActivityInstanceQuery()
			.processInstanceId(instance().getId())
			.finished()
			.orderByHistoricActivityInstanceStartTime()
			.asc()
			.orderPartiallyByOccurrence()
			.asc()
			.list()
			.stream()
			.map(HistoricActivityInstance::getActivityId)
			.toList();
	}

}
