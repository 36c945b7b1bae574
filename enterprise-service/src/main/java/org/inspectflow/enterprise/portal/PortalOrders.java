package org.inspectflow.enterprise.portal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.inspectflow.contracts.Envelope;
import org.inspectflow.contracts.events.CaseClosed;
import org.inspectflow.contracts.events.RectificationAccepted;
import org.inspectflow.contracts.events.RectificationOrdered;
import org.inspectflow.contracts.events.RectificationOverdue;
import org.inspectflow.contracts.events.RectificationRejected;
import org.inspectflow.contracts.events.RectificationReminderDue;
import org.inspectflow.contracts.events.RectificationSubmitted;
import org.inspectflow.support.messaging.Envelopes;
import org.inspectflow.support.messaging.MongoOnce;
import org.inspectflow.support.outbox.MongoOutbox;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The enterprise portal's view of each case's rectification orders, one document per case ({@code _id} = caseId) in
 * {@value #COLLECTION}, built from the workflow's events and the enterprise's own submissions. Every change is one
 * single-document atomic update (no transactions: the dev server has none), guarded by the event's id
 * ({@link MongoOnce}) and, where an event changes the current state, by its round: an event of an earlier round that
 * arrives late is kept in the history but cannot reopen or close the current round. A submission is recorded and its
 * {@code RectificationSubmitted} put into the document's outbox by the same update, which matches only while the case
 * waits for that round's submission: it is published if and only if it was recorded, and only once per round.
 */
@Component
public class PortalOrders {

	public static final String COLLECTION = "portal_orders";

	private final MongoTemplate mongo;

	private final MongoOutbox outbox;

	private final Envelopes envelopes;

	private final Clock clock;

	PortalOrders(MongoTemplate mongo, MongoOutbox outbox, Envelopes envelopes, Clock clock) {
		this.mongo = mongo;
		this.outbox = outbox;
		this.envelopes = envelopes;
		this.clock = clock;
	}

	public void ensureIndexes() {
		this.mongo.indexOps(COLLECTION)
			.ensureIndex(new Index().on("enterpriseUscc", Sort.Direction.ASC)
				.on("updatedAt", Sort.Direction.DESC)
				.named("enterprise_recent"));
	}

	/** Applies one event of the orders queue; true if it changed the view now, false if it was applied before. */
	public boolean apply(Envelope<?> envelope) {
		Object data = envelope.data();
		String id = envelope.id();
		Date now = Date.from(this.clock.instant());
		if (data instanceof RectificationOrdered ordered) {
			Document order = new Document("orderId", ordered.orderId()).append("round", ordered.round())
				.append("deadline", ordered.deadline().toString())
				.append("deadlineProvisional", ordered.deadlineProvisional())
				.append("requirements", ordered.requirements())
				.append("orderedAt", Date.from(envelope.time().toInstant()));
			// a newer round than the view knows (or a new view), on a case still open: it becomes the open order
			Criteria newer = new Criteria().orOperator(Criteria.where("round").lt(ordered.round()),
					Criteria.where("round").exists(false));
			Query current = Query.query(Criteria.where("_id")
				.is(ordered.caseId())
				.and("closed")
				.exists(false)
				.and("accepted")
				.exists(false)).addCriteria(newer);
			Update open = touched(now, ordered.enterpriseUscc()).set("orderId", ordered.orderId())
				.set("round", ordered.round())
				.set("deadline", ordered.deadline().toString())
				.set("deadlineProvisional", ordered.deadlineProvisional())
				.set("requirements", ordered.requirements())
				.set("waiting", true)
				.push("orders", order);
			if (MongoOnce.upsert(this.mongo, COLLECTION, current, open, id)) {
				return true;
			}
			return MongoOnce.update(this.mongo, COLLECTION, byId(ordered.caseId()),
					touched(now, null).push("orders", order), id);
		}
		if (data instanceof RectificationReminderDue reminder) {
			Document entry = new Document("orderId", reminder.orderId()).append("round", reminder.round())
				.append("deadline", reminder.deadline().toString())
				.append("workingDaysLeft", reminder.workingDaysLeft())
				.append("at", Date.from(envelope.time().toInstant()));
			return MongoOnce.upsert(this.mongo, COLLECTION, byId(reminder.caseId()),
					touched(now, reminder.enterpriseUscc()).push("reminders", entry), id);
		}
		if (data instanceof RectificationRejected rejected) {
			Document entry = new Document("orderId", rejected.orderId()).append("round", rejected.round())
				.append("submissionId", rejected.submissionId())
				.append("reasons", rejected.reasons())
				.append("escalated", rejected.escalated())
				.append("rejectedAt", Date.from(rejected.rejectedAt().toInstant()))
				.append("reviewedBy", rejected.reviewedBy());
			return roundEvent(id, rejected.caseId(), rejected.enterpriseUscc(), rejected.round(), now, "rejections",
					entry, rejected.escalated());
		}
		if (data instanceof RectificationOverdue overdue) {
			Document entry = new Document("orderId", overdue.orderId()).append("round", overdue.round())
				.append("deadline", overdue.deadline().toString())
				.append("escalatedTo", overdue.escalatedTo())
				.append("at", Date.from(envelope.time().toInstant()));
			return roundEvent(id, overdue.caseId(), overdue.enterpriseUscc(), overdue.round(), now, "overdue", entry,
					true);
		}
		if (data instanceof RectificationAccepted accepted) {
			Document entry = new Document("orderId", accepted.orderId()).append("round", accepted.round())
				.append("submissionId", accepted.submissionId())
				.append("comment", accepted.comment())
				.append("acceptedAt", Date.from(accepted.acceptedAt().toInstant()))
				.append("reviewedBy", accepted.reviewedBy());
			return MongoOnce.upsert(this.mongo, COLLECTION, byId(accepted.caseId()),
					touched(now, accepted.enterpriseUscc()).set("accepted", entry).set("waiting", false), id);
		}
		if (data instanceof CaseClosed closed) {
			Document entry = new Document("outcome", closed.outcome().name())
				.append("closedAt", Date.from(closed.closedAt().toInstant()))
				.append("closedBy", closed.closedBy());
			// no upsert: a case that never had an order (dismissed, merged, no enterprise) has no view
			return MongoOnce.update(this.mongo, COLLECTION, byId(closed.caseId()),
					touched(now, null).set("closed", entry).set("waiting", false), id);
		}
		return false;
	}

	/**
	 * An event about one round: it ends the wait for a submission only if the round is still the view's current one;
	 * one of an earlier round only joins the history.
	 */
	private boolean roundEvent(String eventId, String caseId, String uscc, int round, Date now, String list,
			Document entry, boolean escalates) {
		Update ends = touched(now, uscc).push(list, entry).set("waiting", false);
		if (escalates) {
			ends.set("escalatedRound", round);
		}
		if (MongoOnce.update(this.mongo, COLLECTION,
				Query.query(Criteria.where("_id").is(caseId).and("round").is(round)), ends, eventId)) {
			return true;
		}
		return MongoOnce.upsert(this.mongo, COLLECTION, byId(caseId), touched(now, uscc).push(list, entry), eventId);
	}

	private static Query byId(String caseId) {
		return Query.query(Criteria.where("_id").is(caseId));
	}

	private static Update touched(Date now, String uscc) {
		Update update = new Update().set("updatedAt", now).setOnInsert("createdAt", now);
		if (uscc != null) {
			update.setOnInsert("enterpriseUscc", uscc);
		}
		return update;
	}

	/** The views of one enterprise's cases, most recently changed first. */
	public List<Document> ofEnterprise(String uscc, int limit) {
		Query query = Query.query(Criteria.where("enterpriseUscc").is(uscc))
			.with(Sort.by(Sort.Direction.DESC, "updatedAt"))
			.limit(limit);
		withoutInternals(query);
		return this.mongo.find(query, Document.class, COLLECTION);
	}

	/** The view of the case if it is the enterprise's; empty otherwise (another's case is not confirmed to exist). */
	public Optional<Document> find(String caseId, String uscc) {
		Query query = Query.query(Criteria.where("_id").is(caseId).and("enterpriseUscc").is(uscc));
		withoutInternals(query);
		return Optional.ofNullable(this.mongo.findOne(query, Document.class, COLLECTION));
	}

	private static void withoutInternals(Query query) {
		query.fields().exclude(MongoOutbox.FIELD).exclude(MongoOnce.FIELD);
	}

	/**
	 * Records the enterprise's submission for the open order of the view it was read from, and puts
	 * {@code RectificationSubmitted} into the outbox in the same update. Empty when the view moved on since it was
	 * read (another submission for the round, a new order, the case closed): nothing was recorded or sent.
	 */
	public Optional<RectificationSubmitted> submit(Document view, String uscc, String statement, LocalDate completedOn,
			List<String> evidenceIds, String submittedBy) {
		String caseId = view.getString("_id");
		String orderId = view.getString("orderId");
		int round = view.getInteger("round");
		RectificationSubmitted submitted = new RectificationSubmitted(caseId, uscc, orderId, round,
				UUID.randomUUID().toString(), evidenceIds, statement, completedOn,
				OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC), submittedBy);
		Envelope<RectificationSubmitted> event = this.envelopes.of(RectificationSubmitted.TYPE, caseId, submitted);
		Query waiting = Query.query(Criteria.where("_id")
			.is(caseId)
			.and("enterpriseUscc")
			.is(uscc)
			.and("waiting")
			.is(true)
			.and("orderId")
			.is(orderId)
			.and("round")
			.is(round)
			.and("submittedRounds")
			.ne(round)
			.and("closed")
			.exists(false)
			.and("accepted")
			.exists(false));
		Document entry = new Document("submissionId", submitted.submissionId()).append("orderId", orderId)
			.append("round", round)
			.append("statement", statement)
			.append("completedOn", completedOn == null ? null : completedOn.toString())
			.append("evidenceIds", submitted.evidenceIds())
			.append("submittedAt", Date.from(submitted.submittedAt().toInstant()))
			.append("submittedBy", submittedBy);
		Update record = new Update().set("waiting", false)
			.set("updatedAt", Date.from(this.clock.instant()))
			.push("submittedRounds", round)
			.push("submissions", entry);
		var result = this.mongo.updateFirst(waiting, this.outbox.withEvents(COLLECTION, record, event), COLLECTION);
		if (result.getModifiedCount() == 0) {
			return Optional.empty();
		}
		this.outbox.written();
		return Optional.of(submitted);
	}

}
