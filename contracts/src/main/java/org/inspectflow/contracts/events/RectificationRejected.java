package org.inspectflow.contracts.events;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The officer rejected the rectification with reasons. Either a new order with the next round follows
 * ({@code workflow.RectificationOrdered.v1}), or, when no round is left, the case escalates to the supervisor.
 *
 * @param reasons why, one item each, at least one
 * @param escalated true when the rounds are used up and no new order follows
 */
public record RectificationRejected(String caseId, String enterpriseUscc, String orderId, int round,
		String submissionId, List<String> reasons, boolean escalated, OffsetDateTime rejectedAt, String reviewedBy) {

	public static final String TYPE = "workflow.RectificationRejected.v1";

	public RectificationRejected {
		reasons = List.copyOf(reasons);
	}

}
