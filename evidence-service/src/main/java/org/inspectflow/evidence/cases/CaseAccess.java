package org.inspectflow.evidence.cases;

import org.inspectflow.support.security.Caller;
import org.inspectflow.support.web.Problems;

import org.springframework.stereotype.Component;

/**
 * Who may add and read a case's evidence. Officers of the case's district and supervisors of its city collect it and
 * read all of it; admins read all of it (operators: verify, export) but add none, since evidence carries weight only
 * when enforcement staff or the enterprise put it there. The case's enterprise reaches its case from the
 * rectification order on: it adds its proof and reads what it added or what officers shared with it. Before the order
 * the case is the officers' alone (a complaint or an unannounced inspection is not told to the enterprise). A case
 * outside the caller's reach is "not found", so its existence is not told.
 */
@Component
public class CaseAccess {

	private final CaseDirectory cases;

	CaseAccess(CaseDirectory cases) {
		this.cases = cases;
	}

	/** The case, if the caller may read its evidence at all. */
	public CaseRecord reachable(Caller caller, String caseId) {
		CaseRecord found = find(caseId);
		if (isOfficial(caller, found) || isTheEnterprise(caller, found)) {
			return found;
		}
		throw notYours(caseId);
	}

	/** The case, if the caller may add evidence to it: its officers and supervisors, or its enterprise. */
	public CaseRecord addable(Caller caller, String caseId) {
		CaseRecord found = find(caseId);
		if (collects(caller, found) || isTheEnterprise(caller, found)) {
			return found;
		}
		throw notYours(caseId);
	}

	/** Officers of the district, supervisors of the city, admins: they see all of a case's evidence. */
	public boolean isOfficial(Caller caller, CaseRecord found) {
		return caller.hasRole("admin") || collects(caller, found);
	}

	/** Enforcement staff of the case's jurisdiction: officers of its district, supervisors of its city. */
	public boolean collects(Caller caller, CaseRecord found) {
		return (caller.hasRole("supervisor") && caller.city() != null && caller.city().equals(found.city()))
				|| (caller.hasRole("officer") && caller.district() != null
						&& caller.district().equals(found.district()));
	}

	/** The case's enterprise, once it has been ordered to rectify (until then it is not told of the case). */
	public boolean isTheEnterprise(Caller caller, CaseRecord found) {
		return caller.hasRole("enterprise") && caller.enterpriseId() != null
				&& caller.enterpriseId().equals(found.enterpriseUscc()) && found.orderedAt() != null;
	}

	private CaseRecord find(String caseId) {
		return this.cases.find(caseId).orElseThrow(() -> notYours(caseId));
	}

	private static RuntimeException notYours(String caseId) {
		return Problems.notFound("no case " + caseId + " for you");
	}

}
