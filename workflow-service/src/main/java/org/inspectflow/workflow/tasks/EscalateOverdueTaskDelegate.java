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
 * An officer's task passed its due date: the city's supervisors are told (the task stays with the officer; the
 * supervisor may reassign it).
 */
@Component
class EscalateOverdueTaskDelegate implements JavaDelegate {

	private final CaseEvents events;

	private final CaseRepository cases;

	EscalateOverdueTaskDelegate(CaseEvents events, CaseRepository cases) {
		this.events = events;
		this.cases = cases;
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
								"escalation", activity)));
		this.cases.appendTimeline(caseId, "TASK_ESCALATED", "system", EngineClock.now(),
				"verification overdue: supervisors of " + city + " told", List.of());
	}

}
