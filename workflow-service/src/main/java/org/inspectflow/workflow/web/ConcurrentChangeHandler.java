package org.inspectflow.workflow.web;

import org.operaton.bpm.engine.OptimisticLockingException;
import org.operaton.bpm.engine.TaskAlreadyClaimedException;

import org.inspectflow.support.web.Problems;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Two people acting on the same thing at the same moment (claiming one task, completing it twice, resending a
 * clue): the second gets 409 and a hint, and its transaction is rolled back whole.
 */
@RestControllerAdvice
class ConcurrentChangeHandler {

	@ExceptionHandler({ OptimisticLockingException.class, TaskAlreadyClaimedException.class,
			DuplicateKeyException.class })
	ProblemDetail concurrentChange(RuntimeException ex) {
		ErrorResponseException problem = Problems.conflict(
				"someone changed this at the same moment (" + ex.getClass().getSimpleName() + "): reload and try again");
		return problem.getBody();
	}

}
