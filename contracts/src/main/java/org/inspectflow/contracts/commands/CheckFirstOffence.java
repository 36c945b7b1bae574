package org.inspectflow.contracts.commands;

import java.time.LocalDate;

/**
 * Asks enterprise-service whether a violation is the enterprise's first (首违免罚: the same violation not found in the
 * 12 months before {@code asOf}); answered by {@link FirstOffenceResult}.
 *
 * @param violationType code of the violation, as on the province's published list
 * @param asOf the day the violation was found
 */
public record CheckFirstOffence(String caseId, String enterpriseUscc, String violationType, LocalDate asOf) {

	public static final String TYPE = "enterprise.CheckFirstOffence.v1";

}
