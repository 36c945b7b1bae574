package org.inspectflow.notification.inbox;

import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.inspectflow.notification.delivery.Delivery;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The in-app inbox ({@value #COLLECTION}): one document per notification, keyed by the notification id so that a
 * retried delivery finds its entry instead of adding a second. Every read and change is by the owner's user name,
 * so one person never reaches another's entries.
 */
@Component
public class InboxEntries {

	static final String COLLECTION = "inbox";

	private final MongoTemplate mongo;

	private final Clock clock;

	InboxEntries(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	public void ensureIndexes() {
		this.mongo.indexOps(COLLECTION)
			.ensureIndex(new Index().on("recipientId", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC));
		this.mongo.indexOps(COLLECTION)
			.ensureIndex(new Index().on("recipientId", Sort.Direction.ASC).on("readAt", Sort.Direction.ASC));
	}

	/** Adds the delivery's entry; empty when it was there already (an earlier attempt made it). */
	Optional<InboxEntry> add(Delivery delivery) {
		Document document = new Document("_id", delivery.notificationId())
			.append("recipientId", delivery.recipient().id())
			.append("eventId", delivery.eventId())
			.append("caseId", delivery.caseId())
			.append("kind", delivery.template())
			.append("title", delivery.subject())
			.append("body", delivery.body())
			.append("link", delivery.link())
			.append("createdAt", Date.from(this.clock.instant()))
			.append("readAt", null);
		try {
			this.mongo.insert(document, COLLECTION);
			return Optional.of(entry(document));
		}
		catch (DuplicateKeyException ex) {
			return Optional.empty();
		}
	}

	List<InboxEntry> page(String owner, boolean unreadOnly, int page, int size) {
		Query query = query(owner, unreadOnly).with(Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("_id")))
			.skip((long) page * size)
			.limit(size);
		return this.mongo.find(query, Document.class, COLLECTION).stream().map(InboxEntries::entry).toList();
	}

	long count(String owner, boolean unreadOnly) {
		return this.mongo.count(query(owner, unreadOnly), COLLECTION);
	}

	/** Marks the owner's entry read (once: the first read time stays); empty when the owner has no such entry. */
	Optional<InboxEntry> markRead(String owner, String id) {
		Query mine = Query.query(Criteria.where("_id").is(id).and("recipientId").is(owner));
		this.mongo.updateFirst(Query.of(mine).addCriteria(Criteria.where("readAt").is(null)),
				new Update().set("readAt", Date.from(this.clock.instant())), COLLECTION);
		return Optional.ofNullable(this.mongo.findOne(mine, Document.class, COLLECTION)).map(InboxEntries::entry);
	}

	long markAllRead(String owner) {
		return this.mongo
			.updateMulti(query(owner, true), new Update().set("readAt", Date.from(this.clock.instant())), COLLECTION)
			.getModifiedCount();
	}

	private static Query query(String owner, boolean unreadOnly) {
		Criteria criteria = Criteria.where("recipientId").is(owner);
		if (unreadOnly) {
			criteria = criteria.and("readAt").is(null);
		}
		return Query.query(criteria);
	}

	private static InboxEntry entry(Document document) {
		Date created = document.getDate("createdAt");
		Date read = document.getDate("readAt");
		return new InboxEntry(document.getString("_id"), document.getString("caseId"), document.getString("kind"),
				document.getString("title"), document.getString("body"), document.getString("link"),
				created == null ? null : created.toInstant(), read == null ? null : read.toInstant());
	}

}
