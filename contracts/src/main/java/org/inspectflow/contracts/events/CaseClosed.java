package org.inspectflow.contracts.events;

import java.time.OffsetDateTime;

/**
 * The case ended; the last event of every case.
 *
 * @param enterpriseUscc null when the case concerned no enterprise
 * @param closedBy user name, or {@code system}
 */
public record CaseClosed(String caseId, String enterpriseUscc, CaseOutcome outcome, OffsetDateTime closedAt,
		String closedBy) {

	public static final String TYPE = "workflow.CaseClosed.v1";

}
