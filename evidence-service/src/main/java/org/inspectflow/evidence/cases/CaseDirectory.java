package org.inspectflow.evidence.cases;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.bson.Document;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The cases evidence may belong to, kept from the workflow's events (queue {@code evidence-service.cases}); each event
 * sets fields of one document, so a repeated event changes nothing.
 */
@Component
public class CaseDirectory {

	static final String CASES = "cases";

	private final MongoTemplate mongo;

	CaseDirectory(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	public Optional<CaseRecord> find(String caseId) {
		Document found = this.mongo.findById(caseId, Document.class, CASES);
		if (found == null) {
			return Optional.empty();
		}
		Date orderedAt = found.getDate("orderedAt");
		return Optional.of(new CaseRecord(caseId, found.getString("district"), found.getString("city"),
				found.getString("enterpriseUscc"), found.getDouble("latitude"), found.getDouble("longitude"),
				orderedAt == null ? null : orderedAt.toInstant(), Boolean.TRUE.equals(found.getBoolean("ended"))));
	}

	/** Sets what an event says of the case; null values leave what is known. */
	public void record(String caseId, String district, String enterpriseUscc, Double latitude, Double longitude) {
		Update update = new Update().setOnInsert("_id", caseId);
		if (district != null) {
			update.set("district", district).set("city", district.substring(0, 4) + "00");
		}
		if (enterpriseUscc != null) {
			update.set("enterpriseUscc", enterpriseUscc);
		}
		if (latitude != null && longitude != null) {
			update.set("latitude", latitude).set("longitude", longitude);
		}
		upsert(caseId, update);
	}

	public void ordered(String caseId, String enterpriseUscc, Instant at) {
		Update update = new Update().max("orderedAt", Date.from(at));
		if (enterpriseUscc != null) {
			update.set("enterpriseUscc", enterpriseUscc);
		}
		upsert(caseId, update);
	}

	public void ended(String caseId) {
		upsert(caseId, new Update().set("ended", true));
	}

	private void upsert(String caseId, Update update) {
		this.mongo.findAndModify(Query.query(Criteria.where("_id").is(caseId)), update,
				FindAndModifyOptions.options().upsert(true), Document.class, CASES);
	}

}
