package org.inspectflow.workflow.clue;

import java.time.Instant;
import java.util.List;

import org.inspectflow.contracts.events.ClueMerged;
import org.inspectflow.workflow.cases.CaseRepository;
import org.inspectflow.workflow.cases.CaseStatus;
import org.inspectflow.workflow.process.CaseEvents;
import org.inspectflow.workflow.process.EngineClock;
import org.inspectflow.workflow.process.ProcessConstants;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/** Attaches the clue to the open case of the same problem: one problem, one case, however many people report it. */
@Component
class MergeClueDelegate implements JavaDelegate {

	private final CaseRepository cases;

	private final CaseEvents events;

	MergeClueDelegate(CaseRepository cases, CaseEvents events) {
		this.cases = cases;
		this.events = events;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String caseId = execution.getProcessBusinessKey();
		String into = (String) execution.getVariable(ProcessConstants.VAR_DUPLICATE_CASE_ID);
		Instant now = EngineClock.now();
		this.cases.end(caseId, CaseStatus.MERGED, "MERGED", into, now);
		this.cases.appendTimeline(caseId, "CLUE_MERGED", "system", now, "merged into " + into, List.of());
		this.cases.appendTimeline(into, "CLUE_ATTACHED", "system", now,
				"clue " + execution.getVariable(ProcessConstants.VAR_CLUE_ID) + " of " + caseId, List.of());
		this.events.publish(execution, ClueMerged.TYPE, caseId,
				new ClueMerged(caseId, (String) execution.getVariable(ProcessConstants.VAR_CLUE_ID), into,
						(String) execution.getVariable(ProcessConstants.VAR_ENTERPRISE_USCC),
						(String) execution.getVariable(ProcessConstants.VAR_PROBLEM_TYPE), EngineClock.nowInChina(),
						"system"));
	}

}
