package org.inspectflow.notification.delivery;

import java.time.Instant;

/**
 * One delivery as its log shows it (a webhook subscription's delivery log): {@code status} is {@code SENDING},
 * {@code DELIVERED}, {@code FAILED} (tried again at {@code nextAttemptAt}) or {@code DEAD} (no more attempts).
 *
 * @param type what was sent: the template, or for a webhook the event type
 */
public record DeliveryRecord(String id, String eventId, String type, String status, int attempts, String lastError,
		Instant createdAt, Instant deliveredAt, Instant failedAt, Instant nextAttemptAt) {

}
