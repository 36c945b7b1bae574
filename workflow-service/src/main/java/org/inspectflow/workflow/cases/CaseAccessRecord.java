package org.inspectflow.workflow.cases;

import java.time.Instant;

/**
 * One access to a case by an officer from outside the case's jurisdiction: who, what, on which grounds and why, and
 * when. Supervisors of the case's city read them (GET /cases/{caseId}/access-log).
 *
 * @param district the caller's own district
 * @param action the endpoint or task action, e.g. {@code GET /cases/{caseId}/timeline}, {@code complete Task_InspectOnSite}
 * @param basis what let the caller in
 * @param purpose the share's purpose, or the task the caller was named for
 * @param sharedBy who shared the case (null for an assigned task)
 * @param sharedAt when the share used was made (null for an assigned task)
 */
public record CaseAccessRecord(String username, String district, String action, Basis basis, String purpose,
		String sharedBy, Instant sharedAt, Instant accessedAt) {

	/** What lets an officer reach a case of another district. */
	public enum Basis {

		/** the case was shared with the officer's district, with a purpose */
		SHARE,

		/** the officer was named for one of the case's tasks (by a double-random draw or by a supervisor) */
		ASSIGNED_TASK

	}

}
