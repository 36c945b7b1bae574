package org.inspectflow.gateway.web;

import java.net.URI;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes the gateway's own refusals (not signed in, wrong role, too large, too many requests, no such API) as RFC 9457
 * problem+json, the same shape the services answer with, so the portal and integrators handle one format.
 */
@Component
public class ProblemWriter {

	private final ObjectMapper objectMapper;

	public ProblemWriter(ObjectMapper objectMapper) {
		this.objectMapper = objectMapper;
	}

	public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail) {
		return write(exchange, exchange.getResponse(), status, detail, (headers) -> {
		});
	}

	public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail,
			Consumer<HttpHeaders> headers) {
		return write(exchange, exchange.getResponse(), status, detail, headers);
	}

	/** Writes to {@code response}, which may be a decorator's delegate rather than the exchange's own. */
	public Mono<Void> write(ServerWebExchange exchange, ServerHttpResponse response, HttpStatus status, String detail,
			Consumer<HttpHeaders> headers) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
		byte[] body;
		try {
			body = this.objectMapper.writeValueAsBytes(problem);
		}
		catch (JsonProcessingException ex) {
			return Mono.error(ex);
		}
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		response.getHeaders().setContentLength(body.length);
		headers.accept(response.getHeaders());
		DataBuffer buffer = response.bufferFactory().wrap(body);
		return response.writeWith(Mono.just(buffer));
	}

}
