package org.inspectflow.support.outbox;

import java.util.Date;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.Document;
import org.inspectflow.contracts.Envelope;
import org.inspectflow.contracts.MessageType;
import org.inspectflow.contracts.MessageTypes;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The transactional outbox of a MongoDB-backed service without multi-document transactions (the dev server has none;
 * one design for both): an event is added to the {@value #FIELD} array of the very document whose change caused it,
 * in the same single-document atomic write. If the write happens, the event will be published ({@link OutboxRelay});
 * if it does not, nothing is.
 */
public class MongoOutbox {

	public static final String FIELD = "_outbox";

	/** The index on pending events' ids; the relay scans the collections that have it. */
	public static final String INDEX = "outbox";

	private final MongoTemplate mongo;

	private final ObjectMapper objectMapper;

	private final Runnable wakeRelay;

	private final Set<String> indexed = ConcurrentHashMap.newKeySet();

	public MongoOutbox(MongoTemplate mongo, ObjectMapper objectMapper, Runnable wakeRelay) {
		this.mongo = mongo;
		this.objectMapper = objectMapper;
		this.wakeRelay = wakeRelay;
	}

	/** Adds the events to {@code update}; run the update as one single-document write, then call {@link #written}. */
	public Update withEvents(String collection, Update update, Envelope<?>... events) {
		ensureIndex(collection);
		// one $push with $each: calling push() once per event would keep only the last of them
		update.push(FIELD).each(java.util.Arrays.stream(events).map(this::entry).toArray());
		return update;
	}

	/** Adds the events to a new document before it is inserted; then call {@link #written}. */
	public Document withEvents(String collection, Document document, Envelope<?>... events) {
		ensureIndex(collection);
		java.util.List<Document> entries = new java.util.ArrayList<>();
		for (Envelope<?> event : events) {
			entries.add(entry(event));
		}
		document.put(FIELD, entries);
		return document;
	}

	/** Tells the relay that a write with events committed, so it publishes now rather than at its next round. */
	public void written() {
		this.wakeRelay.run();
	}

	Document entry(Envelope<?> event) {
		MessageType type = MessageTypes.find(event.type())
			.orElseThrow(() -> new IllegalArgumentException("unknown message type " + event.type()));
		String body;
		try {
			body = this.objectMapper.writeValueAsString(event);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("cannot write " + event.type() + " as JSON", ex);
		}
		return new Document("id", event.id()).append("type", event.type())
			.append("exchange", OutboxRelay.exchangeOf(type))
			.append("routingKey", event.type())
			.append("subject", event.subject())
			.append("traceparent", event.traceparent())
			.append("body", body)
			.append("createdAt", new Date());
	}

	private void ensureIndex(String collection) {
		if (this.indexed.add(collection)) {
			this.mongo.indexOps(collection)
				.ensureIndex(new Index().on(FIELD + ".id", Sort.Direction.ASC).sparse().named(INDEX));
		}
	}

}
