package org.inspectflow.workflow.process;

/**
 * The names the BPMN files, the delegates, the APIs and the tests share: process keys, message names, variable names
 * and the ids of the activities that code refers to. One place, so that a renamed id breaks the build, not a case.
 */
public final class ProcessConstants {

	public static final String CASE_HANDLING_PROCESS = "CaseHandlingProcess";

	public static final String PENALTY_CASE_PROCESS = "PenaltyCaseProcess";

	// messages the process waits for, correlated by business key (= case id)
	public static final String MESSAGE_ENTERPRISE_MATCHED = "Message_EnterpriseMatched";

	public static final String MESSAGE_FIRST_OFFENCE_CHECKED = "Message_FirstOffenceChecked";

	public static final String MESSAGE_RECTIFICATION_SUBMITTED = "Message_RectificationSubmitted";

	// user tasks
	public static final String TASK_INSPECT_ON_SITE = "Task_InspectOnSite";

	public static final String TASK_VERIFY_NON_SITE = "Task_VerifyNonSite";

	public static final String TASK_REVIEW_RECTIFICATION = "Task_ReviewRectification";

	public static final String TASK_REINSPECT_SITE = "Task_ReinspectSite";

	public static final String TASK_FILE_PENALTY_CASE = "Task_FilePenaltyCase";

	public static final String TASK_DECIDE_PENALTY = "Task_DecidePenalty";

	// wait states and other activities the code and the tests name
	public static final String TASK_WAIT_FOR_ENTERPRISE_MATCH = "Task_WaitForEnterpriseMatch";

	public static final String TASK_WAIT_FOR_FIRST_OFFENCE_RESULT = "Task_WaitForFirstOffenceResult";

	public static final String TASK_WAIT_FOR_RECTIFICATION = "Task_WaitForRectification";

	public static final String CALL_ACTIVITY_PENALTY_CASE = "CallActivity_PenaltyCase";

	public static final String CALL_ACTIVITY_ESCALATION_PENALTY_CASE = "CallActivity_EscalationPenaltyCase";

	// variables: ids and decisions, never whole payloads
	public static final String VAR_CASE_ID = "caseId";

	public static final String VAR_CLUE_ID = "clueId";

	public static final String VAR_SOURCE = "source";

	public static final String VAR_SEVERITY = "severity";

	public static final String VAR_ENTERPRISE_USCC = "enterpriseUscc";

	public static final String VAR_LATITUDE = "latitude";

	public static final String VAR_LONGITUDE = "longitude";

	public static final String VAR_PROBLEM_TYPE = "problemType";

	public static final String VAR_DISTRICT = "district";

	public static final String VAR_CITY = "city";

	public static final String VAR_REPORTED_BY = "reportedBy";

	public static final String VAR_ENTERPRISE_MATCHED = "enterpriseMatched";

	public static final String VAR_RISK_TIER = "riskTier";

	public static final String VAR_POSITIVE_LIST = "positiveList";

	public static final String VAR_DUPLICATE_CASE_ID = "duplicateCaseId";

	public static final String VAR_PRIORITY = "priority";

	/** Officers named by a double-random draw; absent when the case goes to its jurisdiction. */
	public static final String VAR_DRAWN_OFFICERS = "drawnOfficers";

	public static final String VAR_DRAW_ID = "drawId";

	public static final String VAR_NON_SITE_CANDIDATE = "nonSiteCandidate";

	public static final String VAR_VERIFICATION_DUE_AT = "verificationDueAt";

	public static final String VAR_MONITORING_SNAPSHOT_ID = "monitoringSnapshotId";

	/** {@link org.inspectflow.contracts.events.InspectionFinding} name, or {@link #FINDING_NEEDS_SITE_VISIT}. */
	public static final String VAR_FINDING = "finding";

	public static final String FINDING_NEEDS_SITE_VISIT = "NEEDS_SITE_VISIT";

	public static final String VAR_INSPECTION_RECORD_ID = "inspectionRecordId";

	public static final String VAR_VIOLATION_TYPE = "violationType";

	public static final String VAR_LEGAL_BASIS = "legalBasis";

	public static final String VAR_DISMISSAL_REASON = "dismissalReason";

	public static final String VAR_DISMISSAL_EXPLANATION = "dismissalExplanation";

	public static final String VAR_FIRST_OFFENCE = "firstOffence";

	/** The output of {@code Decision_FirstOffenceExemption}: one of {@code PenaltyDecision}'s names. */
	public static final String VAR_PENALTY_DECISION = "penaltyDecision";

	public static final String PENALTY_DECISION_PENALTY_CASE = "PENALTY_CASE";

	public static final String VAR_PENALTY_GROUNDS = "penaltyGrounds";

	public static final String VAR_ESCALATION_PENALTY_NEEDED = "escalationPenaltyNeeded";

	public static final String VAR_ORDER_ID = "orderId";

	public static final String VAR_ROUND = "rectificationRound";

	public static final String VAR_REJECTIONS = "rejections";

	public static final String VAR_ROUNDS_EXHAUSTED = "roundsExhausted";

	public static final String VAR_RECTIFICATION_DEADLINE = "rectificationDeadline";

	public static final String VAR_RECTIFICATION_DUE_AT = "rectificationDueAt";

	public static final String VAR_RECTIFICATION_REMIND_AT = "rectificationRemindAt";

	public static final String VAR_SUBMISSION_ID = "submissionId";

	public static final String VAR_REVIEW_ACCEPTED = "reviewAccepted";

	public static final String VAR_REVIEW_COMMENT = "reviewComment";

	public static final String VAR_REJECTION_REASONS = "rejectionReasons";

	public static final String VAR_RECTIFIED_ON_REINSPECTION = "rectifiedOnReinspection";

	public static final String VAR_ACTOR = "actor";

	public static final String VAR_PENALTY_CASE_NUMBER = "penaltyCaseNumber";

	public static final String VAR_PENALTY_CASE_OPENED = "penaltyCaseOpened";

	/** The largest number of rectification rounds before a case escalates. */
	public static final int MAX_RECTIFICATION_ROUNDS = 3;

	private ProcessConstants() {
	}

}
