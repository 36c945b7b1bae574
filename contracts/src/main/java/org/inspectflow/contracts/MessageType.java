package org.inspectflow.contracts;

/**
 * What the platform knows about one message type: which record its {@code data} is, whether it is an event or a
 * command, and which service owns it.
 *
 * @param type the type string, also the routing key
 * @param recordClass the record in {@code data}
 * @param owner for an event the service that publishes it; for a command the service that receives it (a command
 * may have several senders, one receiver)
 */
public record MessageType(String type, Class<? extends Record> recordClass, Kind kind, String owner) {

	/** Events are facts on {@link Exchanges#EVENTS}; commands are requests on {@link Exchanges#COMMANDS}. */
	public enum Kind {

		EVENT, COMMAND

	}

}
