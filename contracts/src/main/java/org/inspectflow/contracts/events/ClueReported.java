package org.inspectflow.contracts.events;

import java.time.OffsetDateTime;

import org.inspectflow.contracts.ClueSource;
import org.inspectflow.contracts.GeoPoint;

/**
 * A clue came in and opened a case: the start of every case (线索).
 *
 * @param caseId the case this clue opened
 * @param clueId the clue
 * @param source the channel it came through
 * @param enterpriseUscc the enterprise named by the reporter; null when unknown
 * @param location where the problem was seen; null when not given
 * @param problemType code of the kind of problem, e.g. {@code WATER_POLLUTION}
 * @param description the reporter's words
 * @param reportedAt when the reporter reported it (may be earlier than the message)
 * @param reportedBy user name, grid member id or the integrator's client id
 * @param district the district the case is handled in until the enterprise is matched (administrative division
 * code); null from senders that do not know it
 */
public record ClueReported(String caseId, String clueId, ClueSource source, String enterpriseUscc, GeoPoint location,
		String problemType, String description, OffsetDateTime reportedAt, String reportedBy, String district) {

	public static final String TYPE = "workflow.ClueReported.v1";

}
