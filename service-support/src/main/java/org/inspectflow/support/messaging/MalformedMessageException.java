package org.inspectflow.support.messaging;

/**
 * A message that no retry can fix (not JSON, an unknown type, a missing or wrong field): it goes to the queue's
 * dead-letter queue with the reason, and the consumer moves on to the next message.
 */
public class MalformedMessageException extends RuntimeException {

	public MalformedMessageException(String reason) {
		super(reason);
	}

	public MalformedMessageException(String reason, Throwable cause) {
		super(reason, cause);
	}

}
