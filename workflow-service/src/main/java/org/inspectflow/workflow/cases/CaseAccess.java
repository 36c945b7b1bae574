package org.inspectflow.workflow.cases;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.inspectflow.support.security.Caller;
import org.inspectflow.support.web.Problems;
import org.inspectflow.workflow.process.EngineClock;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Whose cases a caller may see: an officer the cases of its district, a case of another district only when it was
 * shared with the officer's district or the officer was named for one of its tasks (by a draw or by reassignment); a
 * supervisor the cases of its city; an admin all. A case outside the caller's reach is "not found", so its existence
 * is not told. Every access from outside the case's jurisdiction is audited (who, which case, what, on which
 * grounds and why, when) in {@code wf_case_access_log} and in the log {@code org.inspectflow.workflow.audit}.
 */
@Component
public class CaseAccess {

	private static final Logger AUDIT = LoggerFactory.getLogger("org.inspectflow.workflow.audit");

	private final CaseRepository cases;

	private final TaskService tasks;

	CaseAccess(CaseRepository cases, TaskService tasks) {
		this.cases = cases;
		this.tasks = tasks;
	}

	/**
	 * The case, if the caller may read it.
	 * @param action what the caller does with it, for the audit (e.g. {@code GET /cases/{caseId}/timeline})
	 */
	public CaseRecord readable(Caller caller, String caseId, String action) {
		CaseRecord found = find(caseId);
		if (insideJurisdiction(caller, found)) {
			return found;
		}
		if (caller.hasRole("officer")) {
			Optional<CaseShare> share = caller.district() == null ? Optional.empty()
					: this.cases.findShare(caseId, caller.district());
			if (share.isPresent()) {
				audit(caller, found, action, CaseAccessRecord.Basis.SHARE, share.get().purpose(), share.get());
				return found;
			}
			Optional<Task> task = assignedTask(caller, caseId);
			if (task.isPresent()) {
				audit(caller, found, action, CaseAccessRecord.Basis.ASSIGNED_TASK, namedFor(task.get()), null);
				return found;
			}
		}
		throw notFound(caseId);
	}

	/** Sharing a case with another district: its own district's officers or the city's supervisors may. */
	public CaseRecord shareable(Caller caller, String caseId) {
		CaseRecord found = find(caseId);
		if (insideJurisdiction(caller, found)) {
			return found;
		}
		boolean seesIt = caller.hasRole("officer") && ((caller.district() != null
				&& this.cases.findShare(caseId, caller.district()).isPresent())
				|| assignedTask(caller, caseId).isPresent());
		if (seesIt) {
			throw Problems.forbidden("only the case's own district or its city's supervisors share it");
		}
		throw notFound(caseId);
	}

	/** Who may read the audit of a case: the supervisors of its city and admins. */
	public CaseRecord auditable(Caller caller, String caseId) {
		CaseRecord found = find(caseId);
		if (caller.hasRole("admin") || (caller.hasRole("supervisor") && found.city().equals(caller.city()))) {
			return found;
		}
		throw notFound(caseId);
	}

	/**
	 * An officer works on a task of a case outside its district (it was named for the task by a draw or by a
	 * supervisor): audited like a read through a share, with the task as its purpose. Nothing is recorded for a case
	 * of the caller's own jurisdiction. Called in the transaction of the work, so a refused change leaves no record.
	 */
	public void recordTaskWork(Caller caller, String caseId, String action, String taskName) {
		CaseRecord found = this.cases.find(caseId).orElse(null);
		if (found == null || insideJurisdiction(caller, found)) {
			return;
		}
		audit(caller, found, action, CaseAccessRecord.Basis.ASSIGNED_TASK, "named for the task '" + taskName + "'",
				null);
	}

	private CaseRecord find(String caseId) {
		return this.cases.find(caseId).orElseThrow(() -> notFound(caseId));
	}

	private static RuntimeException notFound(String caseId) {
		return Problems.notFound("no case " + caseId + " in your jurisdiction");
	}

	/** The case is the caller's own: an admin's, its city's supervisor's, its district's officer's. */
	private static boolean insideJurisdiction(Caller caller, CaseRecord found) {
		return caller.hasRole("admin") || (caller.hasRole("supervisor") && found.city().equals(caller.city()))
				|| (caller.hasRole("officer") && found.district().equals(caller.district()));
	}

	/** A task of the case the officer was named for (by a draw, by reassignment), if there is one. */
	private Optional<Task> assignedTask(Caller caller, String caseId) {
		List<Task> found = this.tasks.createTaskQuery()
			.processInstanceBusinessKey(caseId)
			.or()
			.taskAssignee(caller.username())
			.taskCandidateUser(caller.username())
			.endOr()
			.orderByTaskCreateTime()
			.asc()
			.listPage(0, 1);
		return found.stream().findFirst();
	}

	private static String namedFor(Task task) {
		return "named for the task '" + task.getName() + "'";
	}

	private void audit(Caller caller, CaseRecord found, String action, CaseAccessRecord.Basis basis, String purpose,
			CaseShare share) {
		Instant now = EngineClock.now();
		this.cases.logAccess(found.caseId(), new CaseAccessRecord(caller.username(), caller.district(), action, basis,
				purpose, share == null ? null : share.sharedBy(), share == null ? null : share.sharedAt(), now));
		AUDIT.info("{} of district {} reached case {} of district {} from outside its jurisdiction: {}, through {}"
				+ " ({}){}", caller.username(), caller.district(), found.caseId(), found.district(), action, basis,
				oneLine(purpose), share == null ? "" : ", shared by " + share.sharedBy() + " at " + share.sharedAt());
	}

	/** A purpose is free text: kept whole in the table, on one line in the log (no forged log lines). */
	private static String oneLine(String text) {
		return text == null ? null : text.replaceAll("[\\r\\n\\t]+", " ");
	}

}
