package org.inspectflow.enterprise.register;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.inspectflow.contracts.RiskTier;

/**
 * An enterprise as the register holds it (collection {@value EnterpriseRegister#COLLECTION}, {@code _id} = USCC).
 *
 * @param latitude null when the register has no location for it
 * @param riskTier null until the first assessment
 * @param version counts the changes to what the risk tier is computed from, so that an assessment made from stale
 * inputs is not written
 */
public record Enterprise(String uscc, String name, String address, Double latitude, Double longitude, String city,
		String district, String street, String grid, String industryCode, String industryName,
		String dischargePermitNumber, boolean keyPollutantUnit, boolean positiveList, RiskTier riskTier,
		List<String> riskReasons, Instant updatedAt, long version) {

	public Enterprise {
		riskReasons = riskReasons == null ? List.of() : List.copyOf(riskReasons);
	}

	static Enterprise from(Document document) {
		Document location = document.get(EnterpriseRegister.LOCATION, Document.class);
		String tier = document.getString(EnterpriseRegister.RISK_TIER);
		Date updated = document.getDate(EnterpriseRegister.UPDATED_AT);
		Number version = document.get(EnterpriseRegister.VERSION, Number.class);
		return new Enterprise(document.getString("_id"), document.getString(EnterpriseRegister.NAME),
				document.getString(EnterpriseRegister.ADDRESS),
				location == null ? null : location.get("latitude", Number.class).doubleValue(),
				location == null ? null : location.get("longitude", Number.class).doubleValue(),
				document.getString(EnterpriseRegister.CITY), document.getString(EnterpriseRegister.DISTRICT),
				document.getString(EnterpriseRegister.STREET), document.getString(EnterpriseRegister.GRID),
				document.getString(EnterpriseRegister.INDUSTRY_CODE),
				document.getString(EnterpriseRegister.INDUSTRY_NAME),
				document.getString(EnterpriseRegister.DISCHARGE_PERMIT),
				Boolean.TRUE.equals(document.getBoolean(EnterpriseRegister.KEY_POLLUTANT_UNIT)),
				Boolean.TRUE.equals(document.getBoolean(EnterpriseRegister.POSITIVE_LIST)),
				tier == null ? null : RiskTier.valueOf(tier), document.getList(EnterpriseRegister.RISK_REASONS,
						String.class),
				updated == null ? null : updated.toInstant(), version == null ? 0 : version.longValue());
	}

}
