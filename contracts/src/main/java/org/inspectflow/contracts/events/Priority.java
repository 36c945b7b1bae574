package org.inspectflow.contracts.events;

/**
 * How soon a case must be handled; set at triage from the risk tier and the kind of problem.
 */
public enum Priority {

	URGENT, HIGH, NORMAL, LOW

}
