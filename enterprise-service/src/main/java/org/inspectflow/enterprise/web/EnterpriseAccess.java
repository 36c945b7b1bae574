package org.inspectflow.enterprise.web;

import org.inspectflow.enterprise.register.Enterprise;
import org.inspectflow.enterprise.register.EnterpriseRegister;
import org.inspectflow.enterprise.register.domain.DivisionCodes;
import org.inspectflow.support.security.Caller;
import org.inspectflow.support.web.Problems;

import org.springframework.data.mongodb.core.query.Criteria;

/**
 * Whose enterprises a caller may see, next to the data: admins all; supervisors those of their city (the {@code city}
 * claim, else the city of their district); officers those of their district (the {@code district} claim), the
 * jurisdiction they inspect in — an enterprise's compliance history names cases, and workflow-service shows an officer
 * only the cases of its district, so the register does not show more; an enterprise user only its own (the token's
 * {@code enterprise_id}). An enterprise outside the caller's scope answers 404, so USCCs leak nothing.
 */
final class EnterpriseAccess {

	private EnterpriseAccess() {
	}

	/** The criteria of the caller's scope for searches and exports; null for all. */
	static Criteria scope(Caller caller) {
		if (caller.hasRole("admin")) {
			return null;
		}
		if (caller.hasRole("supervisor")) {
			return Criteria.where(EnterpriseRegister.CITY).is(cityOf(caller));
		}
		if (caller.hasRole("officer")) {
			return Criteria.where(EnterpriseRegister.DISTRICT).is(districtOf(caller));
		}
		throw Problems.forbidden("only officers, supervisors and admins search the register");
	}

	/** Whether a search or export of this district stays within the caller's scope. */
	static boolean mayReachDistrict(Caller caller, String district) {
		if (caller.hasRole("admin")) {
			return true;
		}
		if (caller.hasRole("supervisor")) {
			return DivisionCodes.cityOf(district).equals(cityOrNull(caller));
		}
		return caller.hasRole("officer") && district.equals(districtOrNull(caller));
	}

	/** Whether the caller may see this enterprise. */
	static boolean maySee(Caller caller, Enterprise enterprise) {
		if (caller.hasRole("admin")) {
			return true;
		}
		if (caller.hasRole("supervisor") && cityOrNull(caller) != null && cityOrNull(caller).equals(enterprise.city())) {
			return true;
		}
		if (caller.hasRole("officer") && districtOrNull(caller) != null
				&& districtOrNull(caller).equals(enterprise.district())) {
			return true;
		}
		return caller.hasRole("enterprise") && enterprise.uscc().equals(caller.enterpriseId());
	}

	/** Supervisors of the enterprise's city and admins change its listing. */
	static boolean mayManageListing(Caller caller, Enterprise enterprise) {
		return caller.hasRole("admin")
				|| (caller.hasRole("supervisor") && enterprise.city().equals(cityOrNull(caller)));
	}

	static String cityOf(Caller caller) {
		String city = cityOrNull(caller);
		if (city == null) {
			throw Problems.forbidden("your token names no jurisdiction (city or district): ask an admin to set one");
		}
		return city;
	}

	private static String districtOf(Caller caller) {
		String district = districtOrNull(caller);
		if (district == null) {
			throw Problems.forbidden("your token names no district: ask an admin to set your jurisdiction");
		}
		return district;
	}

	private static String cityOrNull(Caller caller) {
		if (DivisionCodes.isCity(caller.city())) {
			return caller.city();
		}
		if (DivisionCodes.isDistrict(caller.district())) {
			return DivisionCodes.cityOf(caller.district());
		}
		return null;
	}

	private static String districtOrNull(Caller caller) {
		return DivisionCodes.isDistrict(caller.district()) ? caller.district() : null;
	}

}
