package org.inspectflow.contracts.events;

import java.time.OffsetDateTime;

import org.inspectflow.contracts.NotificationChannel;
import org.inspectflow.contracts.RecipientType;

/**
 * A notification could not be delivered on a channel, so that someone can try another way before a deadline counts
 * against the enterprise.
 *
 * @param eventId id of the message that caused the notification
 * @param caseId the case it was about; null when about none
 * @param recipient the recipient's id: a USCC for an enterprise, a user name otherwise
 * @param reason why, in words
 * @param attempts attempts made on this channel
 * @param permanent true when retrying the same channel cannot help (no address, address rejected)
 */
public record NotificationFailed(String notificationId, String eventId, String caseId, RecipientType recipientType,
		String recipient, NotificationChannel channel, String reason, int attempts, boolean permanent,
		OffsetDateTime failedAt) {

	public static final String TYPE = "notification.NotificationFailed.v1";

}
