package org.inspectflow.notification.messaging;

import org.inspectflow.contracts.Envelope;
import org.inspectflow.contracts.Queues;
import org.inspectflow.notification.cases.CaseOfficers;
import org.inspectflow.notification.delivery.NotificationDispatcher;
import org.inspectflow.notification.webhooks.WebhookDispatcher;
import org.inspectflow.support.messaging.Inbox;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

/**
 * notification-service's consumers, thin: each message goes through the inbox (schema check, dead-lettering with a
 * reason, once per message id), updates the case view, then is handed to the dispatcher. The listeners can be kept
 * from starting ({@code inspectflow.notification.listeners.auto-startup=false}) for tests that consume the queues
 * themselves. Public so that tests feed messages at this boundary.
 */
@Component
public class NotificationListeners {

	private final Inbox inbox;

	private final CaseOfficers cases;

	private final NotificationDispatcher dispatcher;

	private final WebhookDispatcher webhooks;

	NotificationListeners(Inbox inbox, CaseOfficers cases, NotificationDispatcher dispatcher,
			WebhookDispatcher webhooks) {
		this.inbox = inbox;
		this.cases = cases;
		this.dispatcher = dispatcher;
		this.webhooks = webhooks;
	}

	/** The events that tell people something (orders, reminders, rejections, submissions, assignments, …). */
	@RabbitListener(queues = Queues.NOTIFICATION_EVENTS,
			autoStartup = "${inspectflow.notification.listeners.auto-startup:true}")
	public void onEvent(Message message) {
		this.inbox.receive(Queues.NOTIFICATION_EVENTS, message, this::handle);
	}

	/** {@code notification.SendNotification.v1}: someone asks to tell someone something no event covers. */
	@RabbitListener(queues = Queues.NOTIFICATION_COMMANDS,
			autoStartup = "${inspectflow.notification.listeners.auto-startup:true}")
	public void onCommand(Message message) {
		this.inbox.receive(Queues.NOTIFICATION_COMMANDS, message, this::handle);
	}

	/**
	 * Every event integrators may subscribe to (all but this service's own reports), for their webhooks. A queue of
	 * its own: the people's queue carries only the events that tell people something, and a webhook subscriber must
	 * see every event of a case, in order.
	 */
	@RabbitListener(queues = Queues.NOTIFICATION_WEBHOOKS,
			autoStartup = "${inspectflow.notification.listeners.auto-startup:true}")
	public void onEventForWebhooks(Message message) {
		this.inbox.receive(Queues.NOTIFICATION_WEBHOOKS, message, this.webhooks::handle);
	}

	/** A message for people past the inbox: the case view first, so that its own notifications already see the officers. */
	public void handle(Envelope<?> envelope) {
		this.cases.apply(envelope);
		this.dispatcher.handle(envelope);
	}

}
