package org.inspectflow.contracts.commands;

import org.inspectflow.contracts.GeoPoint;

/**
 * Asks enterprise-service which registered enterprise a clue is about; answered by
 * {@link EnterpriseMatchResult}.
 *
 * @param uscc the USCC given with the clue; null when none was given
 * @param location where the problem was seen; null when not given
 * @param radiusMeters how far from {@code location} a site may be to match
 */
public record MatchEnterprise(String caseId, String uscc, GeoPoint location, int radiusMeters) {

	public static final String TYPE = "enterprise.MatchEnterprise.v1";

}
