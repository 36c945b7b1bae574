package org.inspectflow.gateway;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser for the gateway's integration tests: it keeps cookies like a real one (localhost counts as a secure
 * context), signs a demo user in through the real Keycloak login form, sends the CSRF cookie back as the portal does,
 * and records every response it got, so a test can check that no token ever reached it.
 */
final class Browser {

	static final String PASSWORD = "demo123";

	private static final ObjectMapper JSON = new ObjectMapper();

	private final String gateway;

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new LocalhostIsSecureContext(this.cookies))
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final List<HttpResponse<String>> seen = new ArrayList<>();

	Browser(String gateway) {
		this.gateway = gateway;
	}

	/** Signs {@code username} in: the gateway's login start, Keycloak's form, the callback, back on the portal. */
	Browser signIn(String username) {
		HttpResponse<String> authorize = get(this.gateway + "/oauth2/authorization/keycloak");
		assertThat(authorize.statusCode()).as("the login start").isEqualTo(302);
		HttpResponse<String> loginPage = get(location(authorize));
		assertThat(loginPage.statusCode()).as("Keycloak's login page").isEqualTo(200);
		HttpResponse<String> afterLogin = send("POST", formAction(loginPage.body()),
				"username=" + username + "&password=" + PASSWORD, "application/x-www-form-urlencoded", false);
		assertThat(afterLogin.statusCode()).as("Keycloak's answer to " + username + "'s password").isEqualTo(302);
		String callback = location(afterLogin);
		assertThat(callback).startsWith(this.gateway + "/login/oauth2/code/keycloak?");
		HttpResponse<String> landed = get(callback);
		assertThat(landed.statusCode()).as("the callback").isEqualTo(302);
		assertThat(location(landed)).as("back on the portal").isIn("/", this.gateway + "/");
		HttpResponse<String> portal = get("/", "Accept", "text/html");
		assertThat(portal.statusCode()).as("the portal after sign-in").isEqualTo(200);
		return this;
	}

	HttpResponse<String> get(String url, String... headers) {
		return exchange(HttpRequest.newBuilder(URI.create(absolute(url))).GET(), headers);
	}

	/** A request with a body; {@code csrf} sends the XSRF-TOKEN cookie back in X-XSRF-TOKEN, as the portal does. */
	HttpResponse<String> send(String method, String url, String body, String contentType, boolean csrf,
			String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(absolute(url)))
			.method(method, (body == null) ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body));
		if (body != null) {
			request.header("Content-Type", contentType);
		}
		if (csrf) {
			String token = cookie("XSRF-TOKEN");
			if (token != null) {
				request.header("X-XSRF-TOKEN", token);
			}
		}
		return exchange(request, headers);
	}

	HttpResponse<String> exchange(HttpRequest.Builder request, String... headers) {
		request.timeout(Duration.ofSeconds(30));
		if (headers.length > 0) {
			request.headers(headers);
		}
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			this.seen.add(response);
			return response;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The gateway's cookie of that name, or null. */
	String cookie(String name) {
		return this.cookies.getCookieStore()
			.get(URI.create(this.gateway))
			.stream()
			.filter((cookie) -> cookie.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	/** Every response this browser got, for checks over all of them. */
	List<HttpResponse<String>> seen() {
		return List.copyOf(this.seen);
	}

	private String absolute(String url) {
		return url.startsWith("/") ? this.gateway + url : url;
	}

	static String location(HttpResponse<?> response) {
		return response.headers()
			.firstValue("Location")
			.orElseThrow(() -> new AssertionError(
					"no Location header; status " + response.statusCode() + " body " + response.body()));
	}

	static String formAction(String html) {
		Matcher matcher = Pattern
			.compile("id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"|action=\"([^\"]+)\"[^>]*id=\"kc-form-login\"")
			.matcher(html);
		assertThat(matcher.find()).as("the Keycloak login form").isTrue();
		String action = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
		return action.replace("&amp;", "&");
	}

	/** A claim of a JWT's payload (no signature check: the gateway and the services do that). */
	static String claim(String jwt, String name) {
		try {
			JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
			JsonNode value = claims.get(name);
			if (value == null) {
				return null;
			}
			return value.isValueNode() ? value.asText() : value.toString();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Keycloak marks its login cookies {@code Secure} even on http://localhost; browsers send them back because they
	 * treat localhost as a secure context, Java's {@link CookieManager} does not. This makes the test's browser
	 * behave like a real one.
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
				catch (java.net.URISyntaxException ex) {
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
