package org.inspectflow.evidence.cases;

import java.time.Instant;

/**
 * What evidence-service knows of a case, from the workflow's events: whose jurisdiction, which enterprise, where, the
 * latest rectification order (a rectification photo must be taken after it), and whether it ended.
 */
public record CaseRecord(String caseId, String district, String city, String enterpriseUscc, Double latitude,
		Double longitude, Instant orderedAt, boolean ended) {
}
