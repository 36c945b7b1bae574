package org.inspectflow.workflow.rectification;

import org.inspectflow.contracts.events.PenaltyGrounds;
import org.inspectflow.workflow.cases.CaseRepository;
import org.inspectflow.workflow.cases.CaseStatus;
import org.inspectflow.workflow.process.ProcessConstants;
import org.operaton.bpm.engine.delegate.DelegateExecution;

/**
 * What every escalation of a rectification does to the process: a penalty case on these grounds unless one is
 * decided or was opened by an earlier escalation, a fresh count of rejected rounds, and the case marked escalated.
 */
final class Escalation {

	private Escalation() {
	}

	static void escalate(DelegateExecution execution, CaseRepository cases, PenaltyGrounds grounds) {
		boolean penaltyDecided = ProcessConstants.PENALTY_DECISION_PENALTY_CASE
			.equals(execution.getVariable(ProcessConstants.VAR_PENALTY_DECISION));
		boolean escalatedBefore = Boolean.TRUE.equals(execution.getVariable("escalatedBefore"));
		boolean needed = !penaltyDecided && !escalatedBefore;
		execution.setVariable(ProcessConstants.VAR_ESCALATION_PENALTY_NEEDED, needed);
		if (needed) {
			execution.setVariable(ProcessConstants.VAR_PENALTY_GROUNDS, grounds.name());
		}
		execution.setVariable("escalatedBefore", true);
		execution.setVariable(ProcessConstants.VAR_REJECTIONS, 0);
		cases.setStatus(execution.getProcessBusinessKey(), CaseStatus.ESCALATED);
	}

}
