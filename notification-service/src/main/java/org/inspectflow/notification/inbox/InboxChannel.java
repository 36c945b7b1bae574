package org.inspectflow.notification.inbox;

import org.inspectflow.contracts.NotificationChannel;
import org.inspectflow.notification.delivery.Channel;
import org.inspectflow.notification.delivery.Delivery;

import org.springframework.stereotype.Component;

/** The in-app channel: the entry in the person's inbox, then a push to their open streams. */
@Component
class InboxChannel implements Channel {

	private final InboxEntries entries;

	private final InboxStreams streams;

	InboxChannel(InboxEntries entries, InboxStreams streams) {
		this.entries = entries;
		this.streams = streams;
	}

	@Override
	public NotificationChannel channel() {
		return NotificationChannel.IN_APP;
	}

	@Override
	public void send(Delivery delivery) {
		// an entry made by an earlier attempt was pushed then; the stream's reconnect reads the inbox anyway
		this.entries.add(delivery).ifPresent((entry) -> this.streams.push(delivery.recipient().id(), entry));
	}

}
