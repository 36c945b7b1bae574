package org.inspectflow.workflow.verification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.inspectflow.contracts.events.InspectionFinding;
import org.inspectflow.contracts.events.InspectionMode;
import org.inspectflow.contracts.events.InspectionRecorded;
import org.inspectflow.support.security.Caller;
import org.inspectflow.workflow.cases.CaseRepository;
import org.inspectflow.workflow.process.CaseEvents;
import org.inspectflow.workflow.process.EngineClock;
import org.inspectflow.workflow.process.ProcessConstants;
import org.inspectflow.workflow.tasks.TaskAccess;
import org.inspectflow.workflow.tasks.TaskDeadlines;
import org.inspectflow.support.validation.Uscc;
import org.inspectflow.support.web.Problems;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.task.Task;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Completes a verification task with its record: the record, the case's state, the timeline, the
 * {@code InspectionRecorded} event and the process step commit together.
 */
@Service
public class VerificationService {

	private final TaskAccess access;

	private final TaskService tasks;

	private final CaseRepository cases;

	private final CaseEvents events;

	private final JdbcTemplate jdbc;

	private final TaskDeadlines taskDeadlines;

	VerificationService(TaskAccess access, TaskService tasks, CaseRepository cases, CaseEvents events,
			JdbcTemplate jdbc, TaskDeadlines taskDeadlines) {
		this.taskDeadlines = taskDeadlines;
		this.access = access;
		this.tasks = tasks;
		this.cases = cases;
		this.events = events;
		this.jdbc = jdbc;
	}

	@Transactional
	public String record(Caller caller, String taskId, VerificationRecord record) {
		Task task = this.access.workable(caller, taskId, ProcessConstants.TASK_INSPECT_ON_SITE,
				ProcessConstants.TASK_VERIFY_NON_SITE);
		boolean nonSite = ProcessConstants.TASK_VERIFY_NON_SITE.equals(task.getTaskDefinitionKey());
		check(record, nonSite);
		String caseId = (String) this.tasks.getVariable(taskId, ProcessConstants.VAR_CASE_ID);
		String uscc = (String) this.tasks.getVariable(taskId, ProcessConstants.VAR_ENTERPRISE_USCC);
		boolean violation = "VIOLATION_CONFIRMED".equals(record.finding()) || "SERIOUS_VIOLATION".equals(record.finding());
		if (uscc != null && record.enterpriseUscc() != null && !uscc.equals(record.enterpriseUscc())) {
			throw Problems.badRequest("case " + caseId + " is about enterprise " + uscc + " (matched by its unified"
					+ " social credit code); a record does not move it to " + record.enterpriseUscc()
					+ ": leave out enterpriseUscc, or report a clue about the other enterprise");
		}
		if (violation && uscc == null) {
			if (record.enterpriseUscc() == null || !Uscc.isValid(record.enterpriseUscc())) {
				throw Problems.badRequest("this case names no enterprise: a violation needs the responsible enterprise's"
						+ " unified social credit code (enterpriseUscc), as identified on site");
			}
			uscc = record.enterpriseUscc();
			this.jdbc.update("UPDATE wf_case SET enterprise_uscc = ? WHERE case_id = ?", uscc,
					this.tasks.getVariable(taskId, ProcessConstants.VAR_CASE_ID));
		}
		Map<String, Object> variables = new HashMap<>();
		variables.put(ProcessConstants.VAR_FINDING, record.finding());
		variables.put(ProcessConstants.VAR_ACTOR, caller.username());
		Instant now = EngineClock.now();
		if (ProcessConstants.FINDING_NEEDS_SITE_VISIT.equals(record.finding())) {
			this.cases.appendTimeline(caseId, "SITE_VISIT_REQUESTED", caller.username(), now, record.findings(),
					record.evidenceIds());
			// the site visit gets a period of its own (its overdue timer reads this when the task starts)
			variables.put(ProcessConstants.VAR_VERIFICATION_DUE_AT, this.taskDeadlines.inspection());
			this.tasks.complete(taskId, variables);
			return null;
		}
		InspectionFinding finding = InspectionFinding.valueOf(record.finding());
		String severity = finding == InspectionFinding.SERIOUS_VIOLATION ? "SERIOUS"
				: record.severity() == null ? "GENERAL" : record.severity();
		String recordId = UUID.randomUUID().toString();
		InspectionMode mode = nonSite ? InspectionMode.NON_SITE : InspectionMode.ON_SITE;
		this.jdbc.update("INSERT INTO wf_inspection_record (record_id, case_id, task_id, mode, finding, violation_type,"
				+ " legal_basis, findings, evidence_ids, latitude, longitude, recorded_by, inspected_at)"
				+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", recordId, caseId, taskId, mode.name(),
				finding.name(), record.violationType(), record.legalBasis(), record.findings(),
				record.evidenceIds().isEmpty() ? null : String.join(",", record.evidenceIds()),
				record.location() == null ? null : record.location().latitude(),
				record.location() == null ? null : record.location().longitude(), caller.username(),
				Timestamp.from(now));
		boolean problem = finding != InspectionFinding.UNFOUNDED;
		this.cases.recordVerification(caseId, nonSite, problem, problem ? severity : null);
		this.cases.appendTimeline(caseId, nonSite ? "NON_SITE_VERIFICATION_RECORDED" : "INSPECTION_RECORDED",
				caller.username(), now, finding + (problem ? " " + record.violationType() : "") + ": " + record.findings(),
				record.evidenceIds());
		this.events.publish(null, InspectionRecorded.TYPE, caseId,
				new InspectionRecorded(caseId, recordId, uscc, mode, finding, record.violationType(),
						List.of(caller.username()), record.evidenceIds(),
						record.location() == null ? null : record.location().point(), EngineClock.nowInChina(),
						caller.username()));
		variables.put(ProcessConstants.VAR_INSPECTION_RECORD_ID, recordId);
		variables.put("verifiedBy", caller.username());
		if (problem) {
			variables.put(ProcessConstants.VAR_ENTERPRISE_USCC, uscc);
			variables.put(ProcessConstants.VAR_SEVERITY, severity);
			variables.put(ProcessConstants.VAR_VIOLATION_TYPE, record.violationType());
			variables.put(ProcessConstants.VAR_LEGAL_BASIS, record.legalBasis());
		}
		else {
			variables.put(ProcessConstants.VAR_DISMISSAL_REASON, record.dismissalReason().name());
			variables.put(ProcessConstants.VAR_DISMISSAL_EXPLANATION, record.dismissalExplanation());
		}
		this.tasks.complete(taskId, variables);
		return recordId;
	}

	private static void check(VerificationRecord record, boolean nonSite) {
		switch (record.finding()) {
			case "UNFOUNDED" -> {
				if (record.dismissalReason() == null || record.dismissalExplanation() == null
						|| record.dismissalExplanation().isBlank()) {
					throw Problems.badRequest("an unfounded clue needs a dismissalReason (UNFOUNDED, NOT_ENVIRONMENTAL,"
							+ " OUT_OF_JURISDICTION, INSUFFICIENT_INFORMATION) and a dismissalExplanation for the record");
				}
			}
			case "NEEDS_SITE_VISIT" -> {
				if (!nonSite) {
					throw Problems.badRequest("NEEDS_SITE_VISIT is for non-site verification; this is the site visit");
				}
			}
			default -> {
				if (record.violationType() == null || record.legalBasis() == null || record.legalBasis().isBlank()) {
					throw Problems.badRequest("a violation needs its violationType and legalBasis");
				}
			}
		}
	}

}
