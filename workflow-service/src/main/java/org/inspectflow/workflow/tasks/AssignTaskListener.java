package org.inspectflow.workflow.tasks;

import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.inspectflow.contracts.events.AssignmentMethod;
import org.inspectflow.contracts.events.InspectionAssigned;
import org.inspectflow.workflow.calendar.Deadlines;
import org.inspectflow.workflow.cases.CaseRepository;
import org.inspectflow.workflow.process.CaseEvents;
import org.inspectflow.workflow.process.EngineClock;
import org.inspectflow.workflow.process.Jurisdictions;
import org.inspectflow.workflow.process.ProcessConstants;
import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.delegate.TaskListener;

import org.springframework.stereotype.Component;

/**
 * Dispatch: gives each new officer task to the officers of the case's district (candidate group), or to the
 * officers a double-random draw named, with a due date in working days; an inspection task also tells the bus.
 * A review goes to the officer who verified the case, and stays visible to the district.
 */
@Component
class AssignTaskListener implements TaskListener {

	static final Set<String> INSPECTIONS = Set.of(ProcessConstants.TASK_INSPECT_ON_SITE,
			ProcessConstants.TASK_VERIFY_NON_SITE, ProcessConstants.TASK_REINSPECT_SITE);

	private final TaskDeadlines deadlines;

	private final CaseEvents events;

	private final CaseRepository cases;

	AssignTaskListener(TaskDeadlines deadlines, CaseEvents events, CaseRepository cases) {
		this.deadlines = deadlines;
		this.events = events;
		this.cases = cases;
	}

	@Override
	public void notify(DelegateTask task) {
		String caseId = task.getExecution().getProcessBusinessKey();
		String district = (String) task.getVariable(ProcessConstants.VAR_DISTRICT);
		String drawn = (String) task.getVariable(ProcessConstants.VAR_DRAWN_OFFICERS);
		List<String> officers = drawn == null || drawn.isBlank() ? List.of() : Arrays.asList(drawn.split(","));
		String key = task.getTaskDefinitionKey();
		boolean byDraw = !officers.isEmpty() && INSPECTIONS.contains(key);
		if (byDraw) {
			task.addCandidateUsers(officers);
		}
		else {
			task.addCandidateGroup(Jurisdictions.officersOf(district));
		}
		Instant now = EngineClock.now();
		Instant due = dueAt(task, key, now);
		task.setDueDate(Date.from(due));
		if (ProcessConstants.TASK_REVIEW_RECTIFICATION.equals(key) && task.getVariable("verifiedBy") != null) {
			task.setAssignee((String) task.getVariable("verifiedBy"));
		}
		task.setVariableLocal(ProcessConstants.VAR_CASE_ID, caseId);
		this.cases.appendTimeline(caseId, "TASK_CREATED", "system", now,
				task.getName() + (byDraw ? " → " + String.join(", ", officers) : " → " + district), List.of());
		if (INSPECTIONS.contains(key)) {
			this.events.publish(task.getExecution(), InspectionAssigned.TYPE, caseId,
					new InspectionAssigned(caseId, task.getId(), byDraw ? officers : List.of(),
							byDraw ? AssignmentMethod.DOUBLE_RANDOM_DRAW : AssignmentMethod.JURISDICTION,
							byDraw ? (String) task.getVariable(ProcessConstants.VAR_DRAW_ID) : null, district,
							due.atZone(Deadlines.ZONE).toLocalDate(), EngineClock.nowInChina(), "system"));
		}
	}

	private Instant dueAt(DelegateTask task, String key, Instant now) {
		if (ProcessConstants.TASK_INSPECT_ON_SITE.equals(key) || ProcessConstants.TASK_VERIFY_NON_SITE.equals(key)) {
			Object due = task.getVariable(ProcessConstants.VAR_VERIFICATION_DUE_AT);
			if (due instanceof Date date && date.toInstant().isAfter(now)) {
				return date.toInstant();
			}
		}
		return (ProcessConstants.TASK_REVIEW_RECTIFICATION.equals(key) ? this.deadlines.review()
				: this.deadlines.inspection())
			.toInstant();
	}

}
