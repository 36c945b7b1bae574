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
import org.inspectflow.support.messaging.MalformedMessageException;
import org.inspectflow.support.security.Caller;
import org.inspectflow.workflow.cases.CaseRecord;
import org.inspectflow.workflow.cases.CaseRepository;
import org.inspectflow.workflow.cases.CaseStatus;
import org.inspectflow.workflow.process.EngineClock;
import org.inspectflow.workflow.process.ProcessConstants;
import org.inspectflow.workflow.process.ProcessMessages;
import org.inspectflow.workflow.tasks.TaskAccess;
import org.inspectflow.support.web.Problems;
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

	private final ProcessMessages messages;

	private final TaskAccess access;

	private final TaskService tasks;

	private final JdbcTemplate jdbc;

	RectificationService(CaseRepository cases, ProcessMessages messages, TaskAccess access,
			TaskService tasks, JdbcTemplate jdbc) {
		this.cases = cases;
		this.messages = messages;
		this.access = access;
		this.tasks = tasks;
		this.jdbc = jdbc;
	}

	/**
	 * Takes the enterprise's submission (published by enterprise-service, whose portal checked the user and the
	 * order) to the officer's review: the submission row, the case's state, the timeline and the process step commit
	 * together. Checked again here, because the case is this service's: a submission for another enterprise's case,
	 * for an order that is not the open one, or a second one in a round is refused with its reason (the inbox
	 * dead-letters it).
	 */
	@Transactional
	public void receive(String messageId, RectificationSubmitted submitted) {
		CaseRecord found = this.cases.find(submitted.caseId())
			.orElseThrow(() -> new MalformedMessageException("no case " + submitted.caseId()));
		if (!submitted.enterpriseUscc().equals(found.enterpriseUscc())) {
			throw new MalformedMessageException("case " + submitted.caseId() + " is not about enterprise "
					+ submitted.enterpriseUscc());
		}
		String open = this.cases.currentOrderId(submitted.caseId()).orElse(null);
		if (found.status() != CaseStatus.RECTIFYING || !submitted.orderId().equals(open)) {
			throw new MalformedMessageException("case " + submitted.caseId() + " has no open order "
					+ submitted.orderId() + " (it is " + found.status() + ", open order " + open + ")");
		}
		Instant now = EngineClock.now();
		try {
			this.jdbc.update("INSERT INTO wf_rectification_submission (submission_id, case_id, order_id, round,"
					+ " statement, evidence_ids, submitted_by, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
					submitted.submissionId(), submitted.caseId(), submitted.orderId(), found.rectificationRound(),
					submitted.statement(),
					submitted.evidenceIds().isEmpty() ? null : String.join(",", submitted.evidenceIds()),
					submitted.submittedBy(), Timestamp.from(submitted.submittedAt().toInstant()));
		}
		catch (DuplicateKeyException ex) {
			throw new MalformedMessageException("round " + found.rectificationRound() + " of case "
					+ submitted.caseId() + " has a submission already");
		}
		this.cases.setStatus(submitted.caseId(), CaseStatus.UNDER_REVIEW);
		this.cases.appendTimeline(submitted.caseId(), "RECTIFICATION_SUBMITTED", submitted.submittedBy(), now,
				submitted.statement() + (submitted.completedOn() == null ? "" : " (done " + submitted.completedOn() + ")"),
				submitted.evidenceIds());
		this.messages.correlate(submitted.caseId(), ProcessConstants.MESSAGE_RECTIFICATION_SUBMITTED, messageId,
				Map.of(ProcessConstants.VAR_SUBMISSION_ID, submitted.submissionId()));
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

	public record Review(@NotNull Boolean accepted, @Size(max = 2000) String comment,
			@Size(max = 10) List<@NotBlank @Size(max = 300) String> reasons) {

		public Review {
			reasons = reasons == null ? List.of() : List.copyOf(reasons);
		}

	}

	public record Reinspection(@NotNull Boolean rectified, @NotBlank @Size(max = 3000) String findings,
			@Size(max = 50) List<@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_-]+") String> evidenceIds) {

		public Reinspection {
			evidenceIds = evidenceIds == null ? List.of() : List.copyOf(evidenceIds);
		}

	}

}
