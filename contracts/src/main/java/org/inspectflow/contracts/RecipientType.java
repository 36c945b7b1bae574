package org.inspectflow.contracts;

/**
 * Who a notification is for; it decides how the recipient id is resolved to an address (an enterprise's contacts by
 * USCC, or a user's profile).
 */
public enum RecipientType {

	/** The recipient id is a USCC. */
	ENTERPRISE,

	/** The recipient id is a user name. */
	OFFICER,

	/** The recipient id is a user name. */
	SUPERVISOR,

	/** An integrated system, told through its webhook subscription (never addressed by a command). */
	INTEGRATOR

}
