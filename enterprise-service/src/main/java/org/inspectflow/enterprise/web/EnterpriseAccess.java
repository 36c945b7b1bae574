package org.inspectflow.enterprise.web;

import org.inspectflow.enterprise.register.Enterprise;
import org.inspectflow.enterprise.register.EnterpriseRegister;
import org.inspectflow.enterprise.register.domain.DivisionCodes;
import org.inspectflow.support.security.Caller;
import org.inspectflow.support.web.Problems;

import org.springframework.data.mongodb.core.query.Criteria;

/**
 * Whose enterprises a caller may see: admins all; supervisors and officers those of their city (an officer's city
 * from the {@code city} claim, else from the district's code); an enterprise user only its own (the token's
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
		if (caller.hasRole("supervisor") || caller.hasRole("officer")) {
			return Criteria.where(EnterpriseRegister.CITY).is(cityOf(caller));
		}
		throw Problems.forbidden("only officers, supervisors and admins search the register");
	}

	/** Whether the caller may see this enterprise. */
	static boolean maySee(Caller caller, Enterprise enterprise) {
		if (caller.hasRole("admin")) {
			return true;
		}
		if ((caller.hasRole("supervisor") || caller.hasRole("officer")) && cityOrNull(caller) != null
				&& cityOrNull(caller).equals(enterprise.city())) {
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

	private static String cityOrNull(Caller caller) {
		if (DivisionCodes.isCity(caller.city())) {
			return caller.city();
		}
		if (DivisionCodes.isDistrict(caller.district())) {
			return DivisionCodes.cityOf(caller.district());
		}
		return null;
	}

}
