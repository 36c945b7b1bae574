package org.inspectflow.workflow.cases;

import java.time.Instant;
import java.time.LocalDate;

import org.inspectflow.contracts.ClueSource;
import org.inspectflow.contracts.GeoPoint;

/**
 * A case as the platform keeps it beside the process: what the clue said, whose jurisdiction it is in, and where
 * it stands. The process instance (business key = case id) drives it; this row answers queries fast.
 */
public record CaseRecord(String caseId, String clueId, ClueSource source, String clientReference,
		String enterpriseUscc, String problemType, String severity, String description, GeoPoint location,
		String district, String city, String priority, String riskTier, CaseStatus status, String mergedInto,
		String outcome, String assignedOfficer, LocalDate deadline, boolean deadlineProvisional,
		int rectificationRound, boolean nonSite, boolean problemFound, String reportedBy, Instant reportedAt,
		Instant closedAt) {
}
