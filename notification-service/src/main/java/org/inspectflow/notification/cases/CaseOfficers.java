package org.inspectflow.notification.cases;

import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.inspectflow.contracts.Envelope;
import org.inspectflow.contracts.events.InspectionAssigned;
import org.inspectflow.contracts.events.InspectionRecorded;
import org.inspectflow.notification.recipients.domain.DivisionCodes;
import org.inspectflow.support.messaging.MongoOnce;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The little this service must remember of each case ({@value #COLLECTION}): who is in charge of it and where it
 * is. Later events (an enterprise's submission, an overdue order) do not name the officer or the jurisdiction, so
 * they are kept from {@code workflow.InspectionAssigned} (the officers, the district) and
 * {@code workflow.InspectionRecorded} (the officer who recorded the inspection, who reviews the rectification).
 * Each message changes the view once ({@link MongoOnce}).
 */
@Component
public class CaseOfficers {

	static final String COLLECTION = "cases";

	private final MongoTemplate mongo;

	CaseOfficers(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Keeps what the message says of the case; other messages leave the view alone. */
	public void apply(Envelope<?> envelope) {
		if (envelope.data() instanceof InspectionAssigned assigned) {
			// a reassignment replaces the officers; the recorder of an earlier inspection stays the reviewer
			update(assigned.caseId(), new Update().set("officers", assigned.officerIds())
				.set("district", assigned.district())
				.set("city", DivisionCodes.cityOf(assigned.district())), envelope.id());
		}
		else if (envelope.data() instanceof InspectionRecorded recorded && recorded.recordedBy() != null) {
			update(recorded.caseId(), new Update().set("recordedBy", recorded.recordedBy()), envelope.id());
		}
	}

	public Optional<Facts> find(String caseId) {
		if (caseId == null) {
			return Optional.empty();
		}
		Document view = this.mongo.findById(caseId, Document.class, COLLECTION);
		if (view == null) {
			return Optional.empty();
		}
		String recordedBy = view.getString("recordedBy");
		List<String> officers = recordedBy != null ? List.of(recordedBy)
				: view.getList("officers", String.class, List.of());
		return Optional.of(new Facts(officers, view.getString("district"), view.getString("city")));
	}

	private void update(String caseId, Update update, String messageId) {
		MongoOnce.upsert(this.mongo, COLLECTION, Query.query(Criteria.where("_id").is(caseId)),
				update.set("updatedAt", new Date()), messageId);
	}

	/**
	 * @param officers who is told about the case: the officer who recorded its inspection, else the assigned ones
	 */
	public record Facts(List<String> officers, String district, String city) {

	}

}
