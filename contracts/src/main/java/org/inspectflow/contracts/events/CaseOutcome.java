package org.inspectflow.contracts.events;

/**
 * How a case ended; the enterprise's compliance record depends on it.
 */
public enum CaseOutcome {

	/** Rectification accepted and the problem closed (销号). */
	RECTIFIED,

	/** Dismissed without rectification (see {@code workflow.ClueDismissed.v1}). */
	DISMISSED,

	/** Merged into another open case (see {@code workflow.ClueMerged.v1}). */
	MERGED

}
