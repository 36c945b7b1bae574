package org.inspectflow.enterprise.risk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import com.mongodb.bulk.BulkWriteResult;
import org.bson.Document;
import org.inspectflow.enterprise.compliance.ComplianceEvents;
import org.inspectflow.enterprise.register.EnterpriseRegister;
import org.inspectflow.enterprise.risk.domain.RiskRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The daily reassessment of every registered enterprise's risk tier. A tier is reassessed whenever one of its inputs
 * changes, but time is an input too: a violation older than 12 months or an alarm older than 90 days stops counting
 * without any event saying so, and only a reassessment lowers the tier then.
 *
 * <p>The register is read in {@code _id} order, one batch at a time (the next batch starts after the last USCC of
 * the one before, on the {@code _id} index: no cursor is held open for the whole run, and memory holds one batch);
 * only enterprises whose tier or reasons differ are written, each by an update that matches only while the document's
 * {@code version} is the one the assessment was made from — an input changed meanwhile was reassessed by its writer.
 * Running it twice changes nothing the second time. {@link #runDaily} claims the day first in {@value #RUNS}, so that
 * several instances of the service run it once between them, and keeps the counts there.
 */
@Service
public class RiskRecompute {

	/** One document per day the job ran ({@code _id} = the day): when, and what it counted. */
	public static final String RUNS = "risk_recomputes";

	private static final Logger log = LoggerFactory.getLogger(RiskRecompute.class);

	private final MongoTemplate mongo;

	private final RiskService risk;

	private final Clock clock;

	private final int batchSize;

	RiskRecompute(MongoTemplate mongo, RiskService risk, Clock clock, RiskRecomputeProperties properties) {
		this.mongo = mongo;
		this.risk = risk;
		this.clock = clock;
		this.batchSize = properties.batchSize();
	}

	/**
	 * The scheduled run: claims today (in the bureau's calendar) and reassesses everything; empty when the day was
	 * claimed before, by this instance or another.
	 */
	public Optional<Summary> runDaily() {
		Instant started = this.clock.instant();
		String day = LocalDate.ofInstant(started, ComplianceEvents.ZONE).toString();
		try {
			this.mongo.insert(new Document("_id", day).append("status", "RUNNING").append("startedAt", Date.from(started)),
					RUNS);
		}
		catch (DuplicateKeyException ex) {
			log.info("risk recompute of {}: already run (or running) for this day, nothing to do", day);
			return Optional.empty();
		}
		try {
			Summary summary = recomputeAll();
			Document transitions = new Document();
			summary.transitions().forEach(transitions::append);
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(day)),
					new Update().set("status", "DONE")
						.set("finishedAt", Date.from(this.clock.instant()))
						.set("assessed", summary.assessed())
						.set("changed", summary.changed())
						.set("unchanged", summary.unchanged())
						.set("changedMeanwhile", summary.changedMeanwhile())
						.set("transitions", transitions),
					RUNS);
			return Optional.of(summary);
		}
		catch (RuntimeException ex) {
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(day)), new Update().set("status", "FAILED")
				.set("finishedAt", Date.from(this.clock.instant()))
				.set("error", String.valueOf(ex.getMessage())), RUNS);
			throw ex;
		}
	}

	/** Reassesses every registered enterprise as of today; idempotent. */
	public Summary recomputeAll() {
		long startedNanos = System.nanoTime();
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ComplianceEvents.ZONE);
		long assessed = 0;
		long changed = 0;
		long unchanged = 0;
		long meanwhile = 0;
		Map<String, Long> transitions = new TreeMap<>();
		String after = null;
		while (true) {
			List<Document> batch = nextBatch(after);
			if (batch.isEmpty()) {
				break;
			}
			BulkOperations writes = null;
			int written = 0;
			for (Document document : batch) {
				assessed++;
				RiskRules.Assessment assessment = RiskRules.assess(RiskService.inputs(document), today);
				String before = document.getString(EnterpriseRegister.RISK_TIER);
				if (assessment.tier().name().equals(before) && Objects.equals(assessment.reasons(),
						document.getList(EnterpriseRegister.RISK_REASONS, String.class))) {
					unchanged++;
					continue;
				}
				if (writes == null) {
					writes = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, EnterpriseRegister.COLLECTION);
				}
				Number version = document.get(EnterpriseRegister.VERSION, Number.class);
				Update update = new Update();
				this.risk.assessmentFields(assessment).forEach(update::set);
				writes.updateOne(Query.query(Criteria.where("_id")
					.is(document.getString("_id"))
					.and(EnterpriseRegister.VERSION)
					.is(version == null ? null : version.longValue())), update);
				written++;
				transitions.merge((before == null ? "NONE" : before) + "->" + assessment.tier(), 1L, Long::sum);
			}
			if (written > 0) {
				BulkWriteResult result = writes.execute();
				changed += result.getMatchedCount();
				meanwhile += written - result.getMatchedCount();
			}
			after = batch.get(batch.size() - 1).getString("_id");
		}
		Summary summary = new Summary(today, assessed, changed, unchanged, meanwhile, transitions,
				Duration.ofNanos(System.nanoTime() - startedNanos));
		log.info("risk recompute as of {}: {} enterprises assessed, {} changed {}, {} unchanged, {} changed meanwhile "
				+ "(reassessed by their writer), in {} ms", today, assessed, changed, transitions, unchanged, meanwhile,
				summary.took().toMillis());
		return summary;
	}

	private List<Document> nextBatch(String after) {
		Criteria where = Criteria.where(EnterpriseRegister.REGISTERED).is(true);
		if (after != null) {
			where = where.and("_id").gt(after);
		}
		Query query = Query.query(where).with(Sort.by("_id")).limit(this.batchSize);
		query.fields()
			.include(EnterpriseRegister.KEY_POLLUTANT_UNIT, EnterpriseRegister.DISCHARGE_PERMIT,
					EnterpriseRegister.POSITIVE_LIST, EnterpriseRegister.COMPLIANCE, EnterpriseRegister.VERSION,
					EnterpriseRegister.RISK_TIER, EnterpriseRegister.RISK_REASONS);
		return this.mongo.find(query, Document.class, EnterpriseRegister.COLLECTION);
	}

	/**
	 * What one run did.
	 *
	 * @param changed enterprises whose tier or reasons were rewritten
	 * @param changedMeanwhile enterprises whose inputs changed while the run read them: their writer reassessed them
	 * @param transitions how many moved from which tier to which, e.g. {@code MEDIUM->LOW}
	 */
	public record Summary(LocalDate asOf, long assessed, long changed, long unchanged, long changedMeanwhile,
			Map<String, Long> transitions, Duration took) {

		public Summary {
			transitions = Map.copyOf(transitions);
		}

	}

}
