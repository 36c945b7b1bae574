package org.inspectflow.contracts;

import java.util.List;

/**
 * One queue and the routing keys it is bound with on one exchange: what a service declares at start-up and what
 * {@code infra/rabbitmq/definitions.json} holds.
 */
public record QueueBinding(String queue, String exchange, List<String> routingKeys) {

	public QueueBinding {
		routingKeys = List.copyOf(routingKeys);
	}

}
