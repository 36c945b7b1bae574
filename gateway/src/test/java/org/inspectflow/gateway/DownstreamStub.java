package org.inspectflow.gateway;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;

import com.sun.net.httpserver.HttpServer;

/**
 * Stands where the services would be, so a test sees exactly what the gateway sends on (method, path, headers, body)
 * and gets a 200 JSON answer. The services' own tests check what they do with it.
 */
final class DownstreamStub implements AutoCloseable {

	private final HttpServer server;

	private final ConcurrentLinkedDeque<Received> received = new ConcurrentLinkedDeque<>();

	private DownstreamStub(HttpServer server) {
		this.server = server;
	}

	/** Points the gateway's routes to all four services at this stub (for a test's {@code @DynamicPropertySource}). */
	void routeEveryServiceHere(org.springframework.test.context.DynamicPropertyRegistry registry) {
		for (String service : new String[] { "workflow", "enterprise", "evidence", "notification" }) {
			registry.add("inspectflow.services." + service, this::url);
		}
	}

	static DownstreamStub start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			DownstreamStub stub = new DownstreamStub(server);
			server.createContext("/", (exchange) -> {
				byte[] body = exchange.getRequestBody().readAllBytes();
				stub.received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
						Map.copyOf(lowerCase(exchange.getRequestHeaders())), body));
				byte[] answer = ("{\"stub\":true,\"path\":\"" + exchange.getRequestURI().getRawPath() + "\"}")
					.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, answer.length);
				exchange.getResponseBody().write(answer);
				exchange.close();
			});
			server.start();
			return stub;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, List<String>> lowerCase(Map<String, List<String>> headers) {
		Map<String, List<String>> lower = new java.util.HashMap<>();
		headers.forEach((name, values) -> lower.put(name.toLowerCase(java.util.Locale.ROOT), List.copyOf(values)));
		return lower;
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** The requests received since the last {@link #clear()}, oldest first. */
	List<Received> received() {
		return new ArrayList<>(this.received);
	}

	Received last() {
		Received last = this.received.peekLast();
		if (last == null) {
			throw new AssertionError("the gateway sent nothing on");
		}
		return last;
	}

	void clear() {
		this.received.clear();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/** One request as the service would have received it. */
	record Received(String method, String path, Map<String, List<String>> headers, byte[] body) {

		String header(String name) {
			List<String> values = this.headers.get(name.toLowerCase(java.util.Locale.ROOT));
			return (values == null || values.isEmpty()) ? null : values.get(0);
		}

		/** The username in the relayed bearer token, or null without one. */
		String tokenUser() {
			String authorization = header("Authorization");
			if (authorization == null || !authorization.startsWith("Bearer ")) {
				return null;
			}
			return Browser.claim(authorization.substring("Bearer ".length()), "preferred_username");
		}

		String bearer() {
			String authorization = header("Authorization");
			return (authorization == null) ? null : authorization.substring("Bearer ".length());
		}

	}

}
