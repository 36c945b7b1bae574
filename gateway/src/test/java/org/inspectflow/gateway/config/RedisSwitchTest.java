package org.inspectflow.gateway.config;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class RedisSwitchTest {

	private static final List<String> REDIS = List.of(
			"org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration",
			"org.springframework.boot.autoconfigure.data.redis.RedisReactiveAutoConfiguration",
			"org.springframework.boot.autoconfigure.data.redis.RedisRepositoriesAutoConfiguration");

	@Test
	void keepsSessionsAndBucketsInMemoryWithoutARedisSetting() {
		MockEnvironment environment = new MockEnvironment().withProperty("inspectflow.gateway.redis-url", "");
		new RedisSwitch().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty(RedisSwitch.ENABLED, Boolean.class)).isFalse();
		assertThat(environment.getProperty("spring.autoconfigure.exclude")).contains(REDIS);
		assertThat(environment.getProperty("spring.data.redis.url")).isNull();
	}

	@Test
	void keepsExclusionsConfiguredElsewhere() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.autoconfigure.exclude",
				"org.example.SomethingAutoConfiguration");
		new RedisSwitch().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("spring.autoconfigure.exclude")).contains(REDIS)
			.contains("org.example.SomethingAutoConfiguration");
	}

	@Test
	void usesRedisAtInspectflowRedisUrl() {
		MockEnvironment environment = new MockEnvironment().withProperty("inspectflow.gateway.redis-url",
				"redis://127.0.0.1:6379");
		new RedisSwitch().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty(RedisSwitch.ENABLED, Boolean.class)).isTrue();
		assertThat(environment.getProperty("spring.data.redis.url")).isEqualTo("redis://127.0.0.1:6379");
		assertThat(environment.getProperty("spring.autoconfigure.exclude")).isNull();
		assertThat(environment.getProperty("management.endpoint.health.group.readiness.include")).contains("redis");
	}

	@Test
	void usesRedisConfiguredTheSpringWay() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.data.redis.host", "redis.internal");
		new RedisSwitch().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty(RedisSwitch.ENABLED, Boolean.class)).isTrue();
		assertThat(environment.getProperty("spring.data.redis.url")).isNull();
		assertThat(environment.getProperty("spring.autoconfigure.exclude")).isNull();
	}

}
