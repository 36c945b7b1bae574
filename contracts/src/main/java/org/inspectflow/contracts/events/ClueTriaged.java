package org.inspectflow.contracts.events;

import java.time.OffsetDateTime;

import org.inspectflow.contracts.RiskTier;

/**
 * A clue was triaged: matched to an enterprise (or not), given a priority and a jurisdiction, so that dispatch can
 * start.
 *
 * @param enterpriseUscc the matched enterprise; null when none matched
 * @param riskTier the matched enterprise's tier; null when none matched
 * @param positiveList whether the matched enterprise is on the positive list (正面清单)
 * @param district administrative division code of the jurisdiction that handles the case, e.g. {@code 440304}
 * @param triagedBy user name, or {@code system} when triage was automatic
 */
public record ClueTriaged(String caseId, String clueId, String enterpriseUscc, RiskTier riskTier, boolean positiveList,
		Priority priority, String district, OffsetDateTime triagedAt, String triagedBy) {

	public static final String TYPE = "workflow.ClueTriaged.v1";

}
