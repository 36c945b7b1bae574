package org.inspectflow.workflow.tasks;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.inspectflow.contracts.events.AssignmentMethod;
import org.inspectflow.contracts.events.InspectionAssigned;
import org.inspectflow.support.security.Caller;
import org.inspectflow.workflow.calendar.Deadlines;
import org.inspectflow.workflow.cases.CaseRepository;
import org.inspectflow.workflow.process.CaseEvents;
import org.inspectflow.workflow.process.EngineClock;
import org.inspectflow.workflow.process.Jurisdictions;
import org.inspectflow.support.web.Problems;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.task.Task;
import org.operaton.bpm.engine.task.TaskQuery;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Officers' and supervisors' task lists, claiming and reassignment. Roles: officer (its own and its district's
 * tasks), supervisor (its city's tasks, and reassignment), admin (all). Enterprise users and integrators are refused
 * by the URL rules.
 */
@RestController
@Validated
class TaskController {

	private final TaskService tasks;

	private final TaskAccess access;

	private final CaseRepository cases;

	private final CaseEvents events;

	TaskController(TaskService tasks, TaskAccess access, CaseRepository cases,
			CaseEvents events) {
		this.tasks = tasks;
		this.access = access;
		this.cases = cases;
		this.events = events;
	}

	/**
	 * Tasks, the earliest due first.
	 * @param scope {@code mine} (assigned to me), {@code group} (unclaimed, for my district or me) or {@code all}
	 * (both; for a supervisor: every task of the city)
	 * @param caseId only the tasks of this case (its process and its penalty case), within what the scope shows
	 */
	@GetMapping("/tasks")
	TaskPage list(@AuthenticationPrincipal Jwt jwt, @RequestParam(defaultValue = "all") String scope,
			@RequestParam(required = false) String district, @RequestParam(required = false) String caseId,
			@RequestParam(required = false) String source,
			@RequestParam(required = false) String taskKey, @RequestParam(required = false) String status,
			@RequestParam(defaultValue = "false") boolean overdue,
			@RequestParam(required = false) Instant dueBefore, @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
		Caller caller = Caller.from(jwt);
		TaskQuery query = this.tasks.createTaskQuery().active();
		boolean supervises = caller.hasRole("supervisor") || caller.hasRole("admin");
		if (supervises && !caller.hasRole("admin") && caller.city() == null) {
			throw Problems.forbidden("your account has no city: ask an admin to put you in your city's group");
		}
		if (!supervises && caller.district() == null) {
			throw Problems.forbidden("your account has no district: ask an admin to put you in your district's group");
		}
		switch (scope) {
			case "mine" -> query.taskAssignee(caller.username());
			case "group" -> candidateOf(query, caller);
			case "all" -> {
				if (supervises) {
					if (!caller.hasRole("admin")) {
						query.processVariableValueEquals("city", caller.city());
					}
				}
				else {
					query.or().taskAssignee(caller.username()).taskCandidateUser(caller.username())
						.taskCandidateGroup(Jurisdictions.officersOf(String.valueOf(caller.district()))).endOr();
				}
			}
			default -> throw Problems.badRequest("scope is mine, group or all, not '" + scope + "'");
		}
		if (district != null) {
			if (!Jurisdictions.isDivisionCode(district)) {
				throw Problems.badRequest("district is a 6-digit administrative division code, not '" + district + "'");
			}
			query.processVariableValueEquals("district", district);
		}
		if (caseId != null) {
			if (caseId.isBlank() || caseId.length() > 64) {
				throw Problems.badRequest("caseId is a case number such as CASE-2026-000001, not '"
						+ caseId.substring(0, Math.min(caseId.length(), 64)) + "'");
			}
			// both processes of a case (the case and its penalty case) carry the case id as their business key
			query.processInstanceBusinessKey(caseId);
		}
		if (source != null) {
			query.processVariableValueEquals("source", source);
		}
		if (taskKey != null) {
			query.taskDefinitionKey(taskKey);
		}
		if (status != null) {
			switch (status) {
				case "unclaimed" -> query.taskUnassigned();
				case "claimed" -> query.taskAssigned();
				case "overdue" -> query.dueBefore(Date.from(EngineClock.now()));
				case "due-soon" -> query.dueAfter(Date.from(EngineClock.now()))
					.dueBefore(Date.from(EngineClock.now().plus(java.time.Duration.ofDays(2))));
				default -> throw Problems.badRequest(
						"status is unclaimed, claimed, overdue or due-soon (within 2 days), not '" + status + "'");
			}
		}
		if (overdue) {
			query.dueBefore(Date.from(EngineClock.now()));
		}
		if (dueBefore != null) {
			query.dueBefore(Date.from(dueBefore));
		}
		long total = query.count();
		List<TaskView> items = query.orderByDueDate().asc().orderByTaskCreateTime().asc()
			.listPage(page * size, size)
			.stream()
			.map(this::view)
			.toList();
		return new TaskPage(items, page, size, total);
	}

	@GetMapping("/tasks/{taskId}")
	TaskView get(@AuthenticationPrincipal Jwt jwt, @PathVariable String taskId) {
		Caller caller = Caller.from(jwt);
		Task task = this.access.visible(caller, taskId);
		this.access.audit(caller, task, "GET /tasks/{taskId}");
		return view(task);
	}

	/** An officer takes an unclaimed task of its district (or one it was named for). */
	@PostMapping("/tasks/{taskId}/claim")
	@Transactional
	TaskView claim(@AuthenticationPrincipal Jwt jwt, @PathVariable String taskId) {
		Caller caller = Caller.from(jwt);
		Task task = this.access.visible(caller, taskId);
		if (!this.access.isCandidate(caller, task)) {
			throw Problems.forbidden("task " + taskId + " is for other officers; a supervisor may assign it to you");
		}
		if (task.getAssignee() != null) {
			if (task.getAssignee().equals(caller.username())) {
				return view(task);
			}
			throw Problems.conflict("task " + taskId + " was claimed by " + task.getAssignee());
		}
		this.access.audit(caller, task, "POST /tasks/{taskId}/claim");
		this.tasks.claim(taskId, caller.username());
		String caseId = caseOf(task);
		this.cases.assignOfficer(caseId, caller.username());
		this.cases.appendTimeline(caseId, "TASK_CLAIMED", caller.username(), EngineClock.now(), task.getName(),
				List.of());
		return view(this.access.visible(caller, taskId));
	}

	/** A supervisor gives a task of its city to another officer. */
	@PostMapping("/tasks/{taskId}/assignee")
	@Transactional
	TaskView reassign(@AuthenticationPrincipal Jwt jwt, @PathVariable String taskId,
			@Valid @RequestBody Reassignment body) {
		Caller caller = Caller.from(jwt);
		Task task = this.access.visible(caller, taskId);
		if (!this.access.isSupervisedBy(caller, task)) {
			throw Problems.forbidden("only a supervisor of the case's city reassigns its tasks");
		}
		this.tasks.setAssignee(taskId, body.officer());
		String caseId = caseOf(task);
		this.cases.assignOfficer(caseId, body.officer());
		this.cases.appendTimeline(caseId, "TASK_REASSIGNED", caller.username(), EngineClock.now(),
				task.getName() + " → " + body.officer() + ": " + body.reason(), List.of());
		if (AssignTaskListener.INSPECTIONS.contains(task.getTaskDefinitionKey())) {
			this.events.publish(null, InspectionAssigned.TYPE, caseId,
					new InspectionAssigned(caseId, taskId, List.of(body.officer()), AssignmentMethod.REASSIGNMENT, null,
							(String) this.tasks.getVariable(taskId, "district"),
							task.getDueDate() == null ? null
									: task.getDueDate().toInstant().atZone(Deadlines.ZONE).toLocalDate(),
							EngineClock.nowInChina(), caller.username()));
		}
		return view(this.access.visible(caller, taskId));
	}

	private void candidateOf(TaskQuery query, Caller caller) {
		query.or()
			.taskCandidateUser(caller.username())
			.taskCandidateGroup(Jurisdictions.officersOf(String.valueOf(caller.district())))
			.endOr();
	}

	private String caseOf(Task task) {
		return (String) this.tasks.getVariable(task.getId(), "caseId");
	}

	private TaskView view(Task task) {
		var variables = this.tasks.getVariables(task.getId(),
				List.of("caseId", "district", "source", "priority", "enterpriseUscc", "problemType"));
		Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
		return new TaskView(task.getId(), task.getTaskDefinitionKey(), task.getName(), (String) variables.get("caseId"),
				(String) variables.get("district"), (String) variables.get("source"),
				(String) variables.get("priority"), (String) variables.get("enterpriseUscc"),
				(String) variables.get("problemType"), task.getAssignee(), task.getCreateTime().toInstant(), due,
				due != null && due.isBefore(EngineClock.now()));
	}

	record TaskView(String taskId, String taskKey, String name, String caseId, String district, String source,
			String priority, String enterpriseUscc, String problemType, String assignee, Instant createdAt,
			Instant dueAt, boolean overdue) {
	}

	record TaskPage(List<TaskView> items, int page, int size, long total) {
	}

	record Reassignment(@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._@-]+",
			message = "is an officer's username") String officer, @NotBlank @Size(max = 500) String reason) {
	}

}
