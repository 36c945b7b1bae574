package org.inspectflow.evidence.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The API's refusals as RFC 9457 problem details, with a detail that says what to do. */
public final class Problems {

	private Problems() {
	}

	public static ErrorResponseException of(HttpStatus status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(status.getReasonPhrase());
		return new ErrorResponseException(status, problem, null);
	}

	public static ErrorResponseException badRequest(String detail) {
		return of(HttpStatus.BAD_REQUEST, detail);
	}

	public static ErrorResponseException notFound(String detail) {
		return of(HttpStatus.NOT_FOUND, detail);
	}

}
