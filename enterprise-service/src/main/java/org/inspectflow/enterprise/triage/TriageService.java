package org.inspectflow.enterprise.triage;

import java.util.Date;
import java.util.Optional;

import org.bson.Document;
import org.inspectflow.contracts.Envelope;
import org.inspectflow.contracts.MatchMethod;
import org.inspectflow.contracts.commands.CheckFirstOffence;
import org.inspectflow.contracts.commands.EnterpriseMatchResult;
import org.inspectflow.contracts.commands.FirstOffenceResult;
import org.inspectflow.contracts.commands.MatchEnterprise;
import org.inspectflow.enterprise.compliance.ComplianceHistory;
import org.inspectflow.enterprise.compliance.domain.FirstOffenceRule;
import org.inspectflow.enterprise.register.Enterprise;
import org.inspectflow.enterprise.register.EnterpriseRegister;
import org.inspectflow.support.messaging.Envelopes;
import org.inspectflow.support.outbox.MongoOutbox;
import org.inspectflow.support.validation.Uscc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Service;

/**
 * Answers workflow-service's triage questions: which enterprise a clue is about (by USCC, else by the nearest site
 * within the radius), and whether a violation is the enterprise's first in 12 months. Each reply is written into the
 * outbox of a document keyed by the command's envelope id, inserted once: a redelivered command finds the document
 * there and sends no second reply, and the relay publishes the reply only after the insert committed.
 */
@Service
public class TriageService {

	/** One document per command answered; kept 30 days, long after any redelivery. */
	public static final String REPLIES = "triage_replies";

	private static final Logger log = LoggerFactory.getLogger(TriageService.class);

	private final EnterpriseRegister register;

	private final ComplianceHistory history;

	private final MongoTemplate mongo;

	private final MongoOutbox outbox;

	private final Envelopes envelopes;

	TriageService(EnterpriseRegister register, ComplianceHistory history, MongoTemplate mongo, MongoOutbox outbox,
			Envelopes envelopes) {
		this.register = register;
		this.history = history;
		this.mongo = mongo;
		this.outbox = outbox;
		this.envelopes = envelopes;
	}

	public void ensureIndexes() {
		this.mongo.indexOps(REPLIES)
			.ensureIndex(new Index().on("createdAt", Sort.Direction.ASC).expire(java.time.Duration.ofDays(30)));
	}

	public EnterpriseMatchResult match(MatchEnterprise command) {
		if (command.uscc() != null && Uscc.isValid(command.uscc())) {
			Optional<Enterprise> byCode = this.register.find(command.uscc());
			if (byCode.isPresent()) {
				return matched(command.caseId(), byCode.get(), MatchMethod.USCC);
			}
		}
		if (command.location() != null) {
			Optional<EnterpriseRegister.Nearby> nearby = this.register.nearest(command.location().latitude(),
					command.location().longitude(), command.radiusMeters());
			if (nearby.isPresent()) {
				return matched(command.caseId(), nearby.get().enterprise(), MatchMethod.LOCATION);
			}
		}
		return new EnterpriseMatchResult(command.caseId(), false, null, null, false, MatchMethod.NONE, null, null);
	}

	private static EnterpriseMatchResult matched(String caseId, Enterprise enterprise, MatchMethod method) {
		return new EnterpriseMatchResult(caseId, true, enterprise.uscc(), enterprise.riskTier(),
				enterprise.positiveList(), method, enterprise.district(), enterprise.city());
	}

	public FirstOffenceResult checkFirstOffence(CheckFirstOffence command) {
		FirstOffenceRule.Verdict verdict = FirstOffenceRule.check(this.history.of(command.enterpriseUscc()),
				command.violationType(), command.asOf(), command.caseId());
		return new FirstOffenceResult(command.caseId(), verdict.firstOffence(), verdict.previousCaseIds());
	}

	/** Answers the command once: true if the reply was written now, false if this command was answered before. */
	public boolean answer(Envelope<?> command) {
		Object reply;
		String type;
		String caseId;
		if (command.data() instanceof MatchEnterprise match) {
			reply = match(match);
			type = EnterpriseMatchResult.TYPE;
			caseId = match.caseId();
		}
		else if (command.data() instanceof CheckFirstOffence check) {
			reply = checkFirstOffence(check);
			type = FirstOffenceResult.TYPE;
			caseId = check.caseId();
		}
		else {
			return false;
		}
		Envelope<?> envelope = this.envelopes.causedBy(command, type, caseId, reply);
		Document document = new Document("_id", command.id()).append("command", command.type())
			.append("caseId", caseId)
			.append("createdAt", new Date());
		try {
			this.mongo.insert(this.outbox.withEvents(REPLIES, document, envelope), REPLIES);
		}
		catch (DuplicateKeyException ex) {
			log.info("{} {} for {} was answered before: no second reply", command.type(), command.id(), caseId);
			return false;
		}
		this.outbox.written();
		return true;
	}

}
