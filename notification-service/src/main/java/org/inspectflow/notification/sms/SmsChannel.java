package org.inspectflow.notification.sms;

import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import org.inspectflow.contracts.NotificationChannel;
import org.inspectflow.notification.delivery.Channel;
import org.inspectflow.notification.delivery.ChannelFailure;
import org.inspectflow.notification.delivery.Delivery;

import org.springframework.stereotype.Component;

/**
 * Text messages through the outside SMS gateway. A short outage is ridden out here: a few attempts with exponential
 * backoff (resilience4j retry {@value #GATEWAY}) around a circuit breaker of the same name, so that a gateway that
 * is down is left alone instead of being hammered by every notification. When the retries are spent or the breaker
 * is open the delivery fails temporarily ({@code NotificationFailed}, not permanent) and the delivery log's own
 * retries send it later, with the same notification id as the gateway's idempotency reference.
 */
@Component
class SmsChannel implements Channel {

	static final String GATEWAY = "sms-gateway";

	private final SmsGateway gateway;

	private final Retry retry;

	private final CircuitBreaker breaker;

	SmsChannel(SmsGateway gateway, RetryRegistry retries, CircuitBreakerRegistry breakers) {
		this.gateway = gateway;
		this.retry = retries.retry(GATEWAY);
		this.breaker = breakers.circuitBreaker(GATEWAY);
	}

	@Override
	public NotificationChannel channel() {
		return NotificationChannel.SMS;
	}

	@Override
	public void send(Delivery delivery) throws ChannelFailure {
		String phone = delivery.recipient().phone();
		if (phone == null || phone.isBlank()) {
			throw ChannelFailure.permanent("no mobile number for " + delivery.recipient().id());
		}
		Supplier<Void> call = CircuitBreaker.decorateSupplier(this.breaker, () -> {
			this.gateway.send(phone, delivery.body(), delivery.notificationId());
			return null;
		});
		try {
			Retry.decorateSupplier(this.retry, call).get();
		}
		catch (CallNotPermittedException ex) {
			throw new ChannelFailure("the SMS gateway's circuit breaker is open (the gateway failed repeatedly)", false,
					ex);
		}
		catch (SmsGatewayUnavailable ex) {
			throw new ChannelFailure(ex.getMessage() + " (after " + this.retry.getRetryConfig().getMaxAttempts()
					+ " attempts)", false, ex);
		}
		catch (SmsRefused ex) {
			throw new ChannelFailure(ex.getMessage(), true, ex);
		}
	}

}
