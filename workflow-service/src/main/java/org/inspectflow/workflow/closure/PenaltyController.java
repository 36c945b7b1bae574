package org.inspectflow.workflow.closure;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.inspectflow.support.security.Caller;
import org.inspectflow.workflow.cases.CaseRepository;
import org.inspectflow.workflow.process.EngineClock;
import org.inspectflow.workflow.process.ProcessConstants;
import org.inspectflow.workflow.tasks.TaskAccess;
import org.operaton.bpm.engine.TaskService;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The officer's steps of a penalty case: filing (立案) and the decision (处罚决定). Role: officer, the task's assignee.
 */
@RestController
class PenaltyController {

	private final TaskAccess access;

	private final TaskService tasks;

	private final CaseRepository cases;

	PenaltyController(TaskAccess access, TaskService tasks, CaseRepository cases) {
		this.access = access;
		this.tasks = tasks;
		this.cases = cases;
	}

	@PostMapping("/tasks/{taskId}/penalty-filing")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Transactional
	void file(@AuthenticationPrincipal Jwt jwt, @PathVariable String taskId, @Valid @RequestBody Filing filing) {
		Caller caller = Caller.from(jwt);
		this.access.workable(caller, taskId, ProcessConstants.TASK_FILE_PENALTY_CASE);
		String caseId = (String) this.tasks.getVariable(taskId, ProcessConstants.VAR_CASE_ID);
		this.cases.appendTimeline(caseId, "PENALTY_CASE_FILED", caller.username(), EngineClock.now(), filing.summary(),
				List.of());
		this.tasks.complete(taskId, Map.of(ProcessConstants.VAR_ACTOR, caller.username()));
	}

	@PostMapping("/tasks/{taskId}/penalty-decision")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Transactional
	void decide(@AuthenticationPrincipal Jwt jwt, @PathVariable String taskId, @Valid @RequestBody Decision decision) {
		Caller caller = Caller.from(jwt);
		this.access.workable(caller, taskId, ProcessConstants.TASK_DECIDE_PENALTY);
		String caseId = (String) this.tasks.getVariable(taskId, ProcessConstants.VAR_CASE_ID);
		String text = decision.decision() + (decision.fineYuan() == null ? "" : ", fine ¥" + decision.fineYuan());
		this.cases.appendTimeline(caseId, "PENALTY_DECIDED_BY_OFFICER", caller.username(), EngineClock.now(), text,
				List.of());
		Map<String, Object> variables = new HashMap<>();
		variables.put(ProcessConstants.VAR_ACTOR, caller.username());
		variables.put("penaltyDecisionText", text);
		this.tasks.complete(taskId, variables);
	}

	record Filing(@NotBlank @Size(max = 3000) String summary) {
	}

	/** @param fineYuan the fine, if any */
	record Decision(@NotBlank @Size(max = 3000) String decision,
			@DecimalMin("0") @jakarta.validation.constraints.DecimalMax("100000000") BigDecimal fineYuan) {
	}

}
