package org.inspectflow.contracts.events;

/**
 * How officers came to hold a verification task; double-random assignments are published and audited differently.
 */
public enum AssignmentMethod {

	/** By the jurisdiction the case belongs to (city → district → street → grid). */
	JURISDICTION,

	/** By a double-random draw (双随机). */
	DOUBLE_RANDOM_DRAW,

	/** A supervisor moved the task to other officers. */
	REASSIGNMENT

}
