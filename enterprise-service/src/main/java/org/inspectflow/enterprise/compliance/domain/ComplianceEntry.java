package org.inspectflow.enterprise.compliance.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One step of an enterprise's compliance history, taken from a workflow event: the event id makes each entry
 * unique, so a redelivered event adds nothing.
 *
 * @param eventId the id of the event the entry was taken from
 * @param caseId the case the step belongs to
 * @param date the day it happened, in the bureau's time zone (look-backs count days)
 * @param at when it happened
 * @param violationType the violation's code, for violations found and penalty cases; null otherwise
 * @param reference the order or penalty case number, or the clue id of an alarm; null when none
 * @param detail the outcome, dismissal reason or penalty grounds; for a violation found, {@code SERIOUS} or
 * {@code CONFIRMED}; for an alarm, its problem type
 */
public record ComplianceEntry(String eventId, Kind kind, String caseId, LocalDate date, Instant at,
		String violationType, String reference, String detail) {

	/** What happened. */
	public enum Kind {

		/** An inspection confirmed a violation (detail {@code SERIOUS} for a serious one). */
		VIOLATION_FOUND,

		/** A rectification order (责令改正) went to the enterprise. */
		RECTIFICATION_ORDERED,

		/** The officer accepted the enterprise's rectification. */
		RECTIFICATION_ACCEPTED,

		/** A penalty case (立案) was opened. */
		PENALTY_CASE_OPENED,

		/** The case ended (detail: its outcome). */
		CASE_CLOSED,

		/** A clue about the enterprise was dismissed (detail: the reason). */
		CLUE_DISMISSED,

		/**
		 * An online-monitoring alarm (在线监测超标报警) about the enterprise opened a case (detail: the problem type). It
		 * is not a violation: it counts for the risk tier until its clue is dismissed or it ages out.
		 */
		MONITORING_ALARM

	}

	public boolean isViolation() {
		return this.kind == Kind.VIOLATION_FOUND;
	}

	public boolean isSeriousViolation() {
		return isViolation() && "SERIOUS".equals(this.detail);
	}

	public boolean isMonitoringAlarm() {
		return this.kind == Kind.MONITORING_ALARM;
	}

	/** Whether the entry ends its case without a finding against the enterprise (a dismissal). */
	public boolean isDismissal() {
		return this.kind == Kind.CLUE_DISMISSED || (this.kind == Kind.CASE_CLOSED && "DISMISSED".equals(this.detail));
	}

}
