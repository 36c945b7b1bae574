package org.inspectflow.contracts.events;

import java.time.LocalDate;
import java.util.List;

/**
 * A rectification order (责令改正通知) went to an enterprise: it sees the order in its portal and must submit proof by
 * the deadline. A rejected submission leads to a new order with the next round.
 *
 * @param orderId the order (one per round)
 * @param deadline last day to submit, counted in working days
 * @param deadlineProvisional true when the deadline was counted on a provisional holiday calendar (a year whose
 * official arrangement is not yet published) and may move
 * @param round 1 for the first order, 2 after the first rejection, …
 * @param requirements what the enterprise must do, one item each
 */
public record RectificationOrdered(String caseId, String enterpriseUscc, String orderId, LocalDate deadline,
		boolean deadlineProvisional, int round, List<String> requirements) {

	public static final String TYPE = "workflow.RectificationOrdered.v1";

	public RectificationOrdered {
		requirements = List.copyOf(requirements);
	}

}
