package org.inspectflow.evidence.cases;

import org.inspectflow.support.security.Caller;
import org.inspectflow.support.web.Problems;

import org.springframework.stereotype.Component;

/**
 * Who may add and read a case's evidence: officers of the case's district, supervisors of its city, admins; the
 * case's enterprise adds its own proof and reads what it added or what officers shared with it. A case outside the
 * caller's reach is "not found", so its existence is not told.
 */
@Component
public class CaseAccess {

	private final CaseDirectory cases;

	CaseAccess(CaseDirectory cases) {
		this.cases = cases;
	}

	/** The case, if the caller may work on its evidence at all. */
	public CaseRecord reachable(Caller caller, String caseId) {
		CaseRecord found = this.cases.find(caseId)
			.orElseThrow(() -> Problems.notFound("no case " + caseId + " for you"));
		if (isOfficial(caller, found) || isTheEnterprise(caller, found)) {
			return found;
		}
		throw Problems.notFound("no case " + caseId + " for you");
	}

	/** Officers of the district, supervisors of the city, admins: they see all of a case's evidence. */
	public boolean isOfficial(Caller caller, CaseRecord found) {
		return caller.hasRole("admin")
				|| (caller.hasRole("supervisor") && caller.city() != null && caller.city().equals(found.city()))
				|| (caller.hasRole("officer") && caller.district() != null
						&& caller.district().equals(found.district()));
	}

	public boolean isTheEnterprise(Caller caller, CaseRecord found) {
		return caller.hasRole("enterprise") && caller.enterpriseId() != null
				&& caller.enterpriseId().equals(found.enterpriseUscc());
	}

}
