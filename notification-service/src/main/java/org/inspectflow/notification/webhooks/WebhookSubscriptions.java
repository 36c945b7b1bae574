package org.inspectflow.notification.webhooks;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.inspectflow.notification.webhooks.WebhookSecrets.SealedSecret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The subscriptions ({@value #COLLECTION}). Every read that answers an integrator names its client id, so one
 * integrator never reaches another's subscription. The secret is stored sealed ({@code sealedSecret}, see
 * {@link WebhookSecrets}); a secret that an earlier version stored in plain text ({@code secret}) is sealed at start,
 * or when it is first read.
 */
@Component
public class WebhookSubscriptions {

	static final String COLLECTION = "webhook_subscriptions";

	static final String SEALED_SECRET = "sealedSecret";

	/** Where versions before sealing kept the secret, in plain text. */
	static final String PLAIN_SECRET = "secret";

	private static final Logger log = LoggerFactory.getLogger(WebhookSubscriptions.class);

	private final MongoTemplate mongo;

	private final WebhookSecrets secrets;

	WebhookSubscriptions(MongoTemplate mongo, WebhookSecrets secrets) {
		this.mongo = mongo;
		this.secrets = secrets;
	}

	public void ensureIndexes() {
		this.mongo.indexOps(COLLECTION).ensureIndex(new Index().on("owner", Sort.Direction.ASC));
	}

	/**
	 * Seals the secrets stored in plain text by an earlier version, and refuses to start when a secret was sealed with
	 * another key than the configured one: deliveries signed with it would be refused by every receiver, and the
	 * secret cannot be recovered without its key.
	 */
	public void secureSecrets() {
		List<String> foreign = new ArrayList<>();
		for (Document document : this.mongo.findAll(Document.class, COLLECTION)) {
			if (document.get(PLAIN_SECRET) instanceof String) {
				sealPlainSecret(document);
				continue;
			}
			Document sealed = document.get(SEALED_SECRET, Document.class);
			if (sealed != null && !this.secrets.keyId().equals(sealed.getString("keyId"))) {
				foreign.add(document.getString("_id") + " (key " + sealed.getString("keyId") + ")");
			}
		}
		if (!foreign.isEmpty()) {
			throw new IllegalStateException(foreign.size() + " webhook subscription secrets were sealed with another key "
					+ "than " + WebhookSecrets.KEY_SETTING + " (key " + this.secrets.keyId() + "): " + foreign
					+ ". Start the service with the key they were sealed with; without it their integrators must "
					+ "subscribe again.");
		}
	}

	void add(WebhookSubscription subscription) {
		this.mongo.insert(new Document("_id", subscription.id()).append("owner", subscription.owner())
			.append("url", subscription.url())
			.append("eventTypes", subscription.eventTypes())
			.append(SEALED_SECRET, sealed(subscription.secret()))
			.append("createdAt", Date.from(subscription.createdAt())), COLLECTION);
	}

	List<WebhookSubscription> of(String owner) {
		return this.mongo
			.find(Query.query(Criteria.where("owner").is(owner)).with(Sort.by("createdAt")), Document.class, COLLECTION)
			.stream()
			.map(this::subscription)
			.toList();
	}

	long count(String owner) {
		return this.mongo.count(Query.query(Criteria.where("owner").is(owner)), COLLECTION);
	}

	Optional<WebhookSubscription> find(String owner, String id) {
		return Optional.ofNullable(this.mongo.findOne(Query.query(Criteria.where("_id").is(id).and("owner").is(owner)),
				Document.class, COLLECTION)).map(this::subscription);
	}

	/** By id alone: for delivering, never for answering an integrator. */
	Optional<WebhookSubscription> find(String id) {
		return Optional.ofNullable(this.mongo.findById(id, Document.class, COLLECTION)).map(this::subscription);
	}

	boolean remove(String owner, String id) {
		return this.mongo.remove(Query.query(Criteria.where("_id").is(id).and("owner").is(owner)), COLLECTION)
			.getDeletedCount() > 0;
	}

	List<WebhookSubscription> all() {
		return this.mongo.findAll(Document.class, COLLECTION).stream().map(this::subscription).toList();
	}

	private WebhookSubscription subscription(Document document) {
		Document sealed = document.get(PLAIN_SECRET) instanceof String ? sealPlainSecret(document)
				: document.get(SEALED_SECRET, Document.class);
		return new WebhookSubscription(document.getString("_id"), document.getString("owner"),
				document.getString("url"), document.getList("eventTypes", String.class, List.of()),
				sealed == null ? null
						: new SealedSecret(sealed.getString("algorithm"), sealed.getString("keyId"),
								sealed.getString("value")),
				document.getDate("createdAt").toInstant());
	}

	/**
	 * Replaces a plain-text secret by its sealed form, only if it is still the same plain text: two instances sealing
	 * at once write one of their (equivalent) results.
	 */
	private Document sealPlainSecret(Document document) {
		String id = document.getString("_id");
		String plain = document.getString(PLAIN_SECRET);
		Document sealed = sealed(this.secrets.seal(plain));
		boolean changed = this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(id).and(PLAIN_SECRET).is(plain)),
					new Update().set(SEALED_SECRET, sealed).unset(PLAIN_SECRET), COLLECTION)
			.getModifiedCount() > 0;
		if (changed) {
			log.info("sealed the plain-text secret of webhook subscription {}", id);
			return sealed;
		}
		Document now = this.mongo.findById(id, Document.class, COLLECTION);
		return now == null ? sealed : now.get(SEALED_SECRET, Document.class);
	}

	private static Document sealed(SealedSecret secret) {
		return new Document("algorithm", secret.algorithm()).append("keyId", secret.keyId())
			.append("value", secret.value());
	}

}
