package org.inspectflow.support.messaging;

import java.time.Instant;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Handled message ids in the service's MongoDB, one document per (queue, id) with the pair as {@code _id}: the
 * unique key makes a concurrent duplicate fail to insert. Entries expire after 30 days (redeliveries come within
 * minutes; the window only bounds the collection).
 */
public class MongoProcessedMessages implements ProcessedMessages {

	static final String COLLECTION = "processed_messages";

	private final MongoTemplate mongo;

	public MongoProcessedMessages(MongoTemplate mongo) {
		this.mongo = mongo;
		mongo.indexOps(COLLECTION)
			.ensureIndex(new Index().on("handledAt", org.springframework.data.domain.Sort.Direction.ASC)
				.expire(java.time.Duration.ofDays(30)));
	}

	@Override
	public boolean isHandled(String queue, String messageId) {
		return this.mongo.exists(Query.query(Criteria.where("_id").is(key(queue, messageId))), COLLECTION);
	}

	@Override
	public boolean markHandled(String queue, String messageId, String type) {
		try {
			this.mongo.insert(new org.bson.Document("_id", key(queue, messageId)).append("type", type)
				.append("handledAt", java.util.Date.from(Instant.now())), COLLECTION);
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	static String key(String queue, String messageId) {
		return queue + "|" + messageId;
	}

}
