package org.inspectflow.e2e.stack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the platform's outside channels delivered, read back from the local stand-ins: e-mail from GreenMail's API
 * ({@code GET /api/user/<address>/messages/INBOX/}), SMS from the requests WireMock received at {@code /sms/send}
 * (its admin API). Either is absent when the stack sends to a real server instead (then {@link #mailReadable()} or
 * {@link #smsReadable()} is false and nothing is claimed about it).
 */
public final class Deliveries {

	private final String mailApi;

	private final String smsApi;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

	private Boolean mailUp;

	private Boolean smsUp;

	public Deliveries(StackConfig stack) {
		this.mailApi = stack.mailApi();
		this.smsApi = stack.smsApi();
	}

	/** An e-mail as GreenMail keeps it. */
	public record Mail(String to, String subject) {
	}

	/** An SMS request as the gateway's stand-in received it. */
	public record Sms(String to, String text, String reference) {
	}

	public boolean mailReadable() {
		if (this.mailUp == null) {
			this.mailUp = this.mailApi != null && get(this.mailApi + "/api/user") != null;
		}
		return this.mailUp;
	}

	public boolean smsReadable() {
		if (this.smsUp == null) {
			this.smsUp = this.smsApi != null && get(this.smsApi + "/__admin/health") != null;
		}
		return this.smsUp;
	}

	/** Where e-mail is read back from, for the story. */
	public String mailApi() {
		return this.mailApi;
	}

	public String smsApi() {
		return this.smsApi;
	}

	public List<Mail> mailsTo(String address) {
		JsonNode messages = Json.parse(get(this.mailApi + "/api/user/" + URLEncoder.encode(address, StandardCharsets.UTF_8)
				+ "/messages/INBOX/"));
		return Json.list(messages).stream().map((m) -> new Mail(address, Json.text(m, "subject"))).toList();
	}

	public List<Sms> smsSent() {
		String found = post(this.smsApi + "/__admin/requests/find", "{\"method\":\"POST\",\"url\":\"/sms/send\"}");
		return Json.list(Json.parse(found).path("requests")).stream().map((request) -> {
			JsonNode body = Json.parse(Json.text(request, "body"));
			return new Sms(Json.text(body, "to"), Json.text(body, "text"), Json.text(body, "reference"));
		}).toList();
	}

	private String get(String url) {
		return send(HttpRequest.newBuilder(URI.create(url)).GET());
	}

	private String post(String url, String json) {
		return send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	private String send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return response.statusCode() / 100 == 2 ? response.body() : null;
		}
		catch (IOException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
