package org.inspectflow.contracts.events;

import java.time.OffsetDateTime;

/**
 * The officer accepted the rectification: the problem can be closed (销号) and the enterprise's compliance record is
 * updated.
 *
 * @param comment the officer's remarks; null when none
 */
public record RectificationAccepted(String caseId, String enterpriseUscc, String orderId, int round,
		String submissionId, String comment, OffsetDateTime acceptedAt, String reviewedBy) {

	public static final String TYPE = "workflow.RectificationAccepted.v1";

}
