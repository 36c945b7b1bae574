package org.inspectflow.contracts.events;

/**
 * Why a penalty case was opened; case-file evaluation and the first-offence exemption look at it.
 */
public enum PenaltyGrounds {

	/** A serious violation found in verification. */
	SERIOUS_VIOLATION,

	/** A violation that is not exempt: the same violation was found in the past 12 months. */
	REPEATED_VIOLATION,

	/** A first violation that is more than minor (轻微): first offences are exempt only when minor. */
	GENERAL_VIOLATION,

	/** The rectification deadline passed without a submission. */
	RECTIFICATION_OVERDUE,

	/** Every rectification round was rejected. */
	RECTIFICATION_ROUNDS_EXHAUSTED

}
