package org.inspectflow.gateway.web;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * {@code ApiNotFound}: the filter of the last route, {@code /api/**}, which answers any call no other route or
 * controller took with 404 problem+json, whatever its method. Without it such a call would fall through to the
 * portal's static files and be answered 405 for a POST, which tells a caller something exists there.
 */
@Component
class ApiNotFoundGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

	private final ProblemWriter problems;

	ApiNotFoundGatewayFilterFactory(ProblemWriter problems) {
		super(Object.class);
		this.problems = problems;
	}

	@Override
	public GatewayFilter apply(Object config) {
		return (exchange, chain) -> this.problems.write(exchange, HttpStatus.NOT_FOUND, ApiErrorHandler.NOT_FOUND);
	}

}
