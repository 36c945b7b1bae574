package org.inspectflow.gateway.config;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reactor Netty's keep-alive read stall (reactor/reactor-netty#4361), reproduced without timing luck: the second of
 * two requests that arrive together is queued behind the first, is answered at once when the first completes, and
 * then nothing asks the connection to read again, so the third request on it is never read.
 */
class KeepAliveReadResumptionTest {

	private DisposableServer server;

	@AfterEach
	void stop() {
		if (this.server != null) {
			this.server.disposeNow();
		}
	}

	@Test
	void readsTheNextRequestAfterAQueuedRequestWasAnsweredAtOnce() throws IOException {
		this.server = new KeepAliveReadResumption().apply(HttpServer.create().host("127.0.0.1").port(0))
			.route((routes) -> routes
				.get("/slow", (request, response) -> response.sendString(Mono.just("slow").delayElement(Duration.ofMillis(50))))
				.get("/fast", (request, response) -> response.sendString(Mono.just("fast"))))
			.bindNow();

		try (Socket socket = new Socket("127.0.0.1", this.server.port())) {
			socket.setSoTimeout(5_000);
			OutputStream out = socket.getOutputStream();
			InputStream in = socket.getInputStream();
			out.write((request("/slow") + request("/fast")).getBytes(StandardCharsets.US_ASCII));
			out.flush();
			assertThat(readResponseBody(in)).isEqualTo("slow");
			assertThat(readResponseBody(in)).isEqualTo("fast");

			out.write(request("/fast").getBytes(StandardCharsets.US_ASCII));
			out.flush();
			assertThat(readResponseBody(in)).as("the third request on the kept-alive connection").isEqualTo("fast");
		}
	}

	private static String request(String path) {
		return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
	}

	/** One response with a Content-Length body (what Reactor Netty sends for a single-value body). */
	private static String readResponseBody(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
			int b = in.read();
			if (b < 0) {
				throw new IOException("connection closed after " + head);
			}
			head.write(b);
		}
		int length = head.toString(StandardCharsets.US_ASCII)
			.lines()
			.filter((line) -> line.toLowerCase(Locale.ROOT).startsWith("content-length:"))
			.map((line) -> Integer.parseInt(line.substring(line.indexOf(':') + 1).trim()))
			.findFirst()
			.orElseThrow(() -> new IOException("no Content-Length in " + head));
		return new String(in.readNBytes(length), StandardCharsets.US_ASCII);
	}

}
