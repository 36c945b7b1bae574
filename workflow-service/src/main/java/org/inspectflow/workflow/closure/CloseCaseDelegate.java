package org.inspectflow.workflow.closure;

import java.util.List;

import org.inspectflow.contracts.events.CaseClosed;
import org.inspectflow.contracts.events.CaseOutcome;
import org.inspectflow.workflow.cases.CaseRepository;
import org.inspectflow.workflow.cases.CaseStatus;
import org.inspectflow.workflow.process.CaseEvents;
import org.inspectflow.workflow.process.EngineClock;
import org.inspectflow.workflow.process.ProcessConstants;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * Closure (销号): the problem is rectified and any penalty case is concluded. enterprise-service updates the
 * enterprise's compliance record from {@code CaseClosed}.
 */
@Component
class CloseCaseDelegate implements JavaDelegate {

	private final CaseRepository cases;

	private final CaseEvents events;

	CloseCaseDelegate(CaseRepository cases, CaseEvents events) {
		this.cases = cases;
		this.events = events;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String caseId = execution.getProcessBusinessKey();
		String actor = (String) execution.getVariable(ProcessConstants.VAR_ACTOR);
		this.cases.end(caseId, CaseStatus.CLOSED, CaseOutcome.RECTIFIED.name(), null, EngineClock.now());
		this.cases.appendTimeline(caseId, "CASE_CLOSED", actor, EngineClock.now(), "rectified (销号)", List.of());
		this.events.publish(execution, CaseClosed.TYPE, caseId,
				new CaseClosed(caseId, (String) execution.getVariable(ProcessConstants.VAR_ENTERPRISE_USCC),
						CaseOutcome.RECTIFIED, EngineClock.nowInChina(), actor));
	}

}
