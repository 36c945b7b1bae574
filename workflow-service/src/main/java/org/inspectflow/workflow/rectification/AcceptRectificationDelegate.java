package org.inspectflow.workflow.rectification;

import java.util.List;

import org.inspectflow.contracts.events.RectificationAccepted;
import org.inspectflow.workflow.cases.CaseRepository;
import org.inspectflow.workflow.process.CaseEvents;
import org.inspectflow.workflow.process.EngineClock;
import org.inspectflow.workflow.process.ProcessConstants;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/** The officer accepted the enterprise's proof. */
@Component
class AcceptRectificationDelegate implements JavaDelegate {

	private final CaseRepository cases;

	private final CaseEvents events;

	AcceptRectificationDelegate(CaseRepository cases, CaseEvents events) {
		this.cases = cases;
		this.events = events;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String caseId = execution.getProcessBusinessKey();
		String actor = (String) execution.getVariable(ProcessConstants.VAR_ACTOR);
		String given = (String) execution.getVariable(ProcessConstants.VAR_REVIEW_COMMENT);
		String comment = given == null || given.isBlank() ? null : given;
		int round = ((Number) execution.getVariable(ProcessConstants.VAR_ROUND)).intValue();
		this.cases.setStatus(caseId, org.inspectflow.workflow.cases.CaseStatus.RECTIFIED);
		this.cases.appendTimeline(caseId, "RECTIFICATION_ACCEPTED", actor, EngineClock.now(),
				"round " + round + (comment == null ? "" : ": " + comment), List.of());
		this.events.publish(execution, RectificationAccepted.TYPE, caseId,
				new RectificationAccepted(caseId, (String) execution.getVariable(ProcessConstants.VAR_ENTERPRISE_USCC),
						(String) execution.getVariable(ProcessConstants.VAR_ORDER_ID), round,
						(String) execution.getVariable(ProcessConstants.VAR_SUBMISSION_ID), comment,
						EngineClock.nowInChina(), actor));
	}

}
