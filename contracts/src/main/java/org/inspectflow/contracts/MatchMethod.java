package org.inspectflow.contracts;

/**
 * How a clue was matched to an enterprise; a match by location is weaker than one by USCC, and officers see which.
 */
public enum MatchMethod {

	/** By the unified social credit code given with the clue. */
	USCC,

	/** By the nearest registered site within the search radius. */
	LOCATION,

	/** Not matched. */
	NONE

}
