package org.inspectflow.notification.recipients.domain;

/** What a person is to the platform, as far as deciding who is told what needs it. */
public enum RecipientRole {

	OFFICER, SUPERVISOR, ENTERPRISE, ADMIN,

	/** A system with a webhook subscription: the "recipient" of a webhook delivery is the subscription. */
	INTEGRATOR

}
