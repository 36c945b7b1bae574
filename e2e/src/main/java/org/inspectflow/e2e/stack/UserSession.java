package org.inspectflow.e2e.stack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A person at the portal, as a browser is: signed in through the real Keycloak login page (the gateway's
 * authorization request, Keycloak's HTML form, the credentials posted, every redirect followed), then holding only
 * the gateway's {@code SESSION} cookie and echoing the {@code XSRF-TOKEN} cookie as {@code X-XSRF-TOKEN} on every
 * write, as the portal does. It never sees a token.
 */
public final class UserSession {

	private static final Pattern LOGIN_FORM = Pattern
		.compile("id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"|action=\"([^\"]+)\"[^>]*id=\"kc-form-login\"");

	private final String gateway;

	private final String username;

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

	private final HttpClient http;

	private JsonNode me;

	private UserSession(String gateway, String username) {
		this.gateway = gateway;
		this.username = username;
		this.http = HttpClient.newBuilder()
			.cookieHandler(new LocalhostIsSecureContext(this.cookies))
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	/** Signs {@code username} in with the demo password through the gateway and Keycloak's login page. */
	public static UserSession signIn(StackConfig stack, String username) {
		UserSession session = new UserSession(stack.gateway(), username);
		session.login();
		return session;
	}

	private void login() {
		String lookAt = "gateway, keycloak";
		Response start = get("/oauth2/authorization/keycloak");
		if (start.status() != 302) {
			throw new StepFailure("the gateway to send " + this.username + " to the Keycloak login (302)",
					start.describe(), lookAt);
		}
		Response page = get(location(start));
		Matcher form = LOGIN_FORM.matcher(page.body() == null ? "" : page.body());
		if (page.status() != 200 || !form.find()) {
			throw new StepFailure("Keycloak's login page with its form (kc-form-login)", page.describe(), "keycloak");
		}
		String action = (form.group(1) != null ? form.group(1) : form.group(2)).replace("&amp;", "&");
		Response afterLogin = send("POST", action, "username=" + encode(this.username) + "&password="
				+ encode(StackConfig.DEMO_PASSWORD), "application/x-www-form-urlencoded", false);
		if (afterLogin.status() != 302) {
			throw new StepFailure("Keycloak to accept " + this.username + "'s password and redirect (302)",
					afterLogin.describe(), "keycloak");
		}
		String callback = location(afterLogin);
		Response landed = get(callback);
		if (landed.status() != 302) {
			throw new StepFailure("the gateway to complete the login at " + callback, landed.describe(), lookAt);
		}
		// the first API call also hands out the CSRF cookie the portal echoes on writes
		Response me = get("/api/me");
		if (me.status() != 200 || !this.username.equals(Json.text(me.json(), "username"))) {
			throw new StepFailure(this.username + " signed in (GET /api/me)", me.describe(), lookAt);
		}
		this.me = me.json();
	}

	public String username() {
		return this.username;
	}

	/** {@code officer1 (张伟)}: how the story names the person. */
	public String who() {
		String name = Json.text(this.me, "name");
		return name == null ? this.username : this.username + " (" + name + ")";
	}

	public JsonNode me() {
		return this.me;
	}

	public Response get(String path) {
		return exchange(HttpRequest.newBuilder(uri(path)).GET().header("Accept", "application/json"), "GET", path);
	}

	public Response post(String path, Object body) {
		return send("POST", path, body == null ? null : Json.write(body), "application/json", true);
	}

	public Response put(String path, Object body) {
		return send("PUT", path, body == null ? null : Json.write(body), "application/json", true);
	}

	public Response delete(String path) {
		return send("DELETE", path, null, null, true);
	}

	/** A file upload as the portal's form sends it: {@code multipart/form-data}, the file in part {@code file}. */
	public Response upload(String path, String fileName, String contentType, byte[] content) {
		String boundary = "----inspectflow-e2e-" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		try {
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
					+ "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			body.write(content);
			body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
		csrf(request);
		return exchange(request, "POST", path);
	}

	private Response send(String method, String path, String body, String contentType, boolean csrf) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.header("Accept", "application/json");
		if (body != null) {
			request.header("Content-Type", contentType);
		}
		if (csrf) {
			csrf(request);
		}
		return exchange(request, method, path);
	}

	private void csrf(HttpRequest.Builder request) {
		String token = cookie("XSRF-TOKEN");
		if (token != null) {
			request.header("X-XSRF-TOKEN", token);
		}
	}

	private Response exchange(HttpRequest.Builder request, String method, String path) {
		request.timeout(Duration.ofSeconds(60));
		IOException last = null;
		// only a read is asked again: a write that may have arrived is not sent twice
		int attempts = "GET".equals(method) ? 3 : 1;
		for (int attempt = 1; attempt <= attempts; attempt++) {
			try {
				HttpResponse<String> response = this.http.send(request.build(),
						HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
				return new Response(method, shortPath(path), response.statusCode(), response.body(),
						response.headers());
			}
			catch (IOException ex) {
				// a connection the server closed while idle: a browser would load the page again
				last = ex;
				Await.sleep(300L * attempt);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		throw new StepFailure("an answer to " + method + " " + shortPath(path), last.toString(), "gateway");
	}

	private String cookie(String name) {
		return this.cookies.getCookieStore()
			.get(URI.create(this.gateway))
			.stream()
			.filter((cookie) -> cookie.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	private URI uri(String path) {
		return URI.create(path.startsWith("/") ? this.gateway + path : path);
	}

	private String shortPath(String path) {
		String full = path.startsWith(this.gateway) ? path.substring(this.gateway.length()) : path;
		int query = full.indexOf("?session_code=");
		return query < 0 ? full : full.substring(0, query);
	}

	private static String location(Response response) {
		String location = response.header("Location");
		if (location == null) {
			throw new StepFailure("a redirect (Location header)", response.describe(), "gateway, keycloak");
		}
		return location;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/**
	 * Keycloak marks its login cookies {@code Secure} even on http://localhost; browsers send them back because they
	 * treat localhost as a secure context, Java's {@link CookieManager} does not. This makes the client behave like a
	 * browser.
	 */
	static final class LocalhostIsSecureContext extends CookieHandler {

		private final CookieManager delegate;

		LocalhostIsSecureContext(CookieManager delegate) {
			this.delegate = delegate;
		}

		@Override
		public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
			boolean localhost = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
			URI asSeen = uri;
			if (localhost && "http".equals(uri.getScheme())) {
				try {
					asSeen = new URI("https", uri.getUserInfo(), uri.getHost(), uri.getPort(), uri.getPath(),
							uri.getQuery(), null);
				}
				catch (URISyntaxException ex) {
					throw new IOException(ex);
				}
			}
			return this.delegate.get(asSeen, requestHeaders);
		}

		@Override
		public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
			this.delegate.put(uri, responseHeaders);
		}

	}

}
