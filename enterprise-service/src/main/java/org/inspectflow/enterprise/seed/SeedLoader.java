package org.inspectflow.enterprise.seed;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.inspectflow.enterprise.compliance.ComplianceEvents;
import org.inspectflow.enterprise.compliance.ComplianceHistory;
import org.inspectflow.enterprise.compliance.domain.ComplianceEntry;
import org.inspectflow.enterprise.importing.ImportReport;
import org.inspectflow.enterprise.importing.RegisterImport;
import org.inspectflow.enterprise.monitoring.MonitoringRegister;
import org.inspectflow.enterprise.register.EnterpriseRegister;
import org.inspectflow.enterprise.risk.PositiveList;
import org.inspectflow.enterprise.risk.RiskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Loads the demo register ({@link SeedData}) when the register is empty and
 * {@code inspectflow.enterprise.seed.enabled} is true (the default; the tests turn it off).
 */
@Component
public class SeedLoader {

	private static final Logger log = LoggerFactory.getLogger(SeedLoader.class);

	private final MongoTemplate mongo;

	private final RegisterImport importer;

	private final MonitoringRegister monitoring;

	private final ComplianceHistory history;

	private final RiskService risk;

	private final PositiveList positiveList;

	private final Clock clock;

	private final boolean enabled;

	private final int count;

	SeedLoader(MongoTemplate mongo, RegisterImport importer, MonitoringRegister monitoring, ComplianceHistory history,
			RiskService risk, PositiveList positiveList, Clock clock,
			@Value("${inspectflow.enterprise.seed.enabled:true}") boolean enabled,
			@Value("${inspectflow.enterprise.seed.enterprises:2400}") int count) {
		this.mongo = mongo;
		this.importer = importer;
		this.monitoring = monitoring;
		this.history = history;
		this.risk = risk;
		this.positiveList = positiveList;
		this.clock = clock;
		this.enabled = enabled;
		this.count = count;
	}

	/** Seeds if enabled and the register holds no enterprise; true if it seeded. */
	public boolean seedIfEmpty() {
		if (!this.enabled) {
			return false;
		}
		if (this.mongo.exists(Query.query(Criteria.where(EnterpriseRegister.REGISTERED).is(true)),
				EnterpriseRegister.COLLECTION)) {
			log.info("the register holds enterprises: no demo data loaded");
			return false;
		}
		seed();
		return true;
	}

	void seed() {
		long started = System.nanoTime();
		ImportReport report = this.importer
			.importCsv(new ByteArrayInputStream(SeedData.enterprisesCsv(this.count).getBytes(StandardCharsets.UTF_8)));
		if (report.rejected() > 0) {
			throw new IllegalStateException("the demo data does not pass the import's checks: " + report.errors());
		}
		this.monitoring.saveCompanies(SeedData.companies());
		this.monitoring.saveEngagements(SeedData.engagements(this.count));
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ComplianceEvents.ZONE);
		List<SeedData.PastViolation> past = SeedData.history(this.count, today);
		for (SeedData.PastViolation violation : past) {
			this.history.record(violation.uscc(),
					new ComplianceEntry("seed-" + violation.caseId(), ComplianceEntry.Kind.VIOLATION_FOUND,
							violation.caseId(), violation.date(),
							violation.date().atTime(10, 0).toInstant(ZoneOffset.ofHours(8)), violation.violationType(),
							null, violation.serious() ? "SERIOUS" : "CONFIRMED"));
		}
		past.stream().map(SeedData.PastViolation::uscc).distinct().forEach(this.risk::reassess);
		for (String uscc : SeedData.positiveList(this.count, past)) {
			this.positiveList.set(uscc, true, "seed",
					"示范数据：完成治污设施升级改造 demo data: upgraded its treatment facilities");
		}
		log.info("loaded the demo register: {} enterprises, {} monitoring companies, {} past violations in {} ms",
				report.stored(), SeedData.companies().size(), past.size(), (System.nanoTime() - started) / 1_000_000);
	}

}
