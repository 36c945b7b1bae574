package org.inspectflow.enterprise.portal.domain;

/**
 * Where a case stands for the enterprise, in the words its portal shows: whether it must act now (submit proof for
 * the open order), wait for the officer, or nothing more. Derived from the order view's facts rather than stored, so
 * that events arriving in any order cannot leave a stale status behind.
 */
public enum OrderStatus {

	/** An order is open and the enterprise has not submitted for its round: it must act by the deadline. */
	WAITING_FOR_SUBMISSION,

	/** The enterprise submitted for the current round; the officer reviews it. */
	UNDER_REVIEW,

	/** The officer rejected the submission; a new order (the next round) follows. */
	REJECTED,

	/** The deadline passed without a submission, or the rejections used up the rounds: the case escalated. */
	ESCALATED,

	/** The officer accepted the rectification. */
	ACCEPTED,

	/** The case ended. */
	CLOSED;

	/**
	 * @param submittedThisRound a submission was recorded for the current round
	 * @param rejectedThisRound the current round's submission was rejected
	 * @param escalated the current round went overdue, or a rejection said no round is left
	 */
	public static OrderStatus of(boolean closed, boolean accepted, boolean escalated, boolean waiting,
			boolean submittedThisRound, boolean rejectedThisRound) {
		if (closed) {
			return CLOSED;
		}
		if (accepted) {
			return ACCEPTED;
		}
		if (escalated) {
			return ESCALATED;
		}
		if (waiting) {
			return WAITING_FOR_SUBMISSION;
		}
		if (rejectedThisRound) {
			return REJECTED;
		}
		return submittedThisRound ? UNDER_REVIEW : WAITING_FOR_SUBMISSION;
	}

}
