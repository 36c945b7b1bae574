package org.inspectflow.enterprise.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.inspectflow.enterprise.compliance.domain.ComplianceEntry;
import org.inspectflow.enterprise.register.EnterpriseRegister;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Each enterprise's compliance history (violations found, rectification orders and acceptances, penalty cases,
 * closures, dismissals), kept in the enterprise's document as the array {@value EnterpriseRegister#COMPLIANCE}. An
 * entry is added by one single-document update that matches only while no entry carries the event's id, so a
 * redelivered event changes nothing; history for an enterprise not in the register is kept in a placeholder document
 * until the enterprise is registered.
 */
@Component
public class ComplianceHistory {

	private final MongoTemplate mongo;

	ComplianceHistory(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Adds the entry unless its event was recorded before; true if it was added now. */
	public boolean record(String uscc, ComplianceEntry entry) {
		Query query = Query.query(Criteria.where("_id").is(uscc)
			.and(EnterpriseRegister.COMPLIANCE + ".eventId")
			.ne(entry.eventId()));
		Date now = new Date();
		Update update = new Update().push(EnterpriseRegister.COMPLIANCE, toDocument(entry))
			.inc(EnterpriseRegister.VERSION, 1)
			.set(EnterpriseRegister.UPDATED_AT, now)
			.setOnInsert(EnterpriseRegister.REGISTERED, false)
			.setOnInsert(EnterpriseRegister.CREATED_AT, now);
		try {
			var result = this.mongo.upsert(query, update, EnterpriseRegister.COLLECTION);
			return result.getModifiedCount() > 0 || result.getUpsertedId() != null;
		}
		catch (DuplicateKeyException ex) {
			return false; // the document exists and already holds this event's entry
		}
	}

	/** The history of an enterprise (registered or not), oldest first; empty when there is none. */
	public List<ComplianceEntry> of(String uscc) {
		Query query = Query.query(Criteria.where("_id").is(uscc));
		query.fields().include(EnterpriseRegister.COMPLIANCE);
		Document document = this.mongo.findOne(query, Document.class, EnterpriseRegister.COLLECTION);
		return document == null ? List.of() : read(document);
	}

	/** The entries of an enterprise document read with its {@value EnterpriseRegister#COMPLIANCE} field. */
	public static List<ComplianceEntry> read(Document document) {
		List<Document> entries = document.getList(EnterpriseRegister.COMPLIANCE, Document.class);
		if (entries == null) {
			return List.of();
		}
		return entries.stream().map(ComplianceHistory::fromDocument).toList();
	}

	static Document toDocument(ComplianceEntry entry) {
		return new Document("eventId", entry.eventId()).append("kind", entry.kind().name())
			.append("caseId", entry.caseId())
			.append("date", entry.date().toString())
			.append("at", Date.from(entry.at()))
			.append("violationType", entry.violationType())
			.append("reference", entry.reference())
			.append("detail", entry.detail());
	}

	static ComplianceEntry fromDocument(Document document) {
		Date at = document.getDate("at");
		return new ComplianceEntry(document.getString("eventId"),
				ComplianceEntry.Kind.valueOf(document.getString("kind")), document.getString("caseId"),
				LocalDate.parse(document.getString("date")), at == null ? Instant.EPOCH : at.toInstant(),
				document.getString("violationType"), document.getString("reference"), document.getString("detail"));
	}

}
