package org.inspectflow.workflow.verification;

import java.util.List;

import org.inspectflow.contracts.events.ClueDismissed;
import org.inspectflow.contracts.events.DismissalReason;
import org.inspectflow.workflow.cases.CaseRepository;
import org.inspectflow.workflow.cases.CaseStatus;
import org.inspectflow.workflow.process.CaseEvents;
import org.inspectflow.workflow.process.EngineClock;
import org.inspectflow.workflow.process.ProcessConstants;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/** An unfounded clue ends the case, with the officer's reason. */
@Component
class DismissClueDelegate implements JavaDelegate {

	private final CaseRepository cases;

	private final CaseEvents events;

	DismissClueDelegate(CaseRepository cases, CaseEvents events) {
		this.cases = cases;
		this.events = events;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String caseId = execution.getProcessBusinessKey();
		String actor = (String) execution.getVariable(ProcessConstants.VAR_ACTOR);
		DismissalReason reason = DismissalReason
			.valueOf((String) execution.getVariable(ProcessConstants.VAR_DISMISSAL_REASON));
		String explanation = (String) execution.getVariable(ProcessConstants.VAR_DISMISSAL_EXPLANATION);
		this.cases.end(caseId, CaseStatus.DISMISSED, "DISMISSED", null, EngineClock.now());
		this.cases.appendTimeline(caseId, "CLUE_DISMISSED", actor, EngineClock.now(),
				reason + (explanation == null ? "" : ": " + explanation), List.of());
		this.events.publish(execution, ClueDismissed.TYPE, caseId,
				new ClueDismissed(caseId, (String) execution.getVariable(ProcessConstants.VAR_CLUE_ID),
						(String) execution.getVariable(ProcessConstants.VAR_ENTERPRISE_USCC), reason, explanation,
						EngineClock.nowInChina(), actor));
	}

}
