package org.inspectflow.contracts.events;

import java.time.OffsetDateTime;

import org.inspectflow.contracts.NotificationChannel;
import org.inspectflow.contracts.RecipientType;

/**
 * A notification reached its recipient's channel; a legal notice (a rectification order) counts as served only with
 * this proof.
 *
 * @param eventId id of the message that caused the notification (an event, or a
 * {@code notification.SendNotification.v1} command)
 * @param caseId the case it was about; null when about none
 * @param recipient the recipient's id: a USCC for an enterprise, a user name otherwise
 */
public record NotificationDelivered(String notificationId, String eventId, String caseId, RecipientType recipientType,
		String recipient, NotificationChannel channel, OffsetDateTime deliveredAt) {

	public static final String TYPE = "notification.NotificationDelivered.v1";

}
