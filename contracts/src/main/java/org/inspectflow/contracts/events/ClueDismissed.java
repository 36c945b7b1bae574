package org.inspectflow.contracts.events;

import java.time.OffsetDateTime;

/**
 * A clue was closed without rectification, with the reason the complainant and the enterprise's compliance history
 * are given.
 *
 * @param enterpriseUscc the enterprise the clue was about; null when none was matched
 * @param explanation the officer's reasons in words
 */
public record ClueDismissed(String caseId, String clueId, String enterpriseUscc, DismissalReason reason,
		String explanation, OffsetDateTime dismissedAt, String dismissedBy) {

	public static final String TYPE = "workflow.ClueDismissed.v1";

}
