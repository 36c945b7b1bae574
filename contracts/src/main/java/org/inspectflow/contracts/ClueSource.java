package org.inspectflow.contracts;

/**
 * The channel a clue came in through; statistics and priority depend on it, and each channel has its own follow-up
 * (a complainant is answered, an alarm is checked against monitoring data).
 */
public enum ClueSource {

	/** Public complaint, 12369 hotline or letters and visits (信访投诉). */
	COMPLAINT,

	/** Alarm from a pollution source's automatic monitor (在线监测超标报警). */
	ONLINE_MONITORING_ALARM,

	/** Suspicious patch in satellite or drone imagery (遥感图斑). */
	REMOTE_SENSING,

	/** Report of a grid member (网格员上报). */
	GRID_MEMBER,

	/** Referral from another department or city. */
	REFERRAL,

	/** The enterprise reports its own problem. */
	SELF_REPORT,

	/** Pushed by an integrated system through the API. */
	INTEGRATOR,

	/** Found by tracing a third-party monitoring company's other clients after a faked report. */
	FRAUD_TRACE,

	/** A target of a double-random draw (双随机抽查): a routine inspection by the officers drawn with it. */
	DOUBLE_RANDOM_DRAW

}
