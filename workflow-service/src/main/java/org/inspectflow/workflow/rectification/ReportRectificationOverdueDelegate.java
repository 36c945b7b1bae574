package org.inspectflow.workflow.rectification;

import java.time.LocalDate;
import java.util.List;

import org.inspectflow.contracts.events.PenaltyGrounds;
import org.inspectflow.contracts.events.RectificationOverdue;
import org.inspectflow.workflow.cases.CaseRepository;
import org.inspectflow.workflow.process.CaseEvents;
import org.inspectflow.workflow.process.EngineClock;
import org.inspectflow.workflow.process.ProcessConstants;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/** The deadline passed without a submission: the case escalates to the city's supervisors. */
@Component
class ReportRectificationOverdueDelegate implements JavaDelegate {

	private final CaseRepository cases;

	private final CaseEvents events;

	ReportRectificationOverdueDelegate(CaseRepository cases, CaseEvents events) {
		this.cases = cases;
		this.events = events;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String caseId = execution.getProcessBusinessKey();
		LocalDate deadline = LocalDate
			.parse((String) execution.getVariable(ProcessConstants.VAR_RECTIFICATION_DEADLINE));
		String supervisors = "city:" + execution.getVariable(ProcessConstants.VAR_CITY);
		Escalation.escalate(execution, this.cases, PenaltyGrounds.RECTIFICATION_OVERDUE);
		this.cases.appendTimeline(caseId, "RECTIFICATION_OVERDUE", "system", EngineClock.now(),
				"deadline " + deadline + " passed; escalated to " + supervisors, List.of());
		this.events.publish(execution, RectificationOverdue.TYPE, caseId,
				new RectificationOverdue(caseId, (String) execution.getVariable(ProcessConstants.VAR_ENTERPRISE_USCC),
						(String) execution.getVariable(ProcessConstants.VAR_ORDER_ID),
						((Number) execution.getVariable(ProcessConstants.VAR_ROUND)).intValue(), deadline,
						supervisors));
	}

}
