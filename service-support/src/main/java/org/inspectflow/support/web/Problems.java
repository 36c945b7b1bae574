package org.inspectflow.support.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The services' refusals as RFC 9457 problem details: a title that names the problem and a detail that says what to
 * do about it. Thrown from controllers and services; Spring MVC writes them as {@code application/problem+json}.
 */
public final class Problems {

	private Problems() {
	}

	public static ErrorResponseException badRequest(String detail) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid request", detail);
	}

	public static ErrorResponseException notFound(String detail) {
		return problem(HttpStatus.NOT_FOUND, "Not found", detail);
	}

	public static ErrorResponseException forbidden(String detail) {
		return problem(HttpStatus.FORBIDDEN, "Forbidden", detail);
	}

	public static ErrorResponseException conflict(String detail) {
		return problem(HttpStatus.CONFLICT, "Conflict", detail);
	}

	/** Any status, titled with its reason phrase. */
	public static ErrorResponseException of(HttpStatus status, String detail) {
		return problem(status, status.getReasonPhrase(), detail);
	}

	public static ErrorResponseException problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return new ErrorResponseException(status, problem, null);
	}

}
