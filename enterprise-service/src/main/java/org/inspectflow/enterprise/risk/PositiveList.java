package org.inspectflow.enterprise.risk;

import java.time.Clock;
import java.util.Date;

import org.bson.Document;
import org.inspectflow.enterprise.register.EnterpriseRegister;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The positive list (正面清单): enterprises that earned fewer inspections. Supervisors and admins put an enterprise on
 * it or take it off, always with a reason; each change and its audit entry (who, when, why) are one atomic write, and
 * the risk tier follows.
 */
@Service
public class PositiveList {

	private final MongoTemplate mongo;

	private final RiskService risk;

	private final Clock clock;

	PositiveList(MongoTemplate mongo, RiskService risk, Clock clock) {
		this.mongo = mongo;
		this.risk = risk;
		this.clock = clock;
	}

	/**
	 * Puts the registered enterprise on the list (true) or takes it off (false).
	 *
	 * @return CHANGED, UNCHANGED (it already was so; no audit entry), or NOT_FOUND
	 */
	public Outcome set(String uscc, boolean listed, String by, String reason) {
		Query query = Query.query(Criteria.where("_id").is(uscc)
			.and(EnterpriseRegister.REGISTERED)
			.is(true)
			.and(EnterpriseRegister.POSITIVE_LIST)
			.ne(listed));
		Date now = Date.from(this.clock.instant());
		Update update = new Update().set(EnterpriseRegister.POSITIVE_LIST, listed)
			.push(EnterpriseRegister.POSITIVE_LIST_AUDIT,
					new Document("action", listed ? "ADDED" : "REMOVED").append("by", by)
						.append("at", now)
						.append("reason", reason))
			.inc(EnterpriseRegister.VERSION, 1)
			.set(EnterpriseRegister.UPDATED_AT, now);
		if (this.mongo.updateFirst(query, update, EnterpriseRegister.COLLECTION).getModifiedCount() > 0) {
			this.risk.reassess(uscc);
			return Outcome.CHANGED;
		}
		boolean exists = this.mongo.exists(
				Query.query(Criteria.where("_id").is(uscc).and(EnterpriseRegister.REGISTERED).is(true)),
				EnterpriseRegister.COLLECTION);
		return exists ? Outcome.UNCHANGED : Outcome.NOT_FOUND;
	}

	/** The changes of the enterprise's listing, oldest first; empty when it was never changed. */
	public java.util.List<Change> history(String uscc) {
		Query query = Query.query(Criteria.where("_id").is(uscc));
		query.fields().include(EnterpriseRegister.POSITIVE_LIST_AUDIT);
		Document document = this.mongo.findOne(query, Document.class, EnterpriseRegister.COLLECTION);
		java.util.List<Document> entries = document == null ? null
				: document.getList(EnterpriseRegister.POSITIVE_LIST_AUDIT, Document.class);
		if (entries == null) {
			return java.util.List.of();
		}
		return entries.stream()
			.map((entry) -> new Change(entry.getString("action"), entry.getString("by"),
					entry.getDate("at").toInstant(), entry.getString("reason")))
			.toList();
	}

	/** One audit entry: who put the enterprise on the list or took it off, when and why. */
	public record Change(String action, String by, java.time.Instant at, String reason) {
	}

	/** What a change of the list did. */
	public enum Outcome {

		CHANGED, UNCHANGED, NOT_FOUND

	}

}
