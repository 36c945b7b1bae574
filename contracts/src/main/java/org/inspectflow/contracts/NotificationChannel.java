package org.inspectflow.contracts;

/**
 * The channel a notification went out on; reported back so that a failure on one channel can be retried on another.
 */
public enum NotificationChannel {

	EMAIL, SMS, IN_APP, WEBHOOK

}
