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
 * Rectification for officers: the review of the enterprise's submission and the re-inspection after an escalation
 * (role officer, the task's assignee). Enterprises submit through their portal in enterprise-service, which publishes
 * {@code enterprise.RectificationSubmitted.v1}.
 */
@RestController
class RectificationController {

	private final RectificationService rectifications;

	RectificationController(RectificationService rectifications) {
		this.rectifications = rectifications;
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

}
