package org.inspectflow.workflow.verification;

import java.util.Map;

import org.inspectflow.contracts.commands.CheckFirstOffence;
import org.inspectflow.workflow.calendar.Deadlines;
import org.inspectflow.workflow.process.CaseEvents;
import org.inspectflow.workflow.process.EngineClock;
import org.inspectflow.workflow.process.ProcessConstants;
import org.inspectflow.workflow.process.ProcessMessages;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * Asks enterprise-service whether the enterprise had the same violation in the past 12 months (首违免罚). A clue
 * about no registered enterprise has no history: it counts as a first offence without asking.
 */
@Component
class RequestFirstOffenceCheckDelegate implements JavaDelegate {

	private final CaseEvents events;

	private final ProcessMessages messages;

	RequestFirstOffenceCheckDelegate(CaseEvents events, ProcessMessages messages) {
		this.events = events;
		this.messages = messages;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String caseId = execution.getProcessBusinessKey();
		String uscc = (String) execution.getVariable(ProcessConstants.VAR_ENTERPRISE_USCC);
		if (uscc == null) {
			// the answer is known: keep it as if it had come, and the receive task takes it when it starts
			this.messages.correlate(caseId, ProcessConstants.MESSAGE_FIRST_OFFENCE_CHECKED,
					ProcessMessages.ownAnswerId(caseId),
					Map.of(ProcessConstants.VAR_FIRST_OFFENCE, true, "previousCaseIds", ""));
			return;
		}
		this.events.publish(execution, CheckFirstOffence.TYPE, caseId, new CheckFirstOffence(caseId, uscc,
				(String) execution.getVariable(ProcessConstants.VAR_VIOLATION_TYPE),
				EngineClock.now().atZone(Deadlines.ZONE).toLocalDate()));
	}

}
