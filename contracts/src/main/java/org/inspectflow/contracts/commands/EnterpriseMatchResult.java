package org.inspectflow.contracts.commands;

import org.inspectflow.contracts.MatchMethod;
import org.inspectflow.contracts.RiskTier;

/**
 * enterprise-service's reply to {@link MatchEnterprise}; workflow-service correlates it by {@code caseId}.
 *
 * @param enterpriseUscc null when not matched
 * @param riskTier null when not matched
 * @param positiveList whether the enterprise is on the positive list; false when not matched
 * @param method {@link MatchMethod#NONE} when not matched
 * @param district the enterprise's district (administrative division code), where the case is handled; null when
 * not matched
 * @param city the enterprise's city; null when not matched
 */
public record EnterpriseMatchResult(String caseId, boolean matched, String enterpriseUscc, RiskTier riskTier,
		boolean positiveList, MatchMethod method, String district, String city) {

	public static final String TYPE = "workflow.EnterpriseMatchResult.v1";

}
