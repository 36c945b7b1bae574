package org.inspectflow.support.messaging;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.inspectflow.contracts.Exchanges;

import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Publishes a message and returns only when the broker has taken responsibility for it (a publisher confirm, and for
 * commands and dead letters no return as unroutable); otherwise throws, so the caller keeps the message and tries again. Needs
 * {@code spring.rabbitmq.publisher-confirm-type=correlated}, {@code publisher-returns=true} and a mandatory template.
 */
public class ConfirmedPublisher {

	private final RabbitTemplate rabbitTemplate;

	private final Duration timeout;

	public ConfirmedPublisher(RabbitTemplate rabbitTemplate, Duration timeout) {
		this.rabbitTemplate = rabbitTemplate;
		this.timeout = timeout;
	}

	public void publish(String exchange, String routingKey, Message message) {
		CorrelationData correlation = new CorrelationData(UUID.randomUUID().toString());
		this.rabbitTemplate.send(exchange, routingKey, message, correlation);
		awaitConfirm(exchange, routingKey, correlation);
	}

	private void awaitConfirm(String exchange, String routingKey, CorrelationData correlation) {
		CorrelationData.Confirm confirm;
		try {
			confirm = correlation.getFuture().get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PublishFailedException("interrupted while waiting for the broker's confirm", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new PublishFailedException("no confirm from the broker within " + this.timeout + " for "
					+ exchange + "/" + routingKey, ex);
		}
		if (!confirm.isAck()) {
			throw new PublishFailedException("the broker refused the message for " + exchange + "/" + routingKey + ": "
					+ confirm.getReason());
		}
		// an event nobody subscribed to yet is not an error (integrators bind later); a command or a dead letter
		// that reaches no queue is
		if (correlation.getReturned() != null && !Exchanges.EVENTS.equals(exchange)) {
			throw new PublishFailedException("no queue is bound for " + exchange + "/" + routingKey + " ("
					+ correlation.getReturned().getReplyText() + ")");
		}
	}

	/** The broker did not take the message: keep it and publish again later. */
	public static class PublishFailedException extends AmqpException {

		public PublishFailedException(String message) {
			super(message);
		}

		public PublishFailedException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
