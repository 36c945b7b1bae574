package org.inspectflow.notification.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The API's refusals as RFC 9457 problem details: a title that names the problem and a detail that says what to do
 * about it. Public because every feature's controller refuses the same way.
 */
public final class Problems {

	private Problems() {
	}

	public static ErrorResponseException notFound(String detail) {
		return problem(HttpStatus.NOT_FOUND, "Not found", detail);
	}

	public static ErrorResponseException forbidden(String detail) {
		return problem(HttpStatus.FORBIDDEN, "Forbidden", detail);
	}

	public static ErrorResponseException problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return new ErrorResponseException(status, problem, null);
	}

}
