package org.inspectflow.notification.rules.domain;

import java.util.Set;

import org.inspectflow.contracts.NotificationChannel;
import org.inspectflow.contracts.RecipientType;

/**
 * One line of "who is told what, how": on a message type, an audience is told on these channels with this
 * template. Rules live in configuration ({@code inspectflow.notification.rules}) so that a bureau changes them
 * without a release.
 *
 * @param event the message type, e.g. {@code workflow.RectificationOrdered.v1}
 * @param addressedAs for commands: only when the command addresses this recipient type; null for any
 * @param template the template id; null for the message's own (for events the type's name in kebab case, e.g.
 * {@code rectification-ordered}; for commands the template the command names)
 */
public record NotificationRule(String event, RecipientType addressedAs, Audience audience,
		Set<NotificationChannel> channels, String template) {

	public NotificationRule {
		if (event == null || event.isBlank()) {
			throw new IllegalArgumentException("a notification rule needs the message type it applies to");
		}
		if (audience == null) {
			throw new IllegalArgumentException("the rule on " + event + " needs an audience");
		}
		if (channels == null || channels.isEmpty()) {
			throw new IllegalArgumentException("the rule on " + event + " for " + audience + " needs channels");
		}
		if (audience == Audience.ADDRESSED && !event.startsWith("notification.")) {
			throw new IllegalArgumentException("the rule on " + event
					+ " cannot tell ADDRESSED recipients: only notification commands address someone");
		}
		channels = Set.copyOf(channels);
	}

	boolean appliesTo(Notice notice) {
		if (!this.event.equals(notice.type())) {
			return false;
		}
		if (this.addressedAs == null) {
			return true;
		}
		return notice.addressee() != null && notice.addressee().type() == this.addressedAs;
	}

}
