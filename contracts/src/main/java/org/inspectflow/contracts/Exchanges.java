package org.inspectflow.contracts;

/**
 * The three exchanges every service and integrator agrees on; declared in {@code infra/rabbitmq/definitions.json}
 * and by the services themselves.
 */
public final class Exchanges {

	/** Topic exchange for events; the routing key is the event type, e.g. {@code workflow.CaseClosed.v1}. */
	public static final String EVENTS = "inspectflow.events";

	/** Topic exchange for commands and replies; the routing key is the command type. */
	public static final String COMMANDS = "inspectflow.commands";

	/**
	 * Direct exchange for dead letters; the routing key is the name of the queue a message died in, and each queue's
	 * {@code <queue>.dlq} is bound to it with that name.
	 */
	public static final String DEAD_LETTER = "inspectflow.dlx";

	private Exchanges() {
	}

}
