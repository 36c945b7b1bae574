package org.inspectflow.notification.sms;

/**
 * The gateway did not take the message but may later: no connection, a timeout, 5xx, 408 or 429. Retried by the
 * {@code sms-gateway} retry and counted by its circuit breaker (both name this class in {@code application.yml}).
 */
class SmsGatewayUnavailable extends RuntimeException {

	SmsGatewayUnavailable(String message, Throwable cause) {
		super(message, cause);
	}

}
