package org.inspectflow.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.inspectflow.contracts.Envelope;
import org.inspectflow.contracts.NotificationChannel;
import org.inspectflow.notification.cases.CaseOfficers;
import org.inspectflow.notification.recipients.RecipientDirectory;
import org.inspectflow.notification.recipients.domain.DivisionCodes;
import org.inspectflow.notification.rules.Notices;
import org.inspectflow.notification.rules.domain.Notice;
import org.inspectflow.notification.rules.domain.NotificationRule;
import org.inspectflow.notification.rules.domain.NotificationRules;
import org.inspectflow.notification.rules.domain.PlannedNotification;
import org.inspectflow.notification.delivery.domain.RetryPolicy;
import org.inspectflow.notification.templates.NotificationTexts;
import org.inspectflow.support.messaging.MalformedMessageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Turns a message into notifications: the rules say who is told on which channels, the texts are written in each
 * person's language, and each (message, person, channel) is claimed in the delivery log before it is sent, so a
 * redelivered message or a second instance sends nothing twice. A failed send is recorded and tried again later
 * ({@link #retryDue}); it never fails the message, whose other notifications must still go out.
 */
@Service
public class NotificationDispatcher {

	private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

	private static final int RETRY_BATCH = 100;

	private final NotificationRules rules;

	private final RecipientDirectory directory;

	private final CaseOfficers cases;

	private final NotificationTexts texts;

	private final DeliveryLog deliveries;

	private final Map<NotificationChannel, Channel> channels = new EnumMap<>(NotificationChannel.class);

	private final RetryPolicy retryPolicy;

	private final DeliveryProperties properties;

	private final Clock clock;

	NotificationDispatcher(NotificationRules rules, RecipientDirectory directory, CaseOfficers cases,
			NotificationTexts texts, DeliveryLog deliveries, List<Channel> channels, DeliveryProperties properties,
			Clock clock) {
		this.rules = rules;
		this.directory = directory;
		this.cases = cases;
		this.texts = texts;
		this.deliveries = deliveries;
		channels.forEach((channel) -> this.channels.put(channel.channel(), channel));
		this.retryPolicy = properties.policy();
		this.properties = properties;
		this.clock = clock;
		this.rules.all()
			.stream()
			.flatMap((rule) -> rule.channels().stream())
			.distinct()
			.filter((channel) -> !this.channels.containsKey(channel))
			.forEach((channel) -> log.warn("the rules name channel {}, which this version cannot send on yet: "
					+ "its notifications are skipped", channel));
		this.rules.all()
			.stream()
			.map(NotificationRule::template)
			.filter((template) -> template != null && !texts.knows(template))
			.findFirst()
			.ifPresent((template) -> {
				throw new IllegalStateException("a notification rule names template '" + template
						+ "', which templates/notifications.properties does not have");
			});
	}

	/** Makes the notifications a message causes; a message no rule reacts to causes none. */
	public void handle(Envelope<?> envelope) {
		Optional<Notice> read = Notices.of(envelope);
		if (read.isEmpty()) {
			return;
		}
		Notice notice = complete(read.get());
		if (notice.addressee() != null && !this.texts.knows(notice.template())) {
			throw new MalformedMessageException("template '" + notice.template() + "' is unknown to notification-service");
		}
		List<String> unresolved = new ArrayList<>();
		List<PlannedNotification> planned = this.rules.plan(notice, this.directory, unresolved);
		unresolved.forEach((audience) -> log.warn("{} {}: nobody to tell for {}", envelope.type(), envelope.id(),
				audience));
		String correlation = envelope.correlationid() != null ? envelope.correlationid() : envelope.id();
		for (PlannedNotification notification : planned) {
			if (!this.channels.containsKey(notification.channel())) {
				continue;
			}
			Delivery delivery = prepare(notice, notification, correlation);
			if (this.deliveries.claim(delivery)) {
				send(delivery);
			}
			else {
				log.debug("{} to {} on {}: made before", envelope.id(), notification.recipient().id(),
						notification.channel());
			}
		}
	}

	/**
	 * Claims and sends one delivery made elsewhere (a webhook's); false when it was claimed before, so a redelivered
	 * event reaches a subscription once.
	 */
	public boolean deliver(Delivery delivery) {
		if (!this.deliveries.claim(delivery)) {
			return false;
		}
		send(delivery);
		return true;
	}

	/** Tries again the failed deliveries whose time has come, and takes over claims left by a crash. */
	public int retryDue() {
		Instant staleBefore = this.clock.instant().minus(this.properties.staleAfter());
		List<Delivery> due = this.deliveries.claimDue(staleBefore, RETRY_BATCH);
		due.forEach(this::send);
		return due.size();
	}

	/** The notice with what the case view knows; the enterprise's registering district when nothing else is known. */
	private Notice complete(Notice notice) {
		Notice completed = this.cases.find(notice.caseId())
			.map((facts) -> notice.withCase(facts.officers(), facts.district(), facts.city()))
			.orElse(notice);
		if (completed.city() == null && completed.enterpriseUscc() != null) {
			String division = DivisionCodes.divisionOfUscc(completed.enterpriseUscc());
			completed = completed.withCase(List.of(), division, DivisionCodes.cityOf(division));
		}
		return completed;
	}

	private Delivery prepare(Notice notice, PlannedNotification notification, String correlation) {
		Map<String, Object> values = new HashMap<>(notice.values());
		if (notice.enterpriseUscc() != null && values.get("enterpriseName") == null) {
			values.put("enterpriseName",
					this.directory.enterpriseName(notice.enterpriseUscc()).orElse(notice.enterpriseUscc()));
		}
		if (values.get("officer") == null && !notice.assignedOfficers().isEmpty()) {
			// the officers in charge, by name, for supervisors told about a case they did not follow
			values.put("officer", String.join("、", notice.assignedOfficers()
				.stream()
				.map((id) -> this.directory.find(id).map((o) -> o.displayName()).orElse(id))
				.toList()));
		}
		NotificationTexts.Text text = this.texts.write(notification.template(), notification.recipient(),
				notification.recipientType(), notice.caseId(), values);
		// a text message carries the short text; the delivery log keeps it so that a retry sends the same
		String body = notification.channel() == NotificationChannel.SMS
				? this.texts.sms(notification.template(), notification.recipient(), notification.recipientType(),
						notice.caseId(), values)
				: text.body();
		return new Delivery(notificationId(notice.eventId(), notification), notice.eventId(), correlation,
				notice.caseId(), notification.recipientType(), notification.party(), notification.channel(),
				notification.recipient(), notification.template(), text.subject(), body, text.link(), 1);
	}

	private void send(Delivery delivery) {
		Channel channel = this.channels.get(delivery.channel());
		String reason;
		boolean permanent;
		try {
			if (channel == null) {
				throw ChannelFailure.permanent("channel " + delivery.channel() + " is not available");
			}
			channel.send(delivery);
			reason = null;
			permanent = false;
		}
		catch (ChannelFailure failure) {
			reason = failure.getMessage();
			permanent = failure.permanent();
		}
		catch (RuntimeException ex) {
			reason = delivery.channel() + " failed: " + ex.getMessage();
			permanent = false;
		}
		// outside the try: a store failure after a successful send must not count as a failed send
		if (reason == null) {
			this.deliveries.delivered(delivery);
			return;
		}
		RetryPolicy policy = channel == null ? this.retryPolicy : channel.retryPolicy(this.retryPolicy);
		Instant next = permanent ? null
				: policy.nextAttempt(delivery.attempts(), this.clock.instant()).orElse(null);
		log.warn("{} to {} on {} failed (attempt {}, {}): {}", delivery.notificationId(), delivery.recipient().id(),
				delivery.channel(), delivery.attempts(), next == null ? "permanent" : "retry at " + next, reason);
		this.deliveries.failed(delivery, reason, next);
	}

	/** The same id for every attempt of one (message, recipient, channel). */
	static String notificationId(String eventId, PlannedNotification notification) {
		String key = eventId + "|" + notification.recipient().id() + "|" + notification.channel();
		return "NTF-" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
	}

}
