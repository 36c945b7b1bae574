package org.inspectflow.gateway;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.inspectflow.gateway.limits.LimitsProperties;
import org.inspectflow.support.test.Keycloak;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway with Redis configured ({@code INSPECTFLOW_REDIS_URL}), against the real Redis at 127.0.0.1:6379 and the
 * real Keycloak: the session, and the access and refresh tokens in it, live in Redis under the session id, while the
 * browser holds nothing but that opaque id; a second gateway instance serves the same session, and a session removed
 * from Redis is gone. The rate limiter's buckets are Spring Cloud Gateway's {@link RedisRateLimiter}, in Redis too.
 * <p>
 * The buckets here allow three requests an hour, so nothing depends on timing; their keys carry a prefix of this run
 * alone, since Redis outlives test runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
		properties = { "server.port=18080", "inspectflow.gateway.redis-url=redis://127.0.0.1:6379",
				"spring.session.redis.namespace=" + RedisSessionIT.NAMESPACE,
				"inspectflow.gateway.limits.key-prefix=gateway-it-${random.uuid}",
				"inspectflow.gateway.limits.users.replenish-rate=1",
				"inspectflow.gateway.limits.users.burst-capacity=10800",
				"inspectflow.gateway.limits.users.requested-tokens=3600",
				"inspectflow.gateway.limits.clients.replenish-rate=1",
				"inspectflow.gateway.limits.clients.burst-capacity=10800",
				"inspectflow.gateway.limits.clients.requested-tokens=3600" })
@DirtiesContext // frees port 18080 for the next test class that signs in through Keycloak
class RedisSessionIT {

	static final String NAMESPACE = "inspectflow:gateway-it:session";

	private static final String GATEWAY = "http://localhost:18080";

	private static final DownstreamStub services = DownstreamStub.start();

	@DynamicPropertySource
	static void routeTheServicesToTheStub(DynamicPropertyRegistry registry) {
		services.routeEveryServiceHere(registry);
	}

	@AfterAll
	static void stopStub() {
		services.close();
	}

	/** Redis is shared and outlives the run: leave none of this run's sessions or buckets behind. */
	@AfterEach
	void removeThisRunsKeys() {
		for (String pattern : new String[] { NAMESPACE + ":*", "request_rate_limiter.*" + this.limits.keyPrefix() + ":*" }) {
			this.redis.delete(this.redis.keys(pattern)).block();
		}
	}

	@Autowired
	ReactiveStringRedisTemplate redis;

	@Autowired
	LimitsProperties limits;

	@Autowired
	List<RedisRateLimiter> redisRateLimiters;

	@Test
	void keepsTheSessionAndItsTokensInRedisAndOnlyTheSessionIdInTheBrowser() {
		Browser browser = new Browser(GATEWAY).signIn("officer1");
		services.clear();
		assertThat(browser.get("/api/enterprise/me").statusCode()).isEqualTo(200);
		String accessToken = services.last().bearer();
		assertThat(Browser.claim(accessToken, "preferred_username")).isEqualTo("officer1");

		String sessionId = browser.cookie("SESSION");
		assertThat(sessionId).as("the browser's session cookie").isNotBlank().doesNotContain("eyJ");
		String key = NAMESPACE + ":sessions:" + sessionId;
		Map<String, String> session = this.redis.<String, String>opsForHash()
			.entries(key)
			.collectMap(Map.Entry::getKey, Map.Entry::getValue)
			.block();
		assertThat(session).as("the session in Redis at " + key).isNotEmpty();
		String stored = String.join("\n", session.values());
		assertThat(stored).as("the access token the service received is kept in the session").contains(accessToken);
		assertThat(jwtTypes(stored)).as("the kinds of token kept in the session").contains("Bearer", "Refresh", "ID");
		assertThat(browser.seen()).as("what the browser got")
			.allSatisfy((response) -> assertThat(response.headers().map() + response.body()).doesNotContain(accessToken)
				.doesNotContain("\"access_token\"")
				.doesNotContain("\"refresh_token\""));

		// another gateway instance on the same Redis serves the same session
		try (ConfigurableApplicationContext second = secondGateway()) {
			int port = ((WebServerApplicationContext) second).getWebServer().getPort();
			HttpResponse<String> me = browser.get("http://localhost:" + port + "/api/me");
			assertThat(me.statusCode()).isEqualTo(200);
			assertThat(me.body()).contains("\"username\":\"officer1\"");
		}

		// a session removed from Redis is gone: the browser's cookie opens nothing any more
		assertThat(this.redis.delete(key).block()).isEqualTo(1L);
		assertThat(browser.get("/api/me").statusCode()).isEqualTo(401);
	}

	@Test
	void countsUsersAndClientsInRedis() {
		assertThat(this.redisRateLimiters).as("the users' and the clients' buckets").hasSize(2);

		String token = Keycloak.secondIntegratorToken();
		Browser integrator = new Browser(GATEWAY);
		for (int i = 1; i <= 3; i++) {
			assertThat(integrator.get("/api/integrations/webhooks", "Authorization", "Bearer " + token).statusCode())
				.as("request " + i)
				.isEqualTo(200);
		}
		assertTooManyRequests(integrator.get("/api/integrations/webhooks", "Authorization", "Bearer " + token));

		Browser enterprise = new Browser(GATEWAY).signIn("enterprise1");
		for (int i = 1; i <= 3; i++) {
			assertThat(enterprise.get("/api/enterprise/portal/notices").statusCode()).as("request " + i).isEqualTo(200);
		}
		assertTooManyRequests(enterprise.get("/api/enterprise/portal/notices"));

		List<String> keys = this.redis.keys("request_rate_limiter.*" + this.limits.keyPrefix() + ":*")
			.collectList()
			.block();
		assertThat(keys).as("the buckets in Redis")
			.anyMatch((bucket) -> bucket.contains(":client:inspectflow-integrator-second") && bucket.endsWith(".tokens"))
			.anyMatch((bucket) -> bucket.contains(":user:enterprise1") && bucket.endsWith(".tokens"));
	}

	private static void assertTooManyRequests(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 3600L);
	}

	private static List<String> jwtTypes(String text) {
		Matcher jwt = Pattern.compile("eyJ[A-Za-z0-9_-]+\\.eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*").matcher(text);
		List<String> types = new java.util.ArrayList<>();
		while (jwt.find()) {
			types.add(String.valueOf(Browser.claim(jwt.group(), "typ")));
		}
		return types;
	}

	private static ConfigurableApplicationContext secondGateway() {
		return new SpringApplicationBuilder(GatewayApplication.class).run("--server.port=0",
				"--inspectflow.gateway.redis-url=redis://127.0.0.1:6379", "--spring.session.redis.namespace=" + NAMESPACE,
				"--inspectflow.services.enterprise=" + services.url());
	}

}
