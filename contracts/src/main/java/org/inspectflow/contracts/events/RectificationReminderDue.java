package org.inspectflow.contracts.events;

import java.time.LocalDate;

/**
 * A rectification deadline is near and the enterprise has not submitted yet; the enterprise is reminded.
 *
 * @param workingDaysLeft working days until the deadline, the deadline itself included
 */
public record RectificationReminderDue(String caseId, String enterpriseUscc, String orderId, int round,
		LocalDate deadline, boolean deadlineProvisional, int workingDaysLeft) {

	public static final String TYPE = "workflow.RectificationReminderDue.v1";

}
