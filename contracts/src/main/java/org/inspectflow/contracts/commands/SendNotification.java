package org.inspectflow.contracts.commands;

import java.util.Map;

import org.inspectflow.contracts.RecipientType;

/**
 * Asks notification-service to tell someone something that no event covers (a supervisor's message, an escalation
 * to a named person); notification-service picks the channels and reports back with
 * {@code notification.NotificationDelivered.v1} or {@code notification.NotificationFailed.v1}.
 *
 * @param notificationId chosen by the sender, so that a resent command is sent once
 * @param caseId the case it is about; null when about none
 * @param recipientId a USCC for an enterprise, a user name otherwise
 * @param template id of the message template, e.g. {@code task-escalated}
 * @param parameters values for the template's placeholders
 */
public record SendNotification(String notificationId, String caseId, RecipientType recipientType, String recipientId,
		String template, Map<String, String> parameters) {

	public static final String TYPE = "notification.SendNotification.v1";

	public SendNotification {
		parameters = Map.copyOf(parameters);
	}

}
