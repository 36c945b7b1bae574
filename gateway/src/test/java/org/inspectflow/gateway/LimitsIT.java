package org.inspectflow.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.inspectflow.support.test.Keycloak;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resource limits without Redis (the in-memory rate limiter), against real sessions and real integrator tokens: a
 * token bucket per signed-in user (across their sessions), per integrator client and per address for the anonymous
 * readers of a draw's public record, refusing with 429 problem+json
 * and {@code Retry-After}; request bodies capped at 64 KB here (1 MB by default), evidence uploads at their own limit,
 * 413 problem+json beyond, whether the size is declared or streamed.
 * <p>
 * The buckets here allow five requests an hour ({@code requested-tokens} 3600, one token a second), so a refill in
 * the middle of a test cannot happen and nothing depends on timing. Each test uses its own callers, and none of them
 * makes more than five routed calls unless it means to be refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
		properties = { "server.port=18080", "inspectflow.gateway.limits.users.replenish-rate=1",
				"inspectflow.gateway.limits.users.burst-capacity=18000",
				"inspectflow.gateway.limits.users.requested-tokens=3600",
				"inspectflow.gateway.limits.clients.replenish-rate=1",
				"inspectflow.gateway.limits.clients.burst-capacity=18000",
				"inspectflow.gateway.limits.clients.requested-tokens=3600", "inspectflow.gateway.limits.max-body=64KB",
				"inspectflow.gateway.limits.uploads[0].method=POST",
				"inspectflow.gateway.limits.uploads[0].path=/api/evidence/cases/{caseId}/evidence",
				"inspectflow.gateway.limits.uploads[0].max-size=256KB" })
@DirtiesContext // frees port 18080 for the next test class that signs in through Keycloak
class LimitsIT {

	private static final String GATEWAY = "http://localhost:18080";

	private static final int KB = 1024;

	private static final DownstreamStub services = DownstreamStub.start();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@DynamicPropertySource
	static void routeTheServicesToTheStub(DynamicPropertyRegistry registry) {
		services.routeEveryServiceHere(registry);
	}

	@AfterAll
	static void stopStub() {
		services.close();
	}

	@Test
	void givesEachIntegratorClientItsOwnBucket() {
		String second = Keycloak.secondIntegratorToken();
		for (int i = 1; i <= 5; i++) {
			assertThat(integratorCall(second).statusCode()).as("request " + i + " of the burst").isEqualTo(200);
		}
		HttpResponse<String> refused = integratorCall(second);
		assertTooManyRequests(refused);

		assertThat(integratorCall(Keycloak.integratorToken()).statusCode()).as("another integrator").isEqualTo(200);
	}

	@Test
	void givesEachSignedInUserOneBucketAcrossTheirSessions() {
		Browser enterprise = new Browser(GATEWAY).signIn("enterprise2");
		for (int i = 1; i <= 5; i++) {
			assertThat(enterprise.get("/api/enterprise/portal/notices").statusCode()).as("request " + i).isEqualTo(200);
		}
		assertTooManyRequests(enterprise.get("/api/enterprise/portal/notices"));

		Browser secondSession = new Browser(GATEWAY).signIn("enterprise2");
		assertTooManyRequests(secondSession.get("/api/workflow/cases"));
		assertThat(secondSession.get("/api/me").statusCode()).as("the gateway's own /api/me is not a routed call")
			.isEqualTo(200);

		assertThat(new Browser(GATEWAY).signIn("officer2").get("/api/workflow/cases").statusCode())
			.as("another user")
			.isEqualTo(200);
	}

	/** The only calls that reach a service without a session, a draw's public record, are counted by address. */
	@Test
	void countsAnonymousReadersOfADrawsPublicRecordByAddress() {
		Browser anonymous = new Browser(GATEWAY);
		for (int i = 1; i <= 5; i++) {
			String path = (i % 2 == 0) ? "/api/enterprise/draws/d-1/verify" : "/api/enterprise/draws/d-1";
			assertThat(anonymous.get(path).statusCode()).as("anonymous read " + i).isEqualTo(200);
		}
		assertTooManyRequests(anonymous.get("/api/enterprise/draws/d-1"));
		assertTooManyRequests(new Browser(GATEWAY).get("/api/enterprise/draws/d-1/verify"));

		assertThat(new Browser(GATEWAY).signIn("supervisor1").get("/api/enterprise/draws/d-1").statusCode())
			.as("a signed-in user, counted by name")
			.isEqualTo(200);
	}

	@Test
	void capsIntegratorJsonBodiesDeclaredOrStreamed() {
		String token = Keycloak.integratorToken();
		services.clear();
		HttpResponse<String> withinCap = send("POST", "/api/integrations/clues", json(60 * KB), "application/json",
				token);
		assertThat(withinCap.statusCode()).isEqualTo(200);
		assertThat(services.last().body()).hasSize(60 * KB);

		services.clear();
		assertTooLarge(RawHttp.declareOnly("POST", "/api/integrations/clues", 100 * KB,
				"Content-Type: application/json", "Authorization: Bearer " + token), "64 KB");
		assertThat(services.received()).as("a declared size over the cap is refused before anything is sent on")
			.isEmpty();

		assertTooLarge(RawHttp.chunked("POST", "/api/integrations/clues", json(64 * KB + 512),
				"Content-Type: application/json", "Authorization: Bearer " + token), "64 KB");
		assertThat(services.received()).as("what reached the service of the streamed body")
			.allSatisfy((received) -> assertThat(received.body().length).isLessThanOrEqualTo(64 * KB));
	}

	@Test
	void letsEvidenceUploadsUpToTheEvidenceLimitAndCapsTheRest() {
		Browser officer = new Browser(GATEWAY).signIn("officer1");
		services.clear();

		HttpResponse<String> upload = officer.exchange(multipart("/api/evidence/cases/c-1/evidence", 300 * KB, officer),
				"Accept", "application/json");
		assertThat(upload.statusCode()).as(upload.body()).isEqualTo(200);
		assertThat(services.last().path()).isEqualTo("/cases/c-1/evidence");
		assertThat(services.last().body()).hasSize(300 * KB);
		assertThat(services.last().tokenUser()).isEqualTo("officer1");

		services.clear();
		String session = "Cookie: SESSION=" + officer.cookie("SESSION") + "; XSRF-TOKEN=" + officer.cookie("XSRF-TOKEN");
		String csrf = "X-XSRF-TOKEN: " + officer.cookie("XSRF-TOKEN");
		assertTooLarge(RawHttp.declareOnly("POST", "/api/evidence/cases/c-1/evidence", 330 * KB,
				"Content-Type: multipart/form-data; boundary=b", session, csrf), "320 KB");
		assertTooLarge(RawHttp.declareOnly("POST", "/api/workflow/clues", 100 * KB, "Content-Type: application/json",
				session, csrf), "64 KB");
		assertThat(services.received()).isEmpty();
	}

	private static HttpResponse<String> integratorCall(String token) {
		return send("GET", "/api/integrations/webhooks", null, null, token);
	}

	private static void assertTooManyRequests(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(response.body()).contains("\"status\":429");
		long retryAfter = Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
		// one request's tokens (3600) at one token a second: never more than an hour
		assertThat(retryAfter).isBetween(1L, 3600L);
	}

	private static void assertTooLarge(RawHttp.Answer answer, String limit) {
		assertThat(answer.status()).as(answer.toString()).isEqualTo(413);
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		assertThat(answer.body()).contains("\"status\":413").contains(limit);
	}

	private static String json(int size) {
		String head = "{\"description\":\"";
		String tail = "\"}";
		return head + "x".repeat(size - head.length() - tail.length()) + tail;
	}

	/**
	 * A multipart upload of {@code size} bytes with the CSRF header the portal adds.
	 */
	private static HttpRequest.Builder multipart(String path, int size, Browser browser) {
		String boundary = "inspectflow-boundary";
		String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo.jpg\"\r\n"
				+ "Content-Type: image/jpeg\r\n\r\n";
		String tail = "\r\n--" + boundary + "--\r\n";
		byte[] body = (head + "x".repeat(size - head.length() - tail.length()) + tail)
			.getBytes(StandardCharsets.US_ASCII);
		return HttpRequest.newBuilder(URI.create(GATEWAY + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN"))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
	}

	private static HttpResponse<String> send(String method, String path, String body, String contentType,
			String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(GATEWAY + path))
			.method(method, (body == null) ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body));
		if (body != null) {
			request.header("Content-Type", contentType);
		}
		return send(request, token);
	}

	private static HttpResponse<String> send(HttpRequest.Builder request, String token) {
		request.timeout(Duration.ofSeconds(30));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * HTTP/1.1 on a plain socket, for the requests the gateway must refuse by their size: it declares a body and sends
	 * none (the refusal must come before any of it is read), or streams a chunked body without declaring its size. No
	 * HTTP client library sits between the test and the gateway's answer, and no unsent body races the refusal.
	 */
	static final class RawHttp {

		static Answer declareOnly(String method, String path, long contentLength, String... headers) {
			List<String> all = new java.util.ArrayList<>(List.of(headers));
			all.add("Content-Length: " + contentLength);
			return exchange(method, path, all, new byte[0]);
		}

		static Answer chunked(String method, String path, String body, String... headers) {
			List<String> all = new java.util.ArrayList<>(List.of(headers));
			all.add("Transfer-Encoding: chunked");
			java.io.ByteArrayOutputStream chunks = new java.io.ByteArrayOutputStream();
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			for (int offset = 0; offset < bytes.length; offset += 8 * KB) {
				int length = Math.min(8 * KB, bytes.length - offset);
				chunks.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
				chunks.write(bytes, offset, length);
				chunks.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
			}
			chunks.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			return exchange(method, path, all, chunks.toByteArray());
		}

		private static Answer exchange(String method, String path, List<String> headers, byte[] body) {
			try (java.net.Socket socket = new java.net.Socket("localhost", 18080)) {
				socket.setSoTimeout(30_000);
				StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost:18080\r\n");
				headers.forEach((header) -> head.append(header).append("\r\n"));
				head.append("\r\n");
				java.io.OutputStream out = socket.getOutputStream();
				out.write(head.toString().getBytes(StandardCharsets.UTF_8));
				out.write(body);
				out.flush();
				return read(socket.getInputStream());
			}
			catch (java.io.IOException ex) {
				throw new IllegalStateException(method + " " + path, ex);
			}
		}

		private static Answer read(java.io.InputStream in) throws java.io.IOException {
			java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
			while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
				int b = in.read();
				if (b < 0) {
					throw new java.io.EOFException("the connection closed after " + head);
				}
				head.write(b);
			}
			List<String> lines = head.toString(StandardCharsets.ISO_8859_1).lines().toList();
			int status = Integer.parseInt(lines.get(0).split(" ")[1]);
			Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
			lines.stream().skip(1).filter((line) -> line.contains(":")).forEach((line) -> headers
				.put(line.substring(0, line.indexOf(':')).trim(), line.substring(line.indexOf(':') + 1).trim()));
			int length = Integer.parseInt(headers.getOrDefault("Content-Length", "0"));
			return new Answer(status, headers, new String(in.readNBytes(length), StandardCharsets.UTF_8));
		}

		record Answer(int status, Map<String, String> headers, String body) {

			String header(String name) {
				return this.headers.getOrDefault(name, "");
			}

		}

	}

}
