package org.inspectflow.workflow.tasks;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.inspectflow.contracts.RecipientType;
import org.inspectflow.contracts.commands.SendNotification;
import org.inspectflow.workflow.cases.CaseRepository;
import org.inspectflow.workflow.process.CaseEvents;
import org.inspectflow.workflow.process.EngineClock;
import org.inspectflow.workflow.process.ProcessConstants;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * An officer's task passed its due date, or an answer the case waits for did not come: the city's supervisors are
 * told (the task stays with the officer; the supervisor may reassign it).
 */
@Component
class EscalateOverdueTaskDelegate implements JavaDelegate {

	private final CaseEvents events;

	private final CaseRepository cases;

	EscalateOverdueTaskDelegate(CaseEvents events, CaseRepository cases) {
		this.events = events;
		this.cases = cases;
	}

	/**
	 * What is late: the case's open tasks past their due date, or else the wait for an answer (the 12-month
	 * look-back); one escalation step serves every overdue timer of the process.
	 */
	private static String overdueStep(DelegateExecution execution) {
		java.util.Date now = java.util.Date.from(EngineClock.now());
		List<String> late = execution.getProcessEngineServices()
			.getTaskService()
			.createTaskQuery()
			.processInstanceId(execution.getProcessInstanceId())
			.dueBefore(now)
			.list()
			.stream()
			.map((task) -> task.getName())
			.toList();
		if (!late.isEmpty()) {
			return String.join(", ", late);
		}
		return execution.getProcessEngineServices()
			.getRuntimeService()
			.getActiveActivityIds(execution.getProcessInstanceId())
			.contains(ProcessConstants.TASK_WAIT_FOR_FIRST_OFFENCE_RESULT) ? "12-month look-back (no answer)"
					: "a step";
	}

	@Override
	public void execute(DelegateExecution execution) {
		String caseId = execution.getProcessBusinessKey();
		String city = (String) execution.getVariable(ProcessConstants.VAR_CITY);
		String activity = execution.getCurrentActivityId();
		String notificationId = UUID
			.nameUUIDFromBytes((caseId + "|" + activity + "|" + execution.getActivityInstanceId())
				.getBytes(StandardCharsets.UTF_8))
			.toString();
		this.events.publish(execution, SendNotification.TYPE, caseId,
				new SendNotification(notificationId, caseId, RecipientType.SUPERVISOR, "city:" + city, "task-overdue",
						Map.of("caseId", caseId, "district", (String) execution.getVariable(ProcessConstants.VAR_DISTRICT),
								"escalation", overdueStep(execution))));
		this.cases.appendTimeline(caseId, "TASK_ESCALATED", "system", EngineClock.now(),
				overdueStep(execution) + " overdue: supervisors of " + city + " told", List.of());
	}

}
