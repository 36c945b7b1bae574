package org.inspectflow.notification.rules.domain;

/** Whom a rule tells, described by their relation to the case rather than by name. */
public enum Audience {

	/** The users of the enterprise the event names ({@code enterpriseUscc}). */
	ENTERPRISE,

	/**
	 * The officers the case is assigned to: those an {@code InspectionAssigned} names (the district's officers when it
	 * names none), for later events the officer who recorded the inspection, else the assigned ones.
	 */
	ASSIGNED_OFFICERS,

	/** The supervisors of the case's city. */
	CITY_SUPERVISORS,

	/**
	 * Whoever a {@code notification.SendNotification} command addresses: an enterprise (USCC), a user name, or for
	 * supervisors also {@code city:<code>} (every supervisor of that city).
	 */
	ADDRESSED

}
