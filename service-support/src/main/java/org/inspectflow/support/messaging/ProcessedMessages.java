package org.inspectflow.support.messaging;

/**
 * Which messages a consumer has already handled, so a redelivered message is dropped. The store records the pair
 * (consumer queue, message id) under a unique key.
 */
public interface ProcessedMessages {

	boolean isHandled(String queue, String messageId);

	/** Records the message as handled; returns false when it already was (a concurrent duplicate). */
	boolean markHandled(String queue, String messageId, String type);

}
