package org.inspectflow.enterprise.monitoring;

import java.time.LocalDate;
import java.util.List;

import org.bson.Document;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Third-party monitoring companies (第三方检测机构) and their engagements with enterprises. Kept because a faked
 * report by one company puts all of its clients in doubt (the Yongkang case): the engagements are indexed by company
 * and period so that "every client of this company in that period" is one query.
 */
@Component
public class MonitoringRegister {

	public static final String COMPANIES = "monitoring_companies";

	public static final String ENGAGEMENTS = "engagements";

	private final MongoTemplate mongo;

	MonitoringRegister(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	public void ensureIndexes() {
		this.mongo.indexOps(ENGAGEMENTS)
			.ensureIndex(new Index().on("companyUscc", Sort.Direction.ASC).on("from", Sort.Direction.ASC)
				.named("company_period"));
		this.mongo.indexOps(ENGAGEMENTS)
			.ensureIndex(new Index().on("enterpriseUscc", Sort.Direction.ASC).named("enterprise"));
	}

	public void saveCompanies(List<Company> companies) {
		BulkOperations bulk = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COMPANIES);
		companies.forEach((company) -> bulk.upsert(Query.query(Criteria.where("_id").is(company.uscc())),
				new org.springframework.data.mongodb.core.query.Update().set("name", company.name())
					.set("qualificationNumber", company.qualificationNumber())));
		bulk.execute();
	}

	public void saveEngagements(List<Engagement> engagements) {
		BulkOperations bulk = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, ENGAGEMENTS);
		engagements.forEach((engagement) -> bulk.upsert(Query.query(Criteria.where("_id").is(engagement.id())),
				new org.springframework.data.mongodb.core.query.Update().set("enterpriseUscc", engagement.enterpriseUscc())
					.set("companyUscc", engagement.companyUscc())
					.set("serviceType", engagement.serviceType().name())
					.set("from", engagement.from().toString())
					.set("to", engagement.to().toString())));
		bulk.execute();
	}

	/** A registered monitoring company. */
	public java.util.Optional<Company> company(String uscc) {
		Document d = this.mongo.findById(uscc, Document.class, COMPANIES);
		return java.util.Optional.ofNullable(d)
			.map((found) -> new Company(found.getString("_id"), found.getString("name"),
					found.getString("qualificationNumber")));
	}

	/** The engagements of a company that overlap the period (dates as ISO strings, which sort as dates). */
	public List<Engagement> engagementsOf(String companyUscc, LocalDate from, LocalDate to) {
		Query query = Query.query(Criteria.where("companyUscc")
			.is(companyUscc)
			.and("from")
			.lte(to.toString())
			.and("to")
			.gte(from.toString())).with(Sort.by("enterpriseUscc"));
		return this.mongo.find(query, Document.class, ENGAGEMENTS)
			.stream()
			.map((d) -> new Engagement(d.getString("_id"), d.getString("enterpriseUscc"), d.getString("companyUscc"),
					ServiceType.valueOf(d.getString("serviceType")), LocalDate.parse(d.getString("from")),
					LocalDate.parse(d.getString("to"))))
			.toList();
	}

	/** A third-party monitoring company. */
	public record Company(String uscc, String name, String qualificationNumber) {
	}

	/** A company's service to an enterprise over a period (both days included). */
	public record Engagement(String id, String enterpriseUscc, String companyUscc, ServiceType serviceType,
			LocalDate from, LocalDate to) {
	}

	/** What the company does for the enterprise. */
	public enum ServiceType {

		/** Operates the enterprise's automatic (online) monitoring equipment (自动监测运维). */
		ONLINE_MONITORING_OPERATION,

		/** Samples and tests for the enterprise's own monitoring plan (自行监测). */
		SELF_MONITORING,

		/** The acceptance test of new or changed facilities (竣工环保验收监测). */
		ACCEPTANCE_TEST

	}

}
