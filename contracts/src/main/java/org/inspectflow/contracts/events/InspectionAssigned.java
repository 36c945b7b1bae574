package org.inspectflow.contracts.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A verification task was given to officers, by jurisdiction, by a double-random draw or by a supervisor's
 * reassignment; officers are told, and command and dispatch sees the load.
 *
 * @param taskId the verification task
 * @param officerIds user names of the officers, at least one
 * @param drawId the draw that picked them; null unless {@code method} is {@link AssignmentMethod#DOUBLE_RANDOM_DRAW}
 * @param district administrative division code of the jurisdiction
 * @param dueDate after it the task escalates to the supervisor
 * @param assignedBy user name, or {@code system}
 */
public record InspectionAssigned(String caseId, String taskId, List<String> officerIds, AssignmentMethod method,
		String drawId, String district, LocalDate dueDate, OffsetDateTime assignedAt, String assignedBy) {

	public static final String TYPE = "workflow.InspectionAssigned.v1";

	public InspectionAssigned {
		officerIds = List.copyOf(officerIds);
	}

}
