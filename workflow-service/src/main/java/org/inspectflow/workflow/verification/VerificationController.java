package org.inspectflow.workflow.verification;

import jakarta.validation.Valid;
import org.inspectflow.support.security.Caller;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Officers complete verification tasks with their record. Role: officer (the task's assignee). */
@RestController
class VerificationController {

	private final VerificationService verifications;

	VerificationController(VerificationService verifications) {
		this.verifications = verifications;
	}

	@PostMapping("/tasks/{taskId}/verification")
	Recorded record(@AuthenticationPrincipal Jwt jwt, @PathVariable String taskId,
			@Valid @RequestBody VerificationRecord record) {
		return new Recorded(taskId, this.verifications.record(Caller.from(jwt), taskId, record));
	}

	/** @param recordId null when the officer asked for a site visit instead of concluding */
	record Recorded(String taskId, String recordId) {
	}

}
