package org.inspectflow.workflow.tasks;

import java.util.Arrays;
import java.util.List;

import org.inspectflow.support.security.Caller;
import org.inspectflow.workflow.cases.CaseAccess;
import org.inspectflow.workflow.process.ProcessConstants;
import org.inspectflow.workflow.process.Jurisdictions;
import org.inspectflow.support.web.Problems;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.task.IdentityLink;
import org.operaton.bpm.engine.task.Task;

import org.springframework.stereotype.Component;

/**
 * Who may act on a task: the assignee completes it; an officer of its candidate group (or a named candidate) may
 * claim it; a supervisor of the city may reassign it. Each refusal says what to do instead. An officer's work on a
 * task of another district's case (it was named for it) is audited like a read through a share.
 */
@Component
public class TaskAccess {

	private final TaskService tasks;

	private final HistoryService history;

	private final CaseAccess cases;

	TaskAccess(TaskService tasks, HistoryService history, CaseAccess cases) {
		this.tasks = tasks;
		this.history = history;
		this.cases = cases;
	}

	/** The open task the caller may complete now, of one of the expected kinds. */
	public Task workable(Caller caller, String taskId, String... expectedKeys) {
		Task task = visible(caller, taskId);
		if (!Arrays.asList(expectedKeys).contains(task.getTaskDefinitionKey())) {
			throw Problems.conflict("task " + taskId + " is '" + task.getName() + "' (" + task.getTaskDefinitionKey()
					+ "); this endpoint completes " + String.join(" or ", expectedKeys));
		}
		if (task.getAssignee() == null) {
			if (isCandidate(caller, task)) {
				throw Problems.conflict("task " + taskId + " is not claimed: claim it first (POST /tasks/" + taskId
						+ "/claim)");
			}
			throw Problems.forbidden("task " + taskId + " is not for you: it belongs to other officers");
		}
		if (!task.getAssignee().equals(caller.username())) {
			throw Problems.forbidden("task " + taskId + " is assigned to " + task.getAssignee()
					+ "; ask a supervisor to reassign it");
		}
		audit(caller, task, "complete " + task.getTaskDefinitionKey());
		return task;
	}

	/**
	 * Audits an officer's work on a task of a case outside its district (it was named for the task); nothing for a
	 * case of its own jurisdiction.
	 */
	public void audit(Caller caller, Task task, String action) {
		Object caseId = this.tasks.getVariable(task.getId(), ProcessConstants.VAR_CASE_ID);
		if (caseId != null) {
			this.cases.recordTaskWork(caller, caseId.toString(), action, task.getName());
		}
	}

	/**
	 * An open task the caller may see (a candidate, the assignee, or a supervisor of its city). A task the caller
	 * completed is a conflict; any other task, open or not, is "not found", so that nothing is told about it.
	 */
	public Task visible(Caller caller, String taskId) {
		Task task = this.tasks.createTaskQuery().taskId(taskId).singleResult();
		if (task != null && (isCandidate(caller, task) || isSupervisedBy(caller, task))) {
			return task;
		}
		if (task == null && this.history.createHistoricTaskInstanceQuery()
			.taskId(taskId)
			.taskAssignee(caller.username())
			.finished()
			.count() > 0) {
			throw Problems.conflict("task " + taskId + " is already completed");
		}
		throw Problems.notFound("no task " + taskId + " for you");
	}

	/** Whether an officer may claim or see the task: a candidate by name or by district. */
	public boolean isCandidate(Caller caller, Task task) {
		List<IdentityLink> links = this.tasks.getIdentityLinksForTask(task.getId());
		for (IdentityLink link : links) {
			if (!"candidate".equals(link.getType())) {
				continue;
			}
			if (caller.username().equals(link.getUserId())) {
				return true;
			}
			if (caller.district() != null && Jurisdictions.officersOf(caller.district()).equals(link.getGroupId())) {
				return true;
			}
		}
		return caller.username().equals(task.getAssignee());
	}

	/** Whether the task's case is in the supervisor's city. */
	public boolean isSupervisedBy(Caller caller, Task task) {
		if (caller.hasRole("admin")) {
			return true;
		}
		return caller.hasRole("supervisor") && caller.city() != null
				&& caller.city().equals(this.tasks.getVariable(task.getId(), "city"));
	}

}
