package org.inspectflow.notification.sms;

import java.net.http.HttpClient;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * One request to the outside SMS gateway, without retries (those are {@link SmsChannel}'s):
 * {@code POST {base-url}/sms/send} with {@code {"to", "text", "reference"}} and the header {@code Idempotency-Key},
 * both the notification id, so that a gateway that took a message whose answer was lost can drop the repeat.
 */
@Component
class SmsGateway {

	private final RestClient http;

	private final SmsProperties properties;

	SmsGateway(RestClient.Builder builder, SmsProperties properties) {
		this.properties = properties;
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				// HTTP/1.1: an h2c upgrade attempt is refused or reset by some gateways (and WireMock's Jetty)
				HttpClient.newBuilder()
					.version(HttpClient.Version.HTTP_1_1)
					.connectTimeout(properties.connectTimeout())
					.build());
		requests.setReadTimeout(properties.readTimeout());
		this.http = builder.clone().baseUrl(properties.baseUrl()).requestFactory(requests).build();
	}

	/** Hands one text message to the gateway; returns when it accepted it (2xx). */
	void send(String to, String text, String reference) {
		try {
			this.http.post()
				.uri(this.properties.path())
				.contentType(MediaType.APPLICATION_JSON)
				.headers((headers) -> {
					headers.set("Idempotency-Key", reference);
					if (this.properties.apiKey() != null && !this.properties.apiKey().isBlank()) {
						headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + this.properties.apiKey());
					}
				})
				.body(new SmsRequest(to, text, reference))
				.retrieve()
				.onStatus(HttpStatusCode::isError, (request, response) -> {
					int status = response.getStatusCode().value();
					if (status == 408 || status == 429 || status >= 500) {
						throw new SmsGatewayUnavailable("the SMS gateway answered " + status, null);
					}
					throw new SmsRefused("the SMS gateway refused the message to " + to + " (" + status + ")");
				})
				.toBodilessEntity();
		}
		catch (ResourceAccessException ex) {
			throw new SmsGatewayUnavailable("the SMS gateway is not reachable: " + ex.getMessage(), ex);
		}
		catch (RestClientException ex) {
			throw new SmsGatewayUnavailable("the SMS gateway failed: " + ex.getMessage(), ex);
		}
	}

	/** What the gateway receives. */
	record SmsRequest(String to, String text, String reference) {

	}

}
