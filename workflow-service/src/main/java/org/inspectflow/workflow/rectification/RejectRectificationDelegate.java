package org.inspectflow.workflow.rectification;

import java.util.List;

import org.inspectflow.contracts.events.PenaltyGrounds;
import org.inspectflow.contracts.events.RectificationRejected;
import org.inspectflow.workflow.cases.CaseRepository;
import org.inspectflow.workflow.process.CaseEvents;
import org.inspectflow.workflow.process.EngineClock;
import org.inspectflow.workflow.process.ProcessConstants;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * The officer rejected the proof with reasons: a new round with a new deadline, or, after
 * {@link ProcessConstants#MAX_RECTIFICATION_ROUNDS} rejections, escalation.
 */
@Component
class RejectRectificationDelegate implements JavaDelegate {

	private final CaseRepository cases;

	private final CaseEvents events;

	RejectRectificationDelegate(CaseRepository cases, CaseEvents events) {
		this.cases = cases;
		this.events = events;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String caseId = execution.getProcessBusinessKey();
		String actor = (String) execution.getVariable(ProcessConstants.VAR_ACTOR);
		int rejections = ((Number) execution.getVariable(ProcessConstants.VAR_REJECTIONS)).intValue() + 1;
		int round = ((Number) execution.getVariable(ProcessConstants.VAR_ROUND)).intValue();
		String reasonsText = (String) execution.getVariable(ProcessConstants.VAR_REJECTION_REASONS);
		List<String> reasons = reasonsText == null ? List.of() : reasonsText.lines().toList();
		boolean exhausted = rejections >= ProcessConstants.MAX_RECTIFICATION_ROUNDS;
		execution.setVariable(ProcessConstants.VAR_REJECTIONS, rejections);
		execution.setVariable(ProcessConstants.VAR_ROUNDS_EXHAUSTED, exhausted);
		if (exhausted) {
			Escalation.escalate(execution, this.cases, PenaltyGrounds.RECTIFICATION_ROUNDS_EXHAUSTED);
		}
		this.cases.appendTimeline(caseId, "RECTIFICATION_REJECTED", actor, EngineClock.now(),
				"round " + round + ": " + String.join("; ", reasons) + (exhausted ? " (rounds exhausted: escalated)" : ""),
				List.of());
		this.events.publish(execution, RectificationRejected.TYPE, caseId,
				new RectificationRejected(caseId, (String) execution.getVariable(ProcessConstants.VAR_ENTERPRISE_USCC),
						(String) execution.getVariable(ProcessConstants.VAR_ORDER_ID), round,
						(String) execution.getVariable(ProcessConstants.VAR_SUBMISSION_ID), reasons, exhausted,
						EngineClock.nowInChina(), actor));
	}

}
