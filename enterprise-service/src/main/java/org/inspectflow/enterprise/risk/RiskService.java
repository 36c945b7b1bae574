package org.inspectflow.enterprise.risk;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.inspectflow.enterprise.compliance.ComplianceEvents;
import org.inspectflow.enterprise.compliance.ComplianceHistory;
import org.inspectflow.enterprise.compliance.domain.ComplianceEntry;
import org.inspectflow.enterprise.register.EnterpriseRegister;
import org.inspectflow.enterprise.risk.domain.RiskRules;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Keeps each enterprise's risk tier in step with what it is computed from. Whoever changes an input (the history,
 * the positive list, the key-pollutant flag) bumps the document's {@code version} in that write and then calls
 * {@link #reassess}; the assessment is written only if the version is still the one it was computed from, so a stale
 * assessment never overwrites a newer one (the writer of the newer input reassesses after it).
 */
@Service
public class RiskService {

	private final MongoTemplate mongo;

	private final Clock clock;

	RiskService(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/** Recomputes the tier of one enterprise; true if written, false if it is unknown or changed meanwhile. */
	public boolean reassess(String uscc) {
		Query read = Query.query(Criteria.where("_id").is(uscc));
		read.fields()
			.include(EnterpriseRegister.KEY_POLLUTANT_UNIT, EnterpriseRegister.DISCHARGE_PERMIT,
					EnterpriseRegister.POSITIVE_LIST, EnterpriseRegister.COMPLIANCE, EnterpriseRegister.VERSION);
		Document document = this.mongo.findOne(read, Document.class, EnterpriseRegister.COLLECTION);
		if (document == null) {
			return false;
		}
		RiskRules.Assessment assessment = RiskRules.assess(inputs(document), today());
		Number version = document.get(EnterpriseRegister.VERSION, Number.class);
		Query unchanged = Query.query(Criteria.where("_id").is(uscc)
			.and(EnterpriseRegister.VERSION)
			.is(version == null ? null : version.longValue()));
		return this.mongo.updateFirst(unchanged, assessmentUpdate(assessment), EnterpriseRegister.COLLECTION)
			.getMatchedCount() > 0;
	}

	/** The assessment of an enterprise with no history yet (a new registration). */
	public RiskRules.Assessment assessNew(boolean keyPollutantUnit, String dischargePermitNumber,
			boolean positiveList) {
		return RiskRules.assess(new RiskRules.Inputs(keyPollutantUnit, permitOnRecord(dischargePermitNumber),
				positiveList, List.of(), List.of(), List.of(), List.of()), today());
	}

	/** The fields an assessment is stored in, for a write that sets them with other changes. */
	public java.util.Map<String, Object> assessmentFields(RiskRules.Assessment assessment) {
		java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>();
		fields.put(EnterpriseRegister.RISK_TIER, assessment.tier().name());
		fields.put(EnterpriseRegister.RISK_REASONS, assessment.reasons());
		fields.put(EnterpriseRegister.RISK_ASSESSED_AT, Date.from(this.clock.instant()));
		return fields;
	}

	private Update assessmentUpdate(RiskRules.Assessment assessment) {
		Update update = new Update();
		assessmentFields(assessment).forEach(update::set);
		return update;
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), ComplianceEvents.ZONE);
	}

	static RiskRules.Inputs inputs(Document document) {
		List<ComplianceEntry> history = ComplianceHistory.read(document);
		// an alarm whose clue was verified and dismissed (a faulty instrument, no exceedance) says nothing of the site
		java.util.Set<String> dismissed = history.stream()
			.filter(ComplianceEntry::isDismissal)
			.map(ComplianceEntry::caseId)
			.collect(java.util.stream.Collectors.toSet());
		return new RiskRules.Inputs(Boolean.TRUE.equals(document.getBoolean(EnterpriseRegister.KEY_POLLUTANT_UNIT)),
				permitOnRecord(document.getString(EnterpriseRegister.DISCHARGE_PERMIT)),
				Boolean.TRUE.equals(document.getBoolean(EnterpriseRegister.POSITIVE_LIST)),
				history.stream().filter(ComplianceEntry::isViolation).map(ComplianceEntry::date).toList(),
				history.stream().filter(ComplianceEntry::isSeriousViolation).map(ComplianceEntry::date).toList(),
				history.stream()
					.filter((entry) -> entry.kind() == ComplianceEntry.Kind.PENALTY_CASE_OPENED)
					.map(ComplianceEntry::date)
					.toList(),
				history.stream()
					.filter(ComplianceEntry::isMonitoringAlarm)
					.filter((entry) -> !dismissed.contains(entry.caseId()))
					.map(ComplianceEntry::date)
					.toList());
	}

	private static boolean permitOnRecord(String permit) {
		return permit != null && !permit.isBlank();
	}

}
