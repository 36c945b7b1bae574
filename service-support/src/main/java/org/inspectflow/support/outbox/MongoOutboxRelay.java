package org.inspectflow.support.outbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.inspectflow.support.messaging.BatchConfirmPublisher;

import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Publishes what {@link MongoOutbox} recorded: events are sent in batches, in the order they were added to each
 * document, and removed from the document only after the broker confirmed them. A
 * crash between the confirm and the removal publishes the event again after a restart; consumers drop it by its id,
 * so each event takes effect once. A refused or unconfirmed publish stays pending and is tried again at the next
 * round.
 */
public class MongoOutboxRelay extends OutboxRelay {

	private static final int BATCH = 1000;

	private final MongoTemplate mongo;

	private final BatchConfirmPublisher publisher;

	public MongoOutboxRelay(MongoTemplate mongo, BatchConfirmPublisher publisher, long intervalMillis) {
		super(intervalMillis);
		this.mongo = mongo;
		this.publisher = publisher;
	}

	/** Collections known to carry outboxes: they have the outbox index, which {@link MongoOutbox} creates. */
	private final java.util.Set<String> withOutbox = java.util.concurrent.ConcurrentHashMap.newKeySet();

	@Override
	protected int relayRound() {
		int published = 0;
		for (String collection : this.mongo.getCollectionNames()) {
			if (collection.startsWith("system.") || !carriesOutbox(collection)) {
				continue;
			}
			published += relayCollection(collection);
		}
		return published;
	}

	/**
	 * Only collections with the outbox index are scanned: a register of a million enterprises or the chunks of GridFS
	 * are never read for events they cannot hold. The index outlives a restart, so pending events are found then too.
	 */
	private boolean carriesOutbox(String collection) {
		if (this.withOutbox.contains(collection)) {
			return true;
		}
		boolean indexed = this.mongo.indexOps(collection)
			.getIndexInfo()
			.stream()
			.anyMatch((index) -> MongoOutbox.INDEX.equals(index.getName()));
		if (indexed) {
			this.withOutbox.add(collection);
		}
		return indexed;
	}

	private int relayCollection(String collection) {
		int published = 0;
		while (true) {
			Query pending = Query.query(Criteria.where(MongoOutbox.FIELD + ".id").exists(true)).limit(BATCH);
			pending.fields().include(MongoOutbox.FIELD);
			List<Document> documents = this.mongo.find(pending, Document.class, collection);
			if (documents.isEmpty()) {
				return published;
			}
			int round = relayBatch(collection, documents);
			published += round;
			if (round == 0 || documents.size() < BATCH) {
				return published;
			}
		}
	}

	@SuppressWarnings("unchecked")
	private int relayBatch(String collection, List<Document> documents) {
		List<OutboxBatch.Pending> batch = new ArrayList<>();
		for (Document document : documents) {
			for (Document entry : (List<Document>) document.get(MongoOutbox.FIELD)) {
				batch.add(new OutboxBatch.Pending(entry.getString("id"), document.get("_id"), entry.getString("type"),
						entry.getString("exchange"), entry.getString("routingKey"), entry.getString("subject"),
						entry.getString("traceparent"), entry.getString("body")));
			}
		}
		List<OutboxBatch.Pending> confirmed = OutboxBatch.publish(this.publisher, batch);
		if (confirmed.isEmpty()) {
			return 0;
		}
		// one bulk write for the batch, each document by its _id losing exactly its confirmed entries
		Map<Object, List<String>> byDocument = new LinkedHashMap<>();
		confirmed.forEach((pending) -> byDocument.computeIfAbsent(pending.group(), (id) -> new ArrayList<>())
			.add(pending.id()));
		BulkOperations removal = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
		byDocument.forEach((documentId, ids) -> removal.updateOne(Query.query(Criteria.where("_id").is(documentId)),
				new Update().pull(MongoOutbox.FIELD, new Document("id", new Document("$in", ids)))));
		removal.execute();
		return confirmed.size();
	}

}
