package org.inspectflow.workflow.rectification;

import jakarta.validation.Valid;
import org.inspectflow.support.security.Caller;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rectification: enterprise users submit proof for their own cases (role enterprise, scoped by the token's
 * enterprise id); officers review it and re-inspect after an escalation (role officer, the task's assignee).
 */
@RestController
class RectificationController {

	private final RectificationService rectifications;

	RectificationController(RectificationService rectifications) {
		this.rectifications = rectifications;
	}

	@PostMapping("/cases/{caseId}/rectification/submissions")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Submitted submit(@AuthenticationPrincipal Jwt jwt, @PathVariable String caseId,
			@Valid @RequestBody RectificationService.Submission submission) {
		return new Submitted(caseId, this.rectifications.submit(Caller.from(jwt), caseId, submission));
	}

	@PostMapping("/tasks/{taskId}/rectification-review")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void review(@AuthenticationPrincipal Jwt jwt, @PathVariable String taskId,
			@Valid @RequestBody RectificationService.Review review) {
		this.rectifications.review(Caller.from(jwt), taskId, review);
	}

	@PostMapping("/tasks/{taskId}/reinspection")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void reinspect(@AuthenticationPrincipal Jwt jwt, @PathVariable String taskId,
			@Valid @RequestBody RectificationService.Reinspection reinspection) {
		this.rectifications.reinspect(Caller.from(jwt), taskId, reinspection);
	}

	record Submitted(String caseId, String submissionId) {
	}

}
