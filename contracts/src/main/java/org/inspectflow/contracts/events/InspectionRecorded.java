package org.inspectflow.contracts.events;

import java.time.OffsetDateTime;
import java.util.List;

import org.inspectflow.contracts.GeoPoint;

/**
 * An inspection record (现场检查笔录) or a non-site verification was completed, with its finding; the finding decides
 * whether the case is dismissed, goes to rectification or also to a penalty case.
 *
 * @param recordId the inspection record
 * @param enterpriseUscc the inspected enterprise; null when the site belongs to none (an illegal workshop)
 * @param violationType code of the confirmed violation; null when the finding is {@link InspectionFinding#UNFOUNDED}
 * @param evidenceIds evidence stored with the record (see {@code evidence.EvidenceStored.v1})
 * @param location where the officer stood; null for non-site inspections
 */
public record InspectionRecorded(String caseId, String recordId, String enterpriseUscc, InspectionMode mode,
		InspectionFinding finding, String violationType, List<String> officerIds, List<String> evidenceIds,
		GeoPoint location, OffsetDateTime inspectedAt, String recordedBy) {

	public static final String TYPE = "workflow.InspectionRecorded.v1";

	public InspectionRecorded {
		officerIds = List.copyOf(officerIds);
		evidenceIds = List.copyOf(evidenceIds);
	}

}
