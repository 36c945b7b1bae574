package org.inspectflow.enterprise.register;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.bson.Document;
import org.inspectflow.enterprise.register.domain.GeoDistance;
import org.inspectflow.enterprise.register.domain.Geohash;
import org.inspectflow.support.outbox.MongoOutbox;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The enterprise register in MongoDB: one document per enterprise, keyed by its USCC, holding the register data,
 * the positive-list flag with its audit trail, the risk tier with its reasons and the compliance history. Keeping
 * them in one document makes every change a single-document atomic write, which is all the dev server offers.
 *
 * <p>A document with {@code registered: false} holds only compliance history that arrived for an enterprise not
 * (yet) in the register; it is not found here until an import registers the enterprise.
 */
@Component
public class EnterpriseRegister {

	public static final String COLLECTION = "enterprises";

	public static final String REGISTERED = "registered";

	public static final String NAME = "name";

	public static final String ADDRESS = "address";

	public static final String LOCATION = "location";

	public static final String GEOHASH = "geohash";

	public static final String CITY = "city";

	public static final String DISTRICT = "district";

	public static final String STREET = "street";

	public static final String GRID = "grid";

	public static final String INDUSTRY_CODE = "industryCode";

	public static final String INDUSTRY_NAME = "industryName";

	public static final String DISCHARGE_PERMIT = "dischargePermitNumber";

	public static final String KEY_POLLUTANT_UNIT = "keyPollutantUnit";

	public static final String POSITIVE_LIST = "positiveList";

	public static final String POSITIVE_LIST_AUDIT = "positiveListAudit";

	public static final String RISK_TIER = "riskTier";

	public static final String RISK_REASONS = "riskReasons";

	public static final String RISK_ASSESSED_AT = "riskAssessedAt";

	public static final String COMPLIANCE = "compliance";

	public static final String VERSION = "version";

	public static final String CREATED_AT = "createdAt";

	public static final String UPDATED_AT = "updatedAt";

	private final MongoTemplate mongo;

	EnterpriseRegister(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** The indexes the register's queries use (auto index creation is off: indexes are declared where queried). */
	public void ensureIndexes() {
		var indexes = this.mongo.indexOps(COLLECTION);
		indexes.ensureIndex(new Index().on(GEOHASH, Sort.Direction.ASC).named("geohash"));
		indexes.ensureIndex(new Index().on(CITY, Sort.Direction.ASC).on(DISTRICT, Sort.Direction.ASC).named("jurisdiction"));
		indexes.ensureIndex(new Index().on(DISTRICT, Sort.Direction.ASC).named("district"));
		// the outbox relay looks for pending events in every collection: let it find none here without a scan
		indexes.ensureIndex(new Index().on(MongoOutbox.FIELD + ".id", Sort.Direction.ASC).sparse().named("outbox"));
	}

	/** A registered enterprise. */
	public Optional<Enterprise> find(String uscc) {
		Document document = this.mongo.findOne(
				Query.query(Criteria.where("_id").is(uscc).and(REGISTERED).is(true)),
				Document.class, COLLECTION);
		return Optional.ofNullable(document).map(Enterprise::from);
	}

	/** The registered enterprises among these USCCs, by USCC (one query, for lists of clients). */
	public java.util.Map<String, Enterprise> findAll(java.util.Collection<String> usccs) {
		Query query = Query.query(Criteria.where("_id").in(usccs).and(REGISTERED).is(true));
		query.fields().exclude(COMPLIANCE).exclude(POSITIVE_LIST_AUDIT).exclude(MongoOutbox.FIELD);
		java.util.Map<String, Enterprise> found = new java.util.HashMap<>();
		this.mongo.find(query, Document.class, COLLECTION)
			.forEach((document) -> found.put(document.getString("_id"), Enterprise.from(document)));
		return found;
	}

	/**
	 * Registered enterprises within the scope, whose name contains {@code text} or whose USCC starts with it, in
	 * USCC order.
	 *
	 * @param scope the caller's data scope (criteria on city or district); null for all
	 */
	public Page search(Criteria scope, String text, String district, int page, int size) {
		Query query = Query.query(searchCriteria(scope, text, district));
		long total = this.mongo.count(query, COLLECTION);
		query.with(Sort.by("_id")).skip((long) page * size).limit(size);
		query.fields().exclude(COMPLIANCE).exclude(POSITIVE_LIST_AUDIT).exclude(MongoOutbox.FIELD);
		List<Enterprise> items = this.mongo.find(query, Document.class, COLLECTION)
			.stream()
			.map(Enterprise::from)
			.toList();
		return new Page(items, page, size, total);
	}

	/** Every registered enterprise within the scope and district, read as a cursor (for export). */
	public Stream<Enterprise> stream(Criteria scope, String district) {
		Query query = Query.query(searchCriteria(scope, null, district)).with(Sort.by("_id"));
		query.fields().exclude(COMPLIANCE).exclude(POSITIVE_LIST_AUDIT).exclude(MongoOutbox.FIELD);
		return this.mongo.stream(query, Document.class, COLLECTION).map(Enterprise::from);
	}

	private static Criteria searchCriteria(Criteria scope, String text, String district) {
		List<Criteria> all = new ArrayList<>();
		all.add(Criteria.where(REGISTERED).is(true));
		if (scope != null) {
			all.add(scope);
		}
		if (district != null) {
			all.add(Criteria.where(DISTRICT).is(district));
		}
		if (text != null && !text.isBlank()) {
			String quoted = Pattern.quote(text.strip());
			all.add(new Criteria().orOperator(Criteria.where(NAME).regex(quoted),
					Criteria.where("_id").regex("^" + Pattern.quote(text.strip().toUpperCase()))));
		}
		return new Criteria().andOperator(all.toArray(Criteria[]::new));
	}

	/**
	 * The registered enterprise nearest to the point within the radius, if any: candidates come from the geohash
	 * cells covering the radius (prefix ranges on the {@code geohash} index), the exact distance decides.
	 */
	public Optional<Nearby> nearest(double latitude, double longitude, double radiusMetres) {
		List<String> cells = Geohash.coveringCells(latitude, longitude, radiusMetres);
		Criteria where = Criteria.where(REGISTERED).is(true).and(GEOHASH).exists(true);
		if (!cells.isEmpty()) {
			where = new Criteria().andOperator(where, new Criteria().orOperator(cells.stream()
				.map((cell) -> Criteria.where(GEOHASH).gte(cell).lt(Geohash.rangeEnd(cell)))
				.toArray(Criteria[]::new)));
		}
		Query query = Query.query(where);
		query.fields().exclude(COMPLIANCE).exclude(POSITIVE_LIST_AUDIT).exclude(MongoOutbox.FIELD);
		try (Stream<Document> candidates = this.mongo.stream(query, Document.class, COLLECTION)) {
			return candidates.map(Enterprise::from)
				.filter((enterprise) -> enterprise.latitude() != null)
				.map((enterprise) -> new Nearby(enterprise, GeoDistance.metres(latitude, longitude,
						enterprise.latitude(), enterprise.longitude())))
				.filter((nearby) -> nearby.distanceMetres() <= radiusMetres)
				.min(Comparator.comparingDouble(Nearby::distanceMetres)
					.thenComparing((nearby) -> nearby.enterprise().uscc()));
		}
	}

	/** A page of search results. */
	public record Page(List<Enterprise> items, int page, int size, long total) {
	}

	/** An enterprise and how far it is from the searched point. */
	public record Nearby(Enterprise enterprise, double distanceMetres) {
	}

}
