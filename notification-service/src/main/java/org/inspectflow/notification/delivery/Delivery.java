package org.inspectflow.notification.delivery;

import org.inspectflow.contracts.NotificationChannel;
import org.inspectflow.contracts.RecipientType;
import org.inspectflow.notification.recipients.domain.Recipient;

/**
 * One notification on one channel, rendered: what a channel sends and what the delivery log keeps, so that a retry
 * sends exactly the text of the first attempt.
 *
 * @param notificationId the same for every attempt; derived from (event, recipient, channel)
 * @param eventId the message that caused it
 * @param correlationId the conversation of that message, carried into the outgoing events
 * @param caseId null when about no case
 * @param recipientType as the outgoing events report it (INTEGRATOR for a webhook delivery)
 * @param party as the outgoing events report it: a USCC for enterprise users, the user name otherwise
 * @param recipient the person, with the addresses as they were when the notification was made
 * @param link the portal page the notification points to
 * @param attempts this attempt's number, from 1
 */
public record Delivery(String notificationId, String eventId, String correlationId, String caseId,
		RecipientType recipientType, String party, NotificationChannel channel, Recipient recipient, String template,
		String subject, String body, String link, int attempts) {

}
