package org.inspectflow.contracts.commands;

import java.util.List;

/**
 * enterprise-service's reply to {@link CheckFirstOffence}; workflow-service correlates it by {@code caseId}.
 *
 * @param firstOffence true when the same violation was not found in the 12 months before {@code asOf}; whether the
 * violation is on the province's exemption list is workflow-service's decision
 * @param previousCaseIds the cases in the past 12 months with the same violation; empty when first
 */
public record FirstOffenceResult(String caseId, boolean firstOffence, List<String> previousCaseIds) {

	public static final String TYPE = "workflow.FirstOffenceResult.v1";

	public FirstOffenceResult {
		previousCaseIds = List.copyOf(previousCaseIds);
	}

}
