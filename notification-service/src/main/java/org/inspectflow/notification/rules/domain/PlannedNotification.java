package org.inspectflow.notification.rules.domain;

import org.inspectflow.contracts.NotificationChannel;
import org.inspectflow.contracts.RecipientType;
import org.inspectflow.notification.recipients.domain.Recipient;

/**
 * One notification to make: a person, on a channel, with a template.
 *
 * @param recipientType as the outgoing events report it
 * @param party as the outgoing events report it: the USCC for an enterprise's users, the user name otherwise
 */
public record PlannedNotification(Recipient recipient, RecipientType recipientType, String party,
		NotificationChannel channel, String template) {

}
