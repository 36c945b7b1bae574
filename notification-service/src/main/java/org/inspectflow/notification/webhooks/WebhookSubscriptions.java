package org.inspectflow.notification.webhooks;

import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The subscriptions ({@value #COLLECTION}). Every read that answers an integrator names its client id, so one
 * integrator never reaches another's subscription. The secret is kept as given: it is needed to sign (production
 * keeps the database encrypted at rest).
 */
@Component
public class WebhookSubscriptions {

	static final String COLLECTION = "webhook_subscriptions";

	private final MongoTemplate mongo;

	WebhookSubscriptions(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	public void ensureIndexes() {
		this.mongo.indexOps(COLLECTION).ensureIndex(new Index().on("owner", Sort.Direction.ASC));
	}

	void add(WebhookSubscription subscription) {
		this.mongo.insert(new Document("_id", subscription.id()).append("owner", subscription.owner())
			.append("url", subscription.url())
			.append("eventTypes", subscription.eventTypes())
			.append("secret", subscription.secret())
			.append("createdAt", Date.from(subscription.createdAt())), COLLECTION);
	}

	List<WebhookSubscription> of(String owner) {
		return this.mongo
			.find(Query.query(Criteria.where("owner").is(owner)).with(Sort.by("createdAt")), Document.class, COLLECTION)
			.stream()
			.map(WebhookSubscriptions::subscription)
			.toList();
	}

	long count(String owner) {
		return this.mongo.count(Query.query(Criteria.where("owner").is(owner)), COLLECTION);
	}

	Optional<WebhookSubscription> find(String owner, String id) {
		return Optional.ofNullable(this.mongo.findOne(Query.query(Criteria.where("_id").is(id).and("owner").is(owner)),
				Document.class, COLLECTION)).map(WebhookSubscriptions::subscription);
	}

	/** By id alone: for delivering, never for answering an integrator. */
	Optional<WebhookSubscription> find(String id) {
		return Optional.ofNullable(this.mongo.findById(id, Document.class, COLLECTION))
			.map(WebhookSubscriptions::subscription);
	}

	boolean remove(String owner, String id) {
		return this.mongo.remove(Query.query(Criteria.where("_id").is(id).and("owner").is(owner)), COLLECTION)
			.getDeletedCount() > 0;
	}

	List<WebhookSubscription> all() {
		return this.mongo.findAll(Document.class, COLLECTION).stream().map(WebhookSubscriptions::subscription).toList();
	}

	private static WebhookSubscription subscription(Document document) {
		return new WebhookSubscription(document.getString("_id"), document.getString("owner"),
				document.getString("url"), document.getList("eventTypes", String.class, List.of()),
				document.getString("secret"), document.getDate("createdAt").toInstant());
	}

}
