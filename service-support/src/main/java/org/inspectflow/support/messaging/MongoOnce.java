package org.inspectflow.support.messaging;

import com.mongodb.client.result.UpdateResult;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A change a message makes to one MongoDB document, made at most once per message: the message id is recorded in
 * the document ({@value #FIELD}, the last {@value #KEEP} ids) by the same single-document atomic update that makes
 * the change, and the update only matches while the id is not there yet. No multi-document transaction is needed, so
 * it works the same on the dev server and on MongoDB 7.
 */
public final class MongoOnce {

	public static final String FIELD = "_handledMessages";

	static final int KEEP = 100;

	private MongoOnce() {
	}

	/** Updates the first document matching {@code query}; true if the change was made now, false if before. */
	public static boolean update(MongoTemplate mongo, String collection, Query query, Update update,
			String messageId) {
		UpdateResult result = mongo.updateFirst(guarded(query, messageId), recorded(update, messageId), collection);
		return result.getModifiedCount() > 0;
	}

	/**
	 * Like {@link #update} but creates the document when {@code query} (which must name its {@code _id}) finds none.
	 */
	public static boolean upsert(MongoTemplate mongo, String collection, Query query, Update update,
			String messageId) {
		try {
			UpdateResult result = mongo.upsert(guarded(query, messageId), recorded(update, messageId), collection);
			return result.getModifiedCount() > 0 || result.getUpsertedId() != null;
		}
		catch (DuplicateKeyException ex) {
			return false; // the document exists and already carries this message id
		}
	}

	private static Query guarded(Query query, String messageId) {
		return Query.of(query).addCriteria(Criteria.where(FIELD).ne(messageId));
	}

	private static Update recorded(Update update, String messageId) {
		update.push(FIELD).slice(-KEEP).each(messageId);
		return update;
	}

}
