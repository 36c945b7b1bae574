package org.inspectflow.workflow.verification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The online-monitoring platform (在线监测): an outside HTTP system holding each pollution source's automatic
 * monitor readings. Non-site verification reads an enterprise's readings around the alarm.
 */
@Component
class MonitoringPlatformClient {

	private final RestClient http;

	MonitoringPlatformClient(RestClient.Builder builder,
			@Value("${inspectflow.workflow.monitoring.base-url:http://localhost:8099}") String baseUrl,
			@Value("${inspectflow.workflow.monitoring.timeout:PT5S}") Duration timeout) {
		this.http = builder.baseUrl(baseUrl)
			.requestFactory(ClientHttpRequestFactoryBuilder.detect()
				.build(ClientHttpRequestFactorySettings.defaults().withConnectTimeout(timeout).withReadTimeout(timeout)))
			.build();
	}

	/** The readings of an enterprise's monitors between two instants. */
	Readings readings(String enterpriseUscc, Instant from, Instant to) {
		Readings readings = this.http.get()
			.uri("/api/monitoring/enterprises/{uscc}/readings?from={from}&to={to}", enterpriseUscc, from, to)
			.retrieve()
			.body(Readings.class);
		if (readings == null || readings.readings() == null) {
			throw new IllegalStateException("the monitoring platform answered no readings for " + enterpriseUscc);
		}
		return readings;
	}

	record Readings(String enterpriseUscc, List<Reading> readings) {

		long exceedances() {
			return this.readings.stream().filter(Reading::exceeds).count();
		}

	}

	/** @param limit the discharge standard's limit for this pollutant */
	record Reading(String monitorId, String pollutant, double value, double limit, String unit, Instant at) {

		boolean exceeds() {
			return this.value > this.limit;
		}

	}

}
