package org.inspectflow.notification.recipients;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.bson.Document;
import org.inspectflow.notification.recipients.domain.Recipient;
import org.inspectflow.notification.recipients.domain.RecipientLookup;
import org.inspectflow.notification.recipients.domain.RecipientRole;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The people notifications go to, with their addresses and language ({@value #COLLECTION}, one document per user
 * name). Kept here rather than read from Keycloak at each notification: a notice must go out while Keycloak is down,
 * and the addresses (phone, language) are the notification service's to keep.
 */
@Component
public class RecipientDirectory implements RecipientLookup {

	static final String COLLECTION = "recipients";

	private final MongoTemplate mongo;

	RecipientDirectory(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	public void ensureIndexes() {
		this.mongo.indexOps(COLLECTION).ensureIndex(new Index().on("enterpriseUscc", Sort.Direction.ASC));
		this.mongo.indexOps(COLLECTION)
			.ensureIndex(new Index().on("role", Sort.Direction.ASC).on("city", Sort.Direction.ASC));
		this.mongo.indexOps(COLLECTION)
			.ensureIndex(new Index().on("role", Sort.Direction.ASC).on("district", Sort.Direction.ASC));
	}

	@Override
	public Optional<Recipient> find(String id) {
		return Optional.ofNullable(this.mongo.findById(id, Document.class, COLLECTION))
			.map(RecipientDirectory::recipient);
	}

	@Override
	public List<Recipient> enterpriseUsers(String uscc) {
		return list(Criteria.where("role").is(RecipientRole.ENTERPRISE.name()).and("enterpriseUscc").is(uscc));
	}

	@Override
	public List<Recipient> supervisorsOf(String city) {
		return list(Criteria.where("role").is(RecipientRole.SUPERVISOR.name()).and("city").is(city));
	}

	@Override
	public List<Recipient> officersOf(String district) {
		return list(Criteria.where("role").is(RecipientRole.OFFICER.name()).and("district").is(district));
	}

	long count() {
		return this.mongo.estimatedCount(COLLECTION);
	}

	void save(Recipient recipient) {
		this.mongo.save(document(recipient), COLLECTION);
	}

	private List<Recipient> list(Criteria criteria) {
		return this.mongo.find(Query.query(criteria).with(Sort.by("_id")), Document.class, COLLECTION)
			.stream()
			.map(RecipientDirectory::recipient)
			.toList();
	}

	static Document document(Recipient recipient) {
		return new Document("_id", recipient.id()).append("displayName", recipient.displayName())
			.append("role", recipient.role().name())
			.append("district", recipient.district())
			.append("city", recipient.city())
			.append("enterpriseUscc", recipient.enterpriseUscc())
			.append("enterpriseName", recipient.enterpriseName())
			.append("email", recipient.email())
			.append("phone", recipient.phone())
			.append("locale", recipient.locale().toLanguageTag());
	}

	static Recipient recipient(Document document) {
		String locale = document.getString("locale");
		return new Recipient(document.getString("_id"), document.getString("displayName"),
				RecipientRole.valueOf(document.getString("role")), document.getString("district"),
				document.getString("city"), document.getString("enterpriseUscc"), document.getString("enterpriseName"),
				document.getString("email"), document.getString("phone"),
				locale == null ? null : Locale.forLanguageTag(locale));
	}

}
