package org.inspectflow.contracts.commands;

import java.time.OffsetDateTime;
import java.util.List;

import org.inspectflow.contracts.ClueSource;
import org.inspectflow.contracts.GeoPoint;

/**
 * Hands a clue to workflow-service from outside a user's session (an integrator's platform, a monitoring gateway);
 * workflow-service opens a case and publishes {@code workflow.ClueReported.v1}.
 *
 * @param clueId chosen by the sender (a UUID), kept as the clue's id, so that a resent command opens no second case
 * @param enterpriseUscc the enterprise named by the reporter; null when unknown
 * @param location where the problem was seen; null when not given
 * @param reportedBy the integrator's client id, or the reporter it names
 * @param clientReference the sender's own id for the clue (its ticket or alarm number), shown to officers and
 * searchable
 * @param drawId the double-random draw that chose the enterprise; null otherwise
 * @param drawnOfficers the officers drawn with it, who get the inspection; null or empty otherwise
 */
public record ReportClue(String clueId, ClueSource source, String enterpriseUscc, GeoPoint location,
		String problemType, String description, OffsetDateTime reportedAt, String reportedBy,
		String clientReference, String drawId, List<String> drawnOfficers) {

	public static final String TYPE = "workflow.ReportClue.v1";

}
