package org.inspectflow.workflow.cases;

import java.util.Optional;

import org.inspectflow.support.security.Caller;
import org.inspectflow.workflow.process.EngineClock;
import org.inspectflow.support.web.Problems;
import org.operaton.bpm.engine.TaskService;

import org.springframework.stereotype.Component;

/**
 * Whose cases a caller may see: an officer the cases of its district, a case it has a task of (named by a draw or
 * by reassignment), and a case of another district only when it was shared with the officer's district (each such
 * access is logged with the share's purpose); a supervisor the cases of its city; an admin all. A case outside the caller's reach is "not found", so its existence is not told.
 */
@Component
public class CaseAccess {

	private final CaseRepository cases;

	private final TaskService tasks;

	CaseAccess(CaseRepository cases, TaskService tasks) {
		this.cases = cases;
		this.tasks = tasks;
	}

	/** An officer named for one of the case's tasks (by a draw, by reassignment) sees the case it works on. */
	private boolean worksOn(Caller caller, String caseId) {
		return this.tasks.createTaskQuery()
			.processInstanceBusinessKey(caseId)
			.or()
			.taskAssignee(caller.username())
			.taskCandidateUser(caller.username())
			.endOr()
			.count() > 0;
	}

	public CaseRecord readable(Caller caller, String caseId) {
		CaseRecord found = this.cases.find(caseId)
			.orElseThrow(() -> Problems.notFound("no case " + caseId + " in your jurisdiction"));
		if (caller.hasRole("admin")) {
			return found;
		}
		if (caller.hasRole("supervisor") && found.city().equals(caller.city())) {
			return found;
		}
		if (caller.hasRole("officer")) {
			if (found.district().equals(caller.district())) {
				return found;
			}
			if (worksOn(caller, caseId)) {
				return found;
			}
			Optional<String> purpose = caller.district() == null ? Optional.empty()
					: this.cases.sharePurpose(caseId, caller.district());
			if (purpose.isPresent()) {
				this.cases.logSharedAccess(caseId, caller.username(), caller.district(), purpose.get(),
						EngineClock.now());
				return found;
			}
		}
		throw Problems.notFound("no case " + caseId + " in your jurisdiction");
	}

	/** Sharing a case with another district: its own district's officers or the city's supervisors may. */
	public CaseRecord shareable(Caller caller, String caseId) {
		CaseRecord found = readable(caller, caseId);
		boolean own = caller.hasRole("admin") || (caller.hasRole("supervisor") && found.city().equals(caller.city()))
				|| found.district().equals(caller.district());
		if (!own) {
			throw Problems.forbidden("only the case's own district or its city's supervisors share it");
		}
		return found;
	}

}
