package org.inspectflow.workflow.closure;

import java.util.List;

import org.inspectflow.workflow.cases.CaseRepository;
import org.inspectflow.workflow.process.EngineClock;
import org.inspectflow.workflow.process.ProcessConstants;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/** Concludes a penalty case (结案) on the case's record. */
@Component
class ClosePenaltyCaseDelegate implements JavaDelegate {

	private final CaseRepository cases;

	ClosePenaltyCaseDelegate(CaseRepository cases) {
		this.cases = cases;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.cases.appendTimeline(execution.getProcessBusinessKey(), "PENALTY_CASE_CLOSED",
				String.valueOf(execution.getVariable(ProcessConstants.VAR_ACTOR)), EngineClock.now(),
				execution.getVariable(ProcessConstants.VAR_PENALTY_CASE_NUMBER) + ": "
						+ execution.getVariable("penaltyDecisionText"),
				List.of());
	}

}
