package org.inspectflow.workflow.rectification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.inspectflow.contracts.events.RectificationOrdered;
import org.inspectflow.workflow.calendar.Deadlines;
import org.inspectflow.workflow.cases.CaseRepository;
import org.inspectflow.workflow.process.CaseEvents;
import org.inspectflow.workflow.process.EngineClock;
import org.inspectflow.workflow.process.ProcessConstants;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * The rectification order (责令改正通知): a deadline in working days on the legal calendar, a reminder some working
 * days before it, and what must be corrected (with the reasons of a rejected earlier round).
 */
@Component
class OrderRectificationDelegate implements JavaDelegate {

	private final Deadlines deadlines;

	private final CaseRepository cases;

	private final CaseEvents events;

	OrderRectificationDelegate(Deadlines deadlines, CaseRepository cases, CaseEvents events) {
		this.deadlines = deadlines;
		this.cases = cases;
		this.events = events;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String caseId = execution.getProcessBusinessKey();
		int round = ((Number) execution.getVariable(ProcessConstants.VAR_ROUND)).intValue() + 1;
		String orderId = UUID.randomUUID().toString();
		Instant now = EngineClock.now();
		Deadlines.Due due = this.deadlines.due(now, this.deadlines.properties().rectificationWorkingDays(),
				this.deadlines.properties().reminderWorkingDays());
		execution.setVariable(ProcessConstants.VAR_ROUND, round);
		execution.setVariable(ProcessConstants.VAR_ORDER_ID, orderId);
		execution.setVariable(ProcessConstants.VAR_RECTIFICATION_DEADLINE, due.day().toString());
		execution.setVariable("rectificationDeadlineProvisional", due.provisional());
		execution.setVariable(ProcessConstants.VAR_RECTIFICATION_DUE_AT, Date.from(due.dueAt()));
		execution.setVariable(ProcessConstants.VAR_RECTIFICATION_REMIND_AT, Date.from(due.remindAt()));
		List<String> requirements = new ArrayList<>();
		// read by the enterprise (portal, e-mail, SMS) in Chinese first, as every text the platform writes for people
		Object violation = execution.getVariable(ProcessConstants.VAR_VIOLATION_TYPE);
		Object basis = execution.getVariable(ProcessConstants.VAR_LEGAL_BASIS);
		requirements.add("纠正违法行为 " + violation + "（依据：" + basis + "）。Correct " + violation + " (" + basis + ").");
		Object reasons = execution.getVariable(ProcessConstants.VAR_REJECTION_REASONS);
		if (reasons instanceof String text && !text.isBlank()) {
			text.lines()
				.map((reason) -> "上次提交未通过 Previous submission rejected: " + reason)
				.forEach(requirements::add);
		}
		this.cases.recordOrder(caseId, orderId, round, due.day(), due.provisional());
		this.cases.appendTimeline(caseId, "RECTIFICATION_ORDERED", "system", now,
				"round " + round + ", deadline " + due.day() + (due.provisional() ? " (provisional)" : ""), List.of());
		this.events.publish(execution, RectificationOrdered.TYPE, caseId,
				new RectificationOrdered(caseId, (String) execution.getVariable(ProcessConstants.VAR_ENTERPRISE_USCC),
						orderId, due.day(), due.provisional(), round, requirements));
	}

}
