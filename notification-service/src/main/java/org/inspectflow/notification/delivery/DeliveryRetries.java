package org.inspectflow.notification.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Looks for deliveries due again every {@code inspectflow.notification.delivery.retry-interval}. */
@Component
class DeliveryRetries {

	private static final Logger log = LoggerFactory.getLogger(DeliveryRetries.class);

	private final NotificationDispatcher dispatcher;

	DeliveryRetries(NotificationDispatcher dispatcher) {
		this.dispatcher = dispatcher;
	}

	@Scheduled(fixedDelayString = "${inspectflow.notification.delivery.retry-interval:30s}",
			initialDelayString = "${inspectflow.notification.delivery.retry-interval:30s}")
	void retry() {
		try {
			int retried = this.dispatcher.retryDue();
			if (retried > 0) {
				log.info("retried {} deliveries", retried);
			}
		}
		catch (RuntimeException ex) {
			// the next round tries again; a scheduler that throws would only log the same
			log.warn("retrying deliveries failed: {}", ex.toString());
		}
	}

}
