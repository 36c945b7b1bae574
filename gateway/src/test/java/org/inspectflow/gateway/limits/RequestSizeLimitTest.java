package org.inspectflow.gateway.limits;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.inspectflow.gateway.web.ProblemWriter;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.WebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The body caps, with a chain that reads the body as the gateway's routing does. The real gateway's answers (and
 * what reaches a service) are in {@code LimitsIT}.
 */
class RequestSizeLimitTest {

	private static final LimitsProperties LIMITS = new LimitsProperties(new LimitsProperties.Bucket(1, 1, 1),
			new LimitsProperties.Bucket(1, 1, 1), "test", DataSize.ofKilobytes(64),
			List.of(new LimitsProperties.Upload(HttpMethod.POST, "/api/evidence/cases/{caseId}/evidence",
					DataSize.ofKilobytes(256))));

	private final RequestSizeLimit filter = new RequestSizeLimit(LIMITS, new ProblemWriter(new ObjectMapper()));

	private final AtomicLong forwarded = new AtomicLong();

	/** Reads the whole body, like the routing filter that sends it on. */
	private final WebFilterChain routing = (exchange) -> exchange.getRequest()
		.getBody()
		.doOnNext((buffer) -> {
			this.forwarded.addAndGet(buffer.readableByteCount());
			DataBufferUtils.release(buffer);
		})
		.then();

	@Test
	void refusesADeclaredLengthOverTheCapBeforeReadingAnything() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest
			.post("/api/integrations/clues")
			.contentType(MediaType.APPLICATION_JSON)
			.contentLength(64 * 1024 + 1)
			.body(Flux.error(new AssertionError("the body must not be read"))));

		this.filter.filter(exchange, this.routing).block();

		assertTooLarge(exchange, "64 KB");
		assertThat(this.forwarded).hasValue(0);
	}

	@Test
	void cutsOffAStreamedBodyAtTheCap() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest
			.post("/api/workflow/clues")
			.contentType(MediaType.APPLICATION_JSON)
			.body(chunks(10, 8 * 1024))); // 80 KB without Content-Length

		this.filter.filter(exchange, this.routing).block();

		assertTooLarge(exchange, "64 KB");
		assertThat(this.forwarded.get()).isLessThanOrEqualTo(64 * 1024);
	}

	@Test
	void passesABodyWithinTheCap() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest
			.post("/api/workflow/clues")
			.contentType(MediaType.APPLICATION_JSON)
			.body(chunks(8, 8 * 1024))); // exactly 64 KB

		this.filter.filter(exchange, this.routing).block();

		assertThat(exchange.getResponse().getStatusCode()).isNull();
		assertThat(this.forwarded).hasValue(64 * 1024);
	}

	@Test
	void givesEvidenceUploadsTheEvidenceLimitPlusTheFormsFraming() {
		MockServerWebExchange upload = MockServerWebExchange.from(MockServerHttpRequest
			.post("/api/evidence/cases/c-1/evidence")
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(chunks(40, 8 * 1024))); // 320 KB: 256 KB file limit + 64 KB for the rest of the form
		this.filter.filter(upload, this.routing).block();
		assertThat(upload.getResponse().getStatusCode()).isNull();
		assertThat(this.forwarded).hasValue(320 * 1024);

		MockServerWebExchange tooLarge = MockServerWebExchange.from(MockServerHttpRequest
			.post("/api/evidence/cases/c-1/evidence")
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.contentLength(320 * 1024 + 1)
			.body(Flux.empty()));
		this.filter.filter(tooLarge, this.routing).block();
		assertTooLarge(tooLarge, "320 KB");
	}

	@Test
	void keepsTheJsonCapForOtherMethodsAndPathsNearTheUpload() {
		assertThat(this.filter.limitFor(HttpMethod.GET,
				MockServerHttpRequest.get("/api/evidence/cases/c-1/evidence").build().getPath().pathWithinApplication()))
			.isEqualTo(64 * 1024);
		assertThat(this.filter.limitFor(HttpMethod.POST,
				MockServerHttpRequest.post("/api/evidence/cases/c-1/evidence/e-1").build().getPath().pathWithinApplication()))
			.isEqualTo(64 * 1024);
	}

	private static Flux<DataBuffer> chunks(int count, int size) {
		byte[] chunk = "x".repeat(size).getBytes(StandardCharsets.US_ASCII);
		return Flux.range(0, count).map((i) -> DefaultDataBufferFactory.sharedInstance.wrap(chunk.clone()));
	}

	private static void assertTooLarge(MockServerWebExchange exchange, String limit) {
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
		assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		String body = exchange.getResponse().getBodyAsString().block();
		assertThat(body).contains("\"status\":413").contains(limit);
	}

}
