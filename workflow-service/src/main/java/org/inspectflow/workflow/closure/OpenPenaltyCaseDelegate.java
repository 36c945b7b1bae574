package org.inspectflow.workflow.closure;

import java.util.List;

import org.inspectflow.contracts.events.PenaltyCaseOpened;
import org.inspectflow.contracts.events.PenaltyGrounds;
import org.inspectflow.workflow.cases.CaseRepository;
import org.inspectflow.workflow.process.CaseEvents;
import org.inspectflow.workflow.process.EngineClock;
import org.inspectflow.workflow.process.ProcessConstants;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/** Opens a penalty case (立案) for the case, with its number and grounds. */
@Component
class OpenPenaltyCaseDelegate implements JavaDelegate {

	private final CaseRepository cases;

	private final CaseEvents events;

	OpenPenaltyCaseDelegate(CaseRepository cases, CaseEvents events) {
		this.cases = cases;
		this.events = events;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String caseId = execution.getProcessBusinessKey();
		String number = "PEN-" + caseId.replace("CASE-", "") + "-"
				+ execution.getProcessInstanceId().substring(0, 8).toUpperCase();
		PenaltyGrounds grounds = PenaltyGrounds
			.valueOf((String) execution.getVariable(ProcessConstants.VAR_PENALTY_GROUNDS));
		execution.setVariable(ProcessConstants.VAR_PENALTY_CASE_NUMBER, number);
		this.cases.appendTimeline(caseId, "PENALTY_CASE_OPENED", "system", EngineClock.now(),
				number + ": " + grounds, List.of());
		this.events.publish(execution, PenaltyCaseOpened.TYPE, caseId,
				new PenaltyCaseOpened(caseId, (String) execution.getVariable(ProcessConstants.VAR_ENTERPRISE_USCC),
						number, grounds, (String) execution.getVariable(ProcessConstants.VAR_VIOLATION_TYPE),
						(String) execution.getVariable(ProcessConstants.VAR_LEGAL_BASIS), EngineClock.nowInChina(),
						"system"));
	}

}
