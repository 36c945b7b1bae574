package org.inspectflow.workflow.verification;

import java.util.List;

import org.inspectflow.contracts.events.PenaltyGrounds;
import org.inspectflow.workflow.cases.CaseRepository;
import org.inspectflow.workflow.process.EngineClock;
import org.inspectflow.workflow.process.ProcessConstants;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * Records the outcome of the first-offence table on the case (every decision is on the record, with the 12-month
 * look-back it rested on) and the grounds of a penalty case.
 */
@Component
class RecordPenaltyDecisionDelegate implements JavaDelegate {

	private final CaseRepository cases;

	RecordPenaltyDecisionDelegate(CaseRepository cases) {
		this.cases = cases;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String caseId = execution.getProcessBusinessKey();
		String decision = (String) execution.getVariable(ProcessConstants.VAR_PENALTY_DECISION);
		boolean first = Boolean.TRUE.equals(execution.getVariable(ProcessConstants.VAR_FIRST_OFFENCE));
		if (ProcessConstants.PENALTY_DECISION_PENALTY_CASE.equals(decision)) {
			boolean serious = "SERIOUS".equals(execution.getVariable(ProcessConstants.VAR_SEVERITY));
			PenaltyGrounds grounds = serious ? PenaltyGrounds.SERIOUS_VIOLATION
					: !first ? PenaltyGrounds.REPEATED_VIOLATION : PenaltyGrounds.GENERAL_VIOLATION;
			execution.setVariable(ProcessConstants.VAR_PENALTY_GROUNDS, grounds.name());
		}
		execution.setVariable(ProcessConstants.VAR_ESCALATION_PENALTY_NEEDED, false);
		execution.setVariable(ProcessConstants.VAR_REJECTIONS, 0);
		execution.setVariable(ProcessConstants.VAR_ROUND, 0);
		Object previous = execution.getVariable("previousCaseIds");
		this.cases.appendTimeline(caseId, "PENALTY_DECIDED", "Decision_FirstOffenceExemption", EngineClock.now(),
				decision + (first ? " (first offence in 12 months)"
						: " (same violation in 12 months: " + previous + ")"),
				List.of());
	}

}
