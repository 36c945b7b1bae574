package org.inspectflow.notification.sms;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code inspectflow.notification.sms}: the outside HTTP SMS gateway. Its retries and circuit breaker are
 * resilience4j's instances named {@value SmsChannel#GATEWAY} ({@code resilience4j.retry.instances.sms-gateway},
 * {@code resilience4j.circuitbreaker.instances.sms-gateway}).
 *
 * @param baseUrl the gateway (the local stack's WireMock by default)
 * @param path where a text message is posted
 * @param apiKey sent as {@code Authorization: Bearer <key>} when set; only from the environment
 * @param connectTimeout a gateway that does not answer must not hold a listener thread
 * @param readTimeout the same, for an answer that does not come
 */
@ConfigurationProperties("inspectflow.notification.sms")
record SmsProperties(@DefaultValue("http://localhost:8099") String baseUrl, @DefaultValue("/sms/send") String path,
		String apiKey, @DefaultValue("2s") Duration connectTimeout, @DefaultValue("5s") Duration readTimeout) {

}
