package org.inspectflow.contracts.events;

import java.time.OffsetDateTime;

/**
 * A clue duplicated an open case (same enterprise, same problem type) and was merged into it, so that one problem is
 * inspected once. The duplicate's own case ends here and is closed with outcome {@link CaseOutcome#MERGED}.
 *
 * @param caseId the duplicate's case, which ends
 * @param clueId the duplicate clue
 * @param intoCaseId the open case that takes the clue over
 * @param mergedBy user name, or {@code system} when merged automatically
 */
public record ClueMerged(String caseId, String clueId, String intoCaseId, String enterpriseUscc, String problemType,
		OffsetDateTime mergedAt, String mergedBy) {

	public static final String TYPE = "workflow.ClueMerged.v1";

}
