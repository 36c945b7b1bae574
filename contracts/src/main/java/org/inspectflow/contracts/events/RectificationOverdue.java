package org.inspectflow.contracts.events;

import java.time.LocalDate;

/**
 * The deadline passed without a submission; the case escalates (re-inspection on site, possibly a penalty case).
 *
 * @param escalatedTo user name of the supervisor who now holds the case
 */
public record RectificationOverdue(String caseId, String enterpriseUscc, String orderId, int round,
		LocalDate deadline, String escalatedTo) {

	public static final String TYPE = "workflow.RectificationOverdue.v1";

}
