package org.inspectflow.contracts.events;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The enterprise submitted proof of rectification (photos, monitoring data, test reports); an officer reviews it.
 *
 * @param submissionId the submission
 * @param evidenceIds the proof, stored by evidence-service
 * @param statement the enterprise's account of what it did
 * @param submittedBy user name of the enterprise user
 */
public record RectificationSubmitted(String caseId, String enterpriseUscc, String orderId, int round,
		String submissionId, List<String> evidenceIds, String statement, OffsetDateTime submittedAt,
		String submittedBy) {

	public static final String TYPE = "workflow.RectificationSubmitted.v1";

	public RectificationSubmitted {
		evidenceIds = List.copyOf(evidenceIds);
	}

}
