package org.inspectflow.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import org.bson.Document;
import org.inspectflow.contracts.Envelope;
import org.inspectflow.contracts.NotificationChannel;
import org.inspectflow.contracts.RecipientType;
import org.inspectflow.contracts.events.NotificationDelivered;
import org.inspectflow.contracts.events.NotificationFailed;
import org.inspectflow.notification.recipients.domain.Recipient;
import org.inspectflow.notification.recipients.domain.RecipientRole;
import org.inspectflow.support.messaging.Envelopes;
import org.inspectflow.support.outbox.MongoOutbox;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Exactly one notification per (message, recipient, channel) ({@value #COLLECTION}): a delivery is claimed by
 * inserting it, and the unique index on {@code (eventId, recipientId, channel)} makes a second claim fail, whether it
 * comes from a redelivered message or a second instance of the service. After the send the same document is marked
 * delivered or failed, and {@code notification.NotificationDelivered.v1} / {@code NotificationFailed.v1} is written
 * into it by that same single-document update ({@link MongoOutbox}): the event exists if and only if the mark does.
 */
@Component
public class DeliveryLog {

	static final String COLLECTION = "deliveries";

	static final String SENDING = "SENDING";

	static final String DELIVERED = "DELIVERED";

	static final String FAILED = "FAILED";

	private final MongoTemplate mongo;

	private final MongoOutbox outbox;

	private final Clock clock;

	private final String source;

	private final Envelopes envelopes;

	DeliveryLog(MongoTemplate mongo, MongoOutbox outbox, Clock clock, Envelopes envelopes,
			@Value("${spring.application.name}") String service) {
		this.mongo = mongo;
		this.outbox = outbox;
		this.clock = clock;
		this.envelopes = envelopes;
		this.source = "/inspectflow/" + service;
	}

	public void ensureIndexes() {
		this.mongo.indexOps(COLLECTION)
			.ensureIndex(new Index().on("eventId", Sort.Direction.ASC)
				.on("recipientId", Sort.Direction.ASC)
				.on("channel", Sort.Direction.ASC)
				.unique()
				.named("once"));
		this.mongo.indexOps(COLLECTION)
			.ensureIndex(new Index().on("status", Sort.Direction.ASC).on("nextAttemptAt", Sort.Direction.ASC));
	}

	/** Claims the delivery; false when it was claimed before (done, failed or in progress elsewhere). */
	public boolean claim(Delivery delivery) {
		Date now = Date.from(this.clock.instant());
		Document document = new Document("_id", delivery.notificationId()).append("eventId", delivery.eventId())
			.append("recipientId", delivery.recipient().id())
			.append("channel", delivery.channel().name())
			.append("correlationId", delivery.correlationId())
			.append("caseId", delivery.caseId())
			.append("recipientType", delivery.recipientType() == null ? null : delivery.recipientType().name())
			.append("party", delivery.party())
			.append("recipient", recipient(delivery.recipient()))
			.append("template", delivery.template())
			.append("subject", delivery.subject())
			.append("body", delivery.body())
			.append("link", delivery.link())
			.append("status", SENDING)
			.append("attempts", delivery.attempts())
			.append("createdAt", now)
			.append("claimedAt", now);
		try {
			this.mongo.insert(document, COLLECTION);
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/** Marks this attempt delivered and publishes {@code NotificationDelivered}; false if another attempt took over. */
	boolean delivered(Delivery delivery) {
		Instant now = this.clock.instant();
		Envelope<NotificationDelivered> event = envelope(delivery, NotificationDelivered.TYPE,
				new NotificationDelivered(delivery.notificationId(), delivery.eventId(), delivery.caseId(),
						delivery.recipientType(), delivery.party(), delivery.channel(), utc(now)));
		return mark(delivery, new Update().set("status", DELIVERED).set("deliveredAt", Date.from(now))
			.unset("nextAttemptAt"), event);
	}

	/**
	 * Marks this attempt failed and publishes {@code NotificationFailed}; {@code nextAttempt} null makes the failure
	 * permanent.
	 */
	boolean failed(Delivery delivery, String reason, Instant nextAttempt) {
		Instant now = this.clock.instant();
		boolean permanent = nextAttempt == null;
		Envelope<NotificationFailed> event = envelope(delivery, NotificationFailed.TYPE,
				new NotificationFailed(delivery.notificationId(), delivery.eventId(), delivery.caseId(),
						delivery.recipientType(), delivery.party(), delivery.channel(), reason, delivery.attempts(),
						permanent, utc(now)));
		Update update = new Update().set("status", FAILED)
			.set("permanent", permanent)
			.set("lastError", reason)
			.set("failedAt", Date.from(now));
		if (permanent) {
			update.unset("nextAttemptAt");
		}
		else {
			update.set("nextAttemptAt", Date.from(nextAttempt));
		}
		return mark(delivery, update, event);
	}

	/**
	 * Claims up to {@code limit} deliveries due again: failed ones whose next attempt has come, and claims older than
	 * {@code staleBefore} that never finished. Each is taken by one atomic update, so two instances never take the
	 * same one.
	 */
	List<Delivery> claimDue(Instant staleBefore, int limit) {
		Date now = Date.from(this.clock.instant());
		Query due = Query.query(new Criteria().orOperator(
				Criteria.where("status").is(FAILED).and("permanent").is(false).and("nextAttemptAt").lte(now),
				Criteria.where("status").is(SENDING).and("claimedAt").lt(Date.from(staleBefore))));
		Update take = new Update().set("status", SENDING).set("claimedAt", now).inc("attempts", 1);
		List<Delivery> taken = new ArrayList<>();
		for (int i = 0; i < limit; i++) {
			Document document = this.mongo.findAndModify(due, take, FindAndModifyOptions.options().returnNew(true),
					Document.class, COLLECTION);
			if (document == null) {
				break;
			}
			taken.add(delivery(document));
		}
		return taken;
	}

	/** The deliveries to one recipient on one channel, newest first (a webhook subscription's delivery log). */
	public List<DeliveryRecord> history(String recipientId, NotificationChannel channel, int limit) {
		Query query = Query.query(Criteria.where("recipientId").is(recipientId).and("channel").is(channel.name()))
			.with(Sort.by(Sort.Direction.DESC, "createdAt"))
			.limit(limit);
		return this.mongo.find(query, Document.class, COLLECTION).stream().map(DeliveryLog::record).toList();
	}

	/**
	 * Makes a finished delivery due again at once (a manual redelivery): one more attempt, however many failed
	 * before. A delivery being sent right now is left alone. Empty when there is no such delivery to that recipient.
	 */
	public java.util.Optional<DeliveryRecord> requeue(String id, String recipientId, NotificationChannel channel) {
		Query finished = Query.query(Criteria.where("_id").is(id)
			.and("recipientId").is(recipientId)
			.and("channel").is(channel.name())
			.and("status").in(DELIVERED, FAILED));
		Update due = new Update().set("status", FAILED).set("permanent", false)
			.set("nextAttemptAt", Date.from(this.clock.instant()))
			.set("redeliveryRequestedAt", Date.from(this.clock.instant()));
		Document document = this.mongo.findAndModify(finished, due, FindAndModifyOptions.options().returnNew(true),
				Document.class, COLLECTION);
		if (document == null) {
			Document any = this.mongo.findOne(Query.query(Criteria.where("_id").is(id)
				.and("recipientId").is(recipientId)
				.and("channel").is(channel.name())), Document.class, COLLECTION);
			return any == null ? java.util.Optional.empty() : java.util.Optional.of(record(any));
		}
		return java.util.Optional.of(record(document));
	}

	private static DeliveryRecord record(Document document) {
		String status = document.getString("status");
		if (FAILED.equals(status) && Boolean.TRUE.equals(document.getBoolean("permanent"))) {
			status = "DEAD";
		}
		return new DeliveryRecord(document.getString("_id"), document.getString("eventId"),
				document.getString("template"), status, document.getInteger("attempts"), document.getString("lastError"),
				instant(document.getDate("createdAt")), instant(document.getDate("deliveredAt")),
				instant(document.getDate("failedAt")), instant(document.getDate("nextAttemptAt")));
	}

	private static Instant instant(Date date) {
		return date == null ? null : date.toInstant();
	}

	private boolean mark(Delivery delivery, Update update, Envelope<?> event) {
		// only the attempt that holds the claim marks it: a slow attempt overtaken by a takeover does not
		Query attempt = Query.query(Criteria.where("_id").is(delivery.notificationId())
			.and("status").is(SENDING)
			.and("attempts").is(delivery.attempts()));
		// every delivery is reported; a delivery made before recipient types were recorded has none and reports nothing
		boolean reported = delivery.recipientType() != null;
		boolean marked = this.mongo
			.updateFirst(attempt, reported ? this.outbox.withEvents(COLLECTION, update, event) : update, COLLECTION)
			.getModifiedCount() > 0;
		if (marked && reported) {
			this.outbox.written();
		}
		return marked;
	}

	private <T> Envelope<T> envelope(Delivery delivery, String type, T data) {
		String subject = delivery.caseId() != null ? delivery.caseId() : delivery.notificationId();
		return Envelope.of(type, this.source, subject, data, delivery.correlationId(), delivery.eventId(),
				this.envelopes.traceparent());
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Document recipient(Recipient recipient) {
		return new Document("id", recipient.id()).append("displayName", recipient.displayName())
			.append("role", recipient.role().name())
			.append("email", recipient.email())
			.append("phone", recipient.phone())
			.append("locale", recipient.locale().toLanguageTag());
	}

	static Delivery delivery(Document document) {
		Document who = document.get("recipient", Document.class);
		Recipient recipient = new Recipient(who.getString("id"), who.getString("displayName"),
				RecipientRole.valueOf(who.getString("role")), null, null, null, null, who.getString("email"),
				who.getString("phone"), Locale.forLanguageTag(who.getString("locale")));
		return new Delivery(document.getString("_id"), document.getString("eventId"),
				document.getString("correlationId"), document.getString("caseId"),
				document.getString("recipientType") == null ? null
						: RecipientType.valueOf(document.getString("recipientType")),
				document.getString("party"),
				NotificationChannel.valueOf(document.getString("channel")), recipient, document.getString("template"),
				document.getString("subject"), document.getString("body"), document.getString("link"),
				document.getInteger("attempts"));
	}

}
