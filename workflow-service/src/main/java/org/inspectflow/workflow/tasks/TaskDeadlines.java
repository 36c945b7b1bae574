package org.inspectflow.workflow.tasks;

import java.util.Date;

import org.inspectflow.workflow.calendar.Deadlines;
import org.inspectflow.workflow.process.EngineClock;

import org.springframework.stereotype.Component;

/**
 * Due dates of officer tasks in working days from now. The BPMN's overdue timers call it when a task starts
 * ({@code ${taskDeadlines.review()}}) and the task gets the same instant as its due date: both are the end of the
 * same working day.
 */
@Component("taskDeadlines")
public class TaskDeadlines {

	private final Deadlines deadlines;

	TaskDeadlines(Deadlines deadlines) {
		this.deadlines = deadlines;
	}

	/** A review of the enterprise's submission. */
	public Date review() {
		return Date.from(this.deadlines.due(EngineClock.now(), this.deadlines.properties().reviewWorkingDays(), 0)
			.dueAt());
	}

	/** An inspection, a re-inspection, a step of a penalty case. */
	public Date inspection() {
		return Date.from(this.deadlines
			.due(EngineClock.now(), this.deadlines.properties().verificationWorkingDays(), 0)
			.dueAt());
	}

}
