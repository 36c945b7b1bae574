package org.inspectflow.workflow.clue;

import java.util.Date;
import java.util.List;

import org.inspectflow.contracts.ClueSource;
import org.inspectflow.contracts.RiskTier;
import org.inspectflow.contracts.events.ClueTriaged;
import org.inspectflow.contracts.events.Priority;
import org.inspectflow.workflow.calendar.Deadlines;
import org.inspectflow.workflow.cases.CaseRepository;
import org.inspectflow.workflow.process.CaseEvents;
import org.inspectflow.workflow.process.EngineClock;
import org.inspectflow.workflow.process.ProcessConstants;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * Records the triage (enterprise, risk, priority), sets the verification deadline in working days, and says whether
 * the clue can be verified from monitoring data (an online-monitoring alarm of a known enterprise).
 */
@Component
class RecordTriageDelegate implements JavaDelegate {

	private final CaseRepository cases;

	private final CaseEvents events;

	private final Deadlines deadlines;

	RecordTriageDelegate(CaseRepository cases, CaseEvents events, Deadlines deadlines) {
		this.cases = cases;
		this.events = events;
		this.deadlines = deadlines;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String caseId = execution.getProcessBusinessKey();
		String uscc = (String) execution.getVariable(ProcessConstants.VAR_ENTERPRISE_USCC);
		String riskTier = (String) execution.getVariable(ProcessConstants.VAR_RISK_TIER);
		String priority = (String) execution.getVariable(ProcessConstants.VAR_PRIORITY);
		String district = (String) execution.getVariable(ProcessConstants.VAR_DISTRICT);
		boolean positiveList = Boolean.TRUE.equals(execution.getVariable(ProcessConstants.VAR_POSITIVE_LIST));
		this.cases.recordTriage(caseId, uscc, riskTier, priority);
		Deadlines.Due due = this.deadlines.due(EngineClock.now(),
				this.deadlines.properties().verificationWorkingDays(), 0);
		execution.setVariable(ProcessConstants.VAR_VERIFICATION_DUE_AT, Date.from(due.dueAt()));
		boolean monitoringAlarm = ClueSource.ONLINE_MONITORING_ALARM.name()
			.equals(execution.getVariable(ProcessConstants.VAR_SOURCE));
		boolean matched = Boolean.TRUE.equals(execution.getVariable(ProcessConstants.VAR_ENTERPRISE_MATCHED));
		execution.setVariable(ProcessConstants.VAR_NON_SITE_CANDIDATE, monitoringAlarm && matched && uscc != null);
		this.cases.appendTimeline(caseId, "CLUE_TRIAGED", "system", EngineClock.now(),
				"priority " + priority + ", verification due " + due.day(), List.of());
		this.events.publish(execution, ClueTriaged.TYPE, caseId,
				new ClueTriaged(caseId, (String) execution.getVariable(ProcessConstants.VAR_CLUE_ID), uscc,
						riskTier == null ? null : RiskTier.valueOf(riskTier), positiveList, Priority.valueOf(priority),
						district, EngineClock.nowInChina(), "system"));
	}

}
