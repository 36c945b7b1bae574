package org.inspectflow.gateway.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Redis is optional for the gateway: with it, the sessions (and the tokens in them) live in Redis through Spring
 * Session, so several gateway instances share them and a restart signs nobody out, and the rate limiter's buckets
 * live there too ({@code RedisRateLimiter}); without it, both stay in this instance's memory. Spring Boot would
 * configure a Redis connection (and with it Redis sessions) whenever the driver is on the classpath, so this decides
 * before the context starts: Redis is used when {@code inspectflow.gateway.redis-url} ({@code INSPECTFLOW_REDIS_URL})
 * or Spring's own {@code spring.data.redis.url}/{@code host} is set, and Redis auto-configuration is switched off
 * otherwise. {@code inspectflow.gateway.redis.enabled} tells the rest of the gateway which way it went.
 */
final class RedisSwitch implements EnvironmentPostProcessor {

	static final String ENABLED = "inspectflow.gateway.redis.enabled";

	static final String URL = "inspectflow.gateway.redis-url";

	private static final List<String> REDIS_AUTO_CONFIGURATIONS = List.of(
			"org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration",
			"org.springframework.boot.autoconfigure.data.redis.RedisReactiveAutoConfiguration",
			"org.springframework.boot.autoconfigure.data.redis.RedisRepositoriesAutoConfiguration");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> decided = new LinkedHashMap<>();
		String url = environment.getProperty(URL, "");
		boolean springConfigured = hasText(environment.getProperty("spring.data.redis.url"))
				|| hasText(environment.getProperty("spring.data.redis.host"));
		boolean enabled = hasText(url) || springConfigured;
		decided.put(ENABLED, enabled);
		if (hasText(url) && !springConfigured) {
			decided.put("spring.data.redis.url", url.trim());
		}
		if (enabled) {
			// Redis is then part of being ready: without it nobody can sign in
			decided.put("management.endpoint.health.group.readiness.include", "readinessState,keycloak,redis");
		}
		else {
			List<String> excluded = new ArrayList<>(Binder.get(environment)
				.bind("spring.autoconfigure.exclude", Bindable.listOf(String.class))
				.orElse(List.of()));
			REDIS_AUTO_CONFIGURATIONS.stream().filter((name) -> !excluded.contains(name)).forEach(excluded::add);
			decided.put("spring.autoconfigure.exclude", String.join(",", excluded));
		}
		environment.getPropertySources().addFirst(new MapPropertySource("inspectflowRedisSwitch", decided));
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

}
