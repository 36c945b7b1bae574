package org.inspectflow.e2e.stack;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;

/**
 * An integrator's webhook endpoint on this machine: keeps every delivery in arrival order and checks its signature
 * the way notification-service's README tells receivers to (HMAC-SHA256 of {@code t + "." + body} under the
 * subscription's secret, compared with {@code v1}).
 */
public final class WebhookReceiver implements AutoCloseable {

	/** One POST received. */
	public record Delivery(long sequence, String eventId, String eventType, String deliveryId, boolean signatureValid,
			BusEvent event) {
	}

	private final HttpServer server;

	private final List<Delivery> deliveries = new ArrayList<>();

	private volatile String secret;

	private WebhookReceiver(HttpServer server) {
		this.server = server;
	}

	public static WebhookReceiver start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			WebhookReceiver receiver = new WebhookReceiver(server);
			server.createContext("/", (exchange) -> {
				byte[] body;
				try (InputStream in = exchange.getRequestBody()) {
					body = in.readAllBytes();
				}
				receiver.received(exchange.getRequestHeaders().getFirst("X-InspectFlow-Event-Id"),
						exchange.getRequestHeaders().getFirst("X-InspectFlow-Event-Type"),
						exchange.getRequestHeaders().getFirst("X-InspectFlow-Delivery-Id"),
						exchange.getRequestHeaders().getFirst("X-InspectFlow-Signature"), body);
				exchange.sendResponseHeaders(204, -1);
				exchange.close();
			});
			server.start();
			return receiver;
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot listen on 127.0.0.1 for the webhook", ex);
		}
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/inspectflow/events";
	}

	/** The secret the subscription answered with, to check signatures by. */
	public void secret(String secret) {
		this.secret = secret;
	}

	public synchronized List<Delivery> deliveries() {
		return List.copyOf(this.deliveries);
	}

	private synchronized void received(String eventId, String type, String deliveryId, String signature, byte[] body) {
		this.deliveries.add(new Delivery(this.deliveries.size() + 1, eventId, type, deliveryId,
				verify(signature, body), BusEvent.of(this.deliveries.size() + 1, body)));
	}

	private boolean verify(String header, byte[] body) {
		String key = this.secret;
		if (header == null || key == null) {
			return false;
		}
		String t = null;
		String v1 = null;
		for (String part : header.split(",")) {
			String[] pair = part.strip().split("=", 2);
			if (pair.length == 2 && pair[0].equals("t")) {
				t = pair[1];
			}
			if (pair.length == 2 && pair[0].equals("v1")) {
				v1 = pair[1];
			}
		}
		if (t == null || v1 == null) {
			return false;
		}
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
			byte[] expected = mac.doFinal(body);
			boolean fresh = Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(t)) <= 300;
			return fresh && MessageDigest.isEqual(HexFormat.of().formatHex(expected).getBytes(StandardCharsets.UTF_8),
					v1.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException | NumberFormatException ex) {
			return false;
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
