package org.inspectflow.notification.sms;

/**
 * The gateway refused the message for good (4xx other than 408/429: a number it does not accept, a text it
 * rejects): neither retried nor held against the gateway's health.
 */
class SmsRefused extends RuntimeException {

	SmsRefused(String message) {
		super(message);
	}

}
