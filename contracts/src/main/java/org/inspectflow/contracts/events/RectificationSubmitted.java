package org.inspectflow.contracts.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The enterprise submitted proof of rectification (photos, monitoring data, test reports) through its portal
 * (enterprise-service); workflow-service hands it to the officer's review.
 *
 * @param submissionId the submission
 * @param evidenceIds the proof, stored by evidence-service
 * @param statement the enterprise's account of what it did
 * @param completedOn the day the enterprise says the work was finished; null when not given
 * @param submittedBy user name of the enterprise user
 */
public record RectificationSubmitted(String caseId, String enterpriseUscc, String orderId, int round,
		String submissionId, List<String> evidenceIds, String statement, LocalDate completedOn, OffsetDateTime submittedAt,
		String submittedBy) {

	public static final String TYPE = "enterprise.RectificationSubmitted.v1";

	public RectificationSubmitted {
		evidenceIds = List.copyOf(evidenceIds);
	}

}
