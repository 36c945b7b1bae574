package org.inspectflow.contracts;

/**
 * How closely an enterprise is supervised; it sets a clue's priority and how often the enterprise is drawn for
 * inspection.
 */
public enum RiskTier {

	HIGH, MEDIUM, LOW

}
