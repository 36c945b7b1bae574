package org.inspectflow.workflow.rectification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.inspectflow.contracts.events.RectificationSubmitted;
import org.inspectflow.support.security.Caller;
import org.inspectflow.workflow.cases.CaseRecord;
import org.inspectflow.workflow.cases.CaseRepository;
import org.inspectflow.workflow.cases.CaseStatus;
import org.inspectflow.workflow.process.CaseEvents;
import org.inspectflow.workflow.process.EngineClock;
import org.inspectflow.workflow.process.ProcessConstants;
import org.inspectflow.workflow.process.ProcessMessages;
import org.inspectflow.workflow.tasks.TaskAccess;
import org.inspectflow.workflow.web.Problems;
import org.operaton.bpm.engine.TaskService;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The enterprise's submission of proof, the officer's review of it, and the re-inspection after an escalation.
 * Each commits with its process step; a submission that arrives while the process is between steps is kept and
 * delivered when the process waits for it.
 */
@Service
public class RectificationService {

	private final CaseRepository cases;

	private final CaseEvents events;

	private final ProcessMessages messages;

	private final TaskAccess access;

	private final TaskService tasks;

	private final JdbcTemplate jdbc;

	RectificationService(CaseRepository cases, CaseEvents events, ProcessMessages messages, TaskAccess access,
			TaskService tasks, JdbcTemplate jdbc) {
		this.cases = cases;
		this.events = events;
		this.messages = messages;
		this.access = access;
		this.tasks = tasks;
		this.jdbc = jdbc;
	}

	/** An enterprise user submits proof for the open rectification order of one of its own cases. */
	@Transactional
	public String submit(Caller caller, String caseId, Submission submission) {
		CaseRecord found = this.cases.find(caseId)
			.filter((c) -> c.enterpriseUscc() != null && c.enterpriseUscc().equals(caller.enterpriseId()))
			.orElseThrow(() -> Problems.notFound("no case " + caseId + " of your enterprise"));
		if (found.status() != CaseStatus.RECTIFYING) {
			throw Problems.conflict("case " + caseId + " has no open rectification order (it is " + found.status()
					+ "); submit proof after an order and before the officer's review");
		}
		String orderId = this.cases.currentOrderId(caseId).orElseThrow();
		String submissionId = UUID.randomUUID().toString();
		Instant now = EngineClock.now();
		try {
			this.jdbc.update("INSERT INTO wf_rectification_submission (submission_id, case_id, order_id, round,"
					+ " statement, evidence_ids, submitted_by, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
					submissionId, caseId, orderId, found.rectificationRound(), submission.statement(),
					submission.evidenceIds().isEmpty() ? null : String.join(",", submission.evidenceIds()),
					caller.username(), Timestamp.from(now));
		}
		catch (DuplicateKeyException ex) {
			throw Problems.conflict("round " + found.rectificationRound() + " of case " + caseId
					+ " has a submission already; wait for the officer's review");
		}
		this.cases.setStatus(caseId, CaseStatus.UNDER_REVIEW);
		this.cases.appendTimeline(caseId, "RECTIFICATION_SUBMITTED", caller.username(), now, submission.statement(),
				submission.evidenceIds());
		this.events.publish(null, RectificationSubmitted.TYPE, caseId,
				new RectificationSubmitted(caseId, found.enterpriseUscc(), orderId, found.rectificationRound(),
						submissionId, submission.evidenceIds(), submission.statement(), EngineClock.nowInChina(),
						caller.username()));
		this.messages.correlate(caseId, ProcessConstants.MESSAGE_RECTIFICATION_SUBMITTED, submissionId,
				Map.of(ProcessConstants.VAR_SUBMISSION_ID, submissionId));
		return submissionId;
	}

	/** The assigned officer accepts the proof, or rejects it with reasons. */
	@Transactional
	public void review(Caller caller, String taskId, Review review) {
		this.access.workable(caller, taskId, ProcessConstants.TASK_REVIEW_RECTIFICATION);
		if (!review.accepted() && review.reasons().isEmpty()) {
			throw Problems.badRequest("a rejection needs at least one reason, so that the enterprise knows what to fix");
		}
		Map<String, Object> variables = new HashMap<>();
		variables.put(ProcessConstants.VAR_REVIEW_ACCEPTED, review.accepted());
		variables.put(ProcessConstants.VAR_REVIEW_COMMENT, review.comment());
		variables.put(ProcessConstants.VAR_REJECTION_REASONS, review.accepted() ? null : String.join("\n", review.reasons()));
		variables.put(ProcessConstants.VAR_ACTOR, caller.username());
		this.tasks.complete(taskId, variables);
	}

	/** After an escalation the officer re-inspects the site: rectified now, or ordered again. */
	@Transactional
	public void reinspect(Caller caller, String taskId, Reinspection reinspection) {
		this.access.workable(caller, taskId, ProcessConstants.TASK_REINSPECT_SITE);
		String caseId = (String) this.tasks.getVariable(taskId, ProcessConstants.VAR_CASE_ID);
		this.cases.appendTimeline(caseId, "SITE_REINSPECTED", caller.username(), EngineClock.now(),
				(reinspection.rectified() ? "rectified: " : "not rectified: ") + reinspection.findings(),
				reinspection.evidenceIds());
		this.tasks.complete(taskId, Map.of(ProcessConstants.VAR_RECTIFIED_ON_REINSPECTION, reinspection.rectified(),
				ProcessConstants.VAR_ACTOR, caller.username()));
	}

	public record Submission(@NotBlank @Size(max = 4000) String statement, @Size(max = 50) List<@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_-]+") String> evidenceIds) {

		public Submission {
			evidenceIds = evidenceIds == null ? List.of() : List.copyOf(evidenceIds);
		}

	}

	public record Review(@NotNull Boolean accepted, @Size(max = 4000) String comment,
			@Size(max = 20) List<@NotBlank @Size(max = 1000) String> reasons) {

		public Review {
			reasons = reasons == null ? List.of() : List.copyOf(reasons);
		}

	}

	public record Reinspection(@NotNull Boolean rectified, @NotBlank @Size(max = 4000) String findings,
			@Size(max = 50) List<@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_-]+") String> evidenceIds) {

		public Reinspection {
			evidenceIds = evidenceIds == null ? List.of() : List.copyOf(evidenceIds);
		}

	}

}
