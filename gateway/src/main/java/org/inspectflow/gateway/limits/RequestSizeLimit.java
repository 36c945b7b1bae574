package org.inspectflow.gateway.limits;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.inspectflow.gateway.web.ProblemWriter;

import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Caps request bodies: JSON API calls and forms at {@code inspectflow.gateway.limits.max-body} (1 MB), the listed
 * uploads (evidence files, the enterprise register import) at their own limit. A declared {@code Content-Length} over
 * the cap is refused before any byte is read or sent on; a body without one (chunked) is counted as it streams through
 * and cut off at the cap, so a service never receives more than the cap either way. Both answer 413 problem+json.
 * It runs after Spring Security, so a caller without a session or token learns nothing but 401.
 */
@Component
@Order(0)
class RequestSizeLimit implements WebFilter {

	private final long maxBody;

	private final List<UploadLimit> uploads;

	private final ProblemWriter problems;

	RequestSizeLimit(LimitsProperties limits, ProblemWriter problems) {
		this.maxBody = limits.maxBody().toBytes();
		this.uploads = limits.uploads()
			.stream()
			.map((upload) -> new UploadLimit(upload.method(), PathPatternParser.defaultInstance.parse(upload.path()),
					upload.maxSize().toBytes() + this.maxBody))
			.toList();
		this.problems = problems;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		long limit = limitFor(request.getMethod(), request.getPath().pathWithinApplication());
		long declared = request.getHeaders().getContentLength();
		if (declared > limit) {
			return tooLarge(exchange, limit);
		}
		ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {
			@Override
			public Flux<DataBuffer> getBody() {
				AtomicLong seen = new AtomicLong();
				return super.getBody().map((buffer) -> {
					if (seen.addAndGet(buffer.readableByteCount()) > limit) {
						DataBufferUtils.release(buffer);
						throw new BodyTooLargeException(limit);
					}
					return buffer;
				});
			}
		};
		return chain.filter(exchange.mutate().request(counted).build())
			.onErrorResume((ex) -> causedByTooLargeBody(ex) && !exchange.getResponse().isCommitted(),
					(ex) -> tooLarge(exchange, limit));
	}

	long limitFor(HttpMethod method, PathContainer path) {
		for (UploadLimit upload : this.uploads) {
			if (upload.method().equals(method) && upload.path().matches(path)) {
				return upload.maxBytes();
			}
		}
		return this.maxBody;
	}

	private Mono<Void> tooLarge(ServerWebExchange exchange, long limit) {
		return this.problems.write(exchange, HttpStatus.PAYLOAD_TOO_LARGE,
				"The request body is larger than " + describe(limit) + ", the most this call accepts.",
				(headers) -> headers.set(HttpHeaders.CONNECTION, "close"));
	}

	static String describe(long bytes) {
		if (bytes % (1024 * 1024) == 0) {
			return (bytes / (1024 * 1024)) + " MB";
		}
		if (bytes % 1024 == 0) {
			return (bytes / 1024) + " KB";
		}
		return bytes + " bytes";
	}

	private static boolean causedByTooLargeBody(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof BodyTooLargeException) {
				return true;
			}
		}
		return false;
	}

	private record UploadLimit(HttpMethod method, PathPattern path, long maxBytes) {
	}

	/** Raised inside the body's stream, so whatever reads the body (the routing filter) stops there. */
	static final class BodyTooLargeException extends RuntimeException {

		BodyTooLargeException(long limit) {
			super("request body over " + limit + " bytes", null, false, false);
		}

	}

}
