package org.inspectflow.contracts.events;

/**
 * What the verification found; it decides the next step of the case.
 */
public enum InspectionFinding {

	/** Nothing wrong: the case is dismissed. */
	UNFOUNDED,

	/** A violation: rectification follows. */
	VIOLATION_CONFIRMED,

	/** A serious violation: rectification and a penalty case follow. */
	SERIOUS_VIOLATION

}
