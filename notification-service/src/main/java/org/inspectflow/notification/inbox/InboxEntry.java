package org.inspectflow.notification.inbox;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One notification in a person's in-app inbox, as the API and the live stream show it.
 *
 * @param id the notification id (the same as in {@code NotificationDelivered})
 * @param caseId null when about no case
 * @param kind the template, e.g. {@code rectification-ordered}: lets the portal choose an icon
 * @param link the portal page to act on
 * @param readAt null while unread
 */
public record InboxEntry(String id, String caseId, String kind, String title, String body, String link,
		Instant createdAt, Instant readAt) {

	@JsonProperty("read")
	public boolean read() {
		return this.readAt != null;
	}

}
