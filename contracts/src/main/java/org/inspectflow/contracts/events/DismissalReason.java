package org.inspectflow.contracts.events;

/**
 * Why a clue was dismissed; reported to the complainant and counted in statistics.
 */
public enum DismissalReason {

	/** Verified and found groundless. */
	UNFOUNDED,

	/** Not an environmental matter. */
	NOT_ENVIRONMENTAL,

	/** Belongs to another department or jurisdiction and was referred there. */
	OUT_OF_JURISDICTION,

	/** Too little to go on (no place, no enterprise, no way to reach the reporter). */
	INSUFFICIENT_INFORMATION

}
