package org.inspectflow.workflow.cases;

/** Where a case stands, as officers and enterprises see it; the process's wait state is the precise answer. */
public enum CaseStatus {

	/** Reported, waiting for triage. */
	REPORTED,
	/** Dispatched for verification (核实). */
	VERIFYING,
	/** A rectification order is open (整改). */
	RECTIFYING,
	/** The enterprise submitted proof; an officer reviews it. */
	UNDER_REVIEW,
	/** The rectification is accepted; a penalty case is still open, and the case closes when it is concluded. */
	RECTIFIED,
	/** Overdue or too many rejected rounds: re-inspection and penalty case. */
	ESCALATED,
	/** Closed after accepted rectification (销号). */
	CLOSED,
	/** Found unfounded, closed with a reason. */
	DISMISSED,
	/** Attached to another open case of the same enterprise and problem. */
	MERGED;

	public boolean isOpen() {
		return this != CLOSED && this != DISMISSED && this != MERGED;
	}

}
