package org.inspectflow.workflow.rectification;

import java.time.LocalDate;
import java.util.List;

import org.inspectflow.contracts.events.RectificationReminderDue;
import org.inspectflow.workflow.calendar.Deadlines;
import org.inspectflow.workflow.cases.CaseRepository;
import org.inspectflow.workflow.process.CaseEvents;
import org.inspectflow.workflow.process.EngineClock;
import org.inspectflow.workflow.process.ProcessConstants;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/** The deadline is near and nothing was submitted: the enterprise is reminded (notification-service tells it). */
@Component
class RemindRectificationDelegate implements JavaDelegate {

	private final Deadlines deadlines;

	private final CaseRepository cases;

	private final CaseEvents events;

	RemindRectificationDelegate(Deadlines deadlines, CaseRepository cases, CaseEvents events) {
		this.deadlines = deadlines;
		this.cases = cases;
		this.events = events;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String caseId = execution.getProcessBusinessKey();
		LocalDate deadline = LocalDate
			.parse((String) execution.getVariable(ProcessConstants.VAR_RECTIFICATION_DEADLINE));
		int left = this.deadlines.workingDaysLeft(EngineClock.now(), deadline);
		int round = ((Number) execution.getVariable(ProcessConstants.VAR_ROUND)).intValue();
		this.cases.appendTimeline(caseId, "RECTIFICATION_REMINDER_DUE", "system", EngineClock.now(),
				left + " working days left until " + deadline, List.of());
		this.events.publish(execution, RectificationReminderDue.TYPE, caseId,
				new RectificationReminderDue(caseId, (String) execution.getVariable(ProcessConstants.VAR_ENTERPRISE_USCC),
						(String) execution.getVariable(ProcessConstants.VAR_ORDER_ID), round, deadline,
						Boolean.TRUE.equals(execution.getVariable("rectificationDeadlineProvisional")), left));
	}

}
