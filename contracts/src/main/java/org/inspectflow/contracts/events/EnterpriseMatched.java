package org.inspectflow.contracts.events;

import java.time.OffsetDateTime;

import org.inspectflow.contracts.MatchMethod;
import org.inspectflow.contracts.RiskTier;

/**
 * A case's clue was matched to a registered enterprise; published for anyone who follows an enterprise's cases (the
 * reply to the asking service is {@code workflow.EnterpriseMatchResult.v1}).
 *
 * @param method {@link MatchMethod#USCC} or {@link MatchMethod#LOCATION}
 * @param distanceMeters distance from the clue's location to the site; null when matched by USCC
 * @param district administrative division code of the enterprise's site
 */
public record EnterpriseMatched(String caseId, String enterpriseUscc, MatchMethod method, Double distanceMeters,
		RiskTier riskTier, boolean positiveList, String district, OffsetDateTime matchedAt) {

	public static final String TYPE = "enterprise.EnterpriseMatched.v1";

}
