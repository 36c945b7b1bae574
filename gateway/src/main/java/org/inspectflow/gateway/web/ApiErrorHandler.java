package org.inspectflow.gateway.web;

import java.net.ConnectException;
import java.net.UnknownHostException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * What goes wrong under {@code /api/} in the gateway itself (no such API, a service that does not answer) is answered
 * as problem+json like everything else there, instead of Spring Boot's error map: the portal and the integrators
 * read one format. Page requests keep Boot's error handling.
 */
@Component
@Order(-2) // before Spring Boot's ErrorWebExceptionHandler (-1)
class ApiErrorHandler implements WebExceptionHandler {

	static final String NOT_FOUND = "There is no API at this path. Integrators can reach POST /api/integrations/clues "
			+ "and /api/integrations/webhooks; the portal's APIs are under /api/<service>/.";

	private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

	private final ProblemWriter problems;

	ApiErrorHandler(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (!exchange.getRequest().getPath().value().startsWith("/api/") || exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		HttpStatus status;
		String detail;
		if (ex instanceof ErrorResponse error) {
			status = HttpStatus.resolve(error.getStatusCode().value());
			if (status == null) {
				status = HttpStatus.INTERNAL_SERVER_ERROR;
			}
			detail = detail(status, error);
		}
		else if (hasCause(ex, ConnectException.class) || hasCause(ex, UnknownHostException.class)) {
			status = HttpStatus.SERVICE_UNAVAILABLE;
			detail = "The service behind this path is not reachable right now. Try again shortly.";
			log.warn("{} {}: the service did not accept the connection: {}", exchange.getRequest().getMethod(),
					exchange.getRequest().getPath(), ex.toString());
		}
		else {
			status = HttpStatus.INTERNAL_SERVER_ERROR;
			detail = "The gateway could not complete the request.";
			log.error("{} {} failed in the gateway", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
					ex);
		}
		return this.problems.write(exchange, status, detail);
	}

	private static String detail(HttpStatus status, ErrorResponse error) {
		if (status == HttpStatus.NOT_FOUND) {
			return NOT_FOUND;
		}
		if (status.is5xxServerError()) {
			return "The gateway could not complete the request (" + status.getReasonPhrase() + ").";
		}
		String detail = error.getBody().getDetail();
		return (detail == null || detail.isBlank()) ? status.getReasonPhrase() : detail;
	}

	private static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

}
