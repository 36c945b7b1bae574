package org.inspectflow.enterprise.draw;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.inspectflow.contracts.Envelope;
import org.inspectflow.contracts.ClueSource;
import org.inspectflow.contracts.commands.ReportClue;
import org.inspectflow.contracts.events.InspectionDrawPublished;
import org.inspectflow.enterprise.draw.domain.DoubleRandomDraw;
import org.inspectflow.enterprise.draw.domain.DoubleRandomDraw.Candidate;
import org.inspectflow.enterprise.draw.domain.DoubleRandomDraw.Officer;
import org.inspectflow.enterprise.register.EnterpriseRegister;
import org.inspectflow.support.messaging.Envelopes;
import org.inspectflow.support.outbox.MongoOutbox;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Double-random draws (双随机一公开) with commit-reveal: creating a draw freezes the population (registered
 * enterprises of the district, optionally one industry, with their tier weights) and the officer pool (the district's
 * roster with declared conflicts) as a snapshot, and commits to a fresh random seed; the hashes of both are shown
 * before anything is drawn. Revealing draws with {@link DoubleRandomDraw} and publishes
 * {@code InspectionDrawPublished} from the draw document's outbox in the same single-document update that stores the
 * result, once. Verifying re-runs the draw from the stored seed and snapshot.
 */
@Service
public class DrawService {

	public static final String DRAWS = "draws";

	public static final String ROSTER = "roster";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final MongoTemplate mongo;

	private final MongoOutbox outbox;

	private final Envelopes envelopes;

	private final Clock clock;

	DrawService(MongoTemplate mongo, MongoOutbox outbox, Envelopes envelopes, Clock clock) {
		this.mongo = mongo;
		this.outbox = outbox;
		this.envelopes = envelopes;
		this.clock = clock;
	}

	/**
	 * The demo roster when there is none: the Keycloak demo officers officer1 (福田 440304) and officer2 (南山
	 * 440305) and four synthetic officers per seeded district, one of them with a declared conflict.
	 */
	public void seedRosterIfEmpty() {
		if (this.mongo.getCollection(ROSTER).countDocuments() > 0) {
			return;
		}
		List<Document> officers = new ArrayList<>();
		officers.add(officer("officer1", "440304", List.of()));
		officers.add(officer("officer2", "440305", List.of()));
		for (String district : List.of("440303", "440304", "440305", "440306", "440307", "440309")) {
			for (int i = 1; i <= 4; i++) {
				List<String> conflicts = (district.equals("440304") && i == 1) ? List.of("914403040000DM001P")
						: List.of();
				officers.add(officer(district + "-officer-0" + i, district, conflicts));
			}
		}
		this.mongo.insert(officers, ROSTER);
	}

	private static Document officer(String id, String district, List<String> conflicts) {
		return new Document("_id", id).append("district", district).append("conflicts", conflicts);
	}

	/** Freezes the snapshot and commits to a seed; nothing is drawn yet. */
	public Document create(String district, String industryCode, int targets, int officers, String createdBy) {
		Criteria population = Criteria.where(EnterpriseRegister.REGISTERED).is(true).and(EnterpriseRegister.DISTRICT)
			.is(district);
		if (industryCode != null) {
			population.and(EnterpriseRegister.INDUSTRY_CODE).is(industryCode);
		}
		Query query = Query.query(population).with(org.springframework.data.domain.Sort.by("_id"));
		query.fields().include(EnterpriseRegister.RISK_TIER);
		List<Candidate> candidates = DoubleRandomDraw.sortedCandidates(this.mongo.find(query, Document.class,
				EnterpriseRegister.COLLECTION)
			.stream()
			.map((d) -> new Candidate(d.getString("_id"), DoubleRandomDraw.weightOf(d.getString(
					EnterpriseRegister.RISK_TIER))))
			.toList());
		List<Officer> pool = DoubleRandomDraw.sortedOfficers(this.mongo
			.find(Query.query(Criteria.where("district").is(district)), Document.class, ROSTER)
			.stream()
			.map((d) -> new Officer(d.getString("_id"), new HashSet<>(d.getList("conflicts", String.class, List.of()))))
			.toList());
		if (candidates.isEmpty()) {
			throw new DrawRefused("no registered enterprise in district " + district
					+ (industryCode == null ? "" : " and industry " + industryCode) + ": nothing to draw from");
		}
		if (pool.isEmpty()) {
			throw new DrawRefused("the roster has no officer in district " + district);
		}
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String seed = HexFormat.of().formatHex(bytes);
		Document draw = new Document("_id", UUID.randomUUID().toString()).append("district", district)
			.append("industryCode", industryCode)
			.append("targetCount", targets)
			.append("officerCount", officers)
			.append("algorithm", DoubleRandomDraw.ALGORITHM)
			.append("seed", seed)
			.append("seedCommitment", DoubleRandomDraw.commitment(seed))
			.append("snapshotHash", DoubleRandomDraw.snapshotHash(candidates, pool))
			.append("population", candidates.stream()
				.map((c) -> new Document("uscc", c.uscc()).append("weight", c.weight()))
				.toList())
			.append("officerPool", pool.stream()
				.map((o) -> new Document("id", o.id()).append("conflicts", o.conflicts().stream().sorted().toList()))
				.toList())
			.append("createdBy", createdBy)
			.append("createdAt", Date.from(this.clock.instant()))
			.append("revealed", false);
		this.mongo.insert(draw, DRAWS);
		return draw;
	}

	public Optional<Document> find(String drawId) {
		return Optional.ofNullable(this.mongo.findById(drawId, Document.class, DRAWS));
	}

	/** Reveals the seed and draws, once; a second reveal answers the stored result. */
	public Document reveal(Document draw, String revealedBy) {
		if (Boolean.TRUE.equals(draw.getBoolean("revealed"))) {
			return draw;
		}
		DoubleRandomDraw.Result result = run(draw);
		if (result.officers().isEmpty()) {
			throw new DrawRefused("every officer of the pool declared a conflict with a drawn target: create a new draw");
		}
		OffsetDateTime now = OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		InspectionDrawPublished published = new InspectionDrawPublished(draw.getString("_id"),
				draw.getString("district"), draw.getString("seedCommitment"), draw.getString("seed"),
				draw.getString("algorithm"), draw.getList("population", Document.class).size(), result.officers(),
				result.targets()
					.stream()
					.map((t) -> new InspectionDrawPublished.Target(t.enterpriseUscc(), t.officerIds()))
					.toList(),
				now, revealedBy);
		Envelope<InspectionDrawPublished> event = this.envelopes.of(InspectionDrawPublished.TYPE,
				draw.getString("_id"), published);
		// each target starts its case at once, with the officers drawn for it (the draw's results start cases)
		List<Envelope<?>> events = new java.util.ArrayList<>(List.of(event));
		for (DoubleRandomDraw.Team team : result.targets()) {
			String clueId = java.util.UUID
				.nameUUIDFromBytes((draw.getString("_id") + "|" + team.enterpriseUscc())
					.getBytes(java.nio.charset.StandardCharsets.UTF_8))
				.toString();
			ReportClue clue = new ReportClue(clueId, ClueSource.DOUBLE_RANDOM_DRAW, team.enterpriseUscc(), null,
					"ROUTINE_INSPECTION", "双随机抽查 double-random inspection, draw " + draw.getString("_id") + " ("
							+ draw.getString("district") + ")",
					now, revealedBy, draw.getString("_id"), draw.getString("_id"), team.officerIds());
			// the draw is the conversation: its result and the cases it starts can be followed back to it
			events.add(this.envelopes.inConversation(ReportClue.TYPE, clueId, clue, event.correlationid(), null, null));
		}
		Update update = new Update().set("revealed", true)
			.set("revealedAt", Date.from(now.toInstant()))
			.set("revealedBy", revealedBy)
			.set("officers", result.officers())
			.set("targets", result.targets()
				.stream()
				.map((t) -> new Document("enterpriseUscc", t.enterpriseUscc()).append("officerIds", t.officerIds()))
				.toList());
		var written = this.mongo.updateFirst(
				Query.query(Criteria.where("_id").is(draw.getString("_id")).and("revealed").is(false)),
				this.outbox.withEvents(DRAWS, update, events.toArray(Envelope<?>[]::new)), DRAWS);
		if (written.getModifiedCount() > 0) {
			this.outbox.written();
		}
		return find(draw.getString("_id")).orElseThrow();
	}

	/** Re-runs the draw from the stored seed and snapshot. */
	public static DoubleRandomDraw.Result run(Document draw) {
		return DoubleRandomDraw.draw(draw.getString("seed"), candidates(draw), officers(draw),
				draw.getInteger("targetCount"), draw.getInteger("officerCount"));
	}

	static List<Candidate> candidates(Document draw) {
		return draw.getList("population", Document.class)
			.stream()
			.map((d) -> new Candidate(d.getString("uscc"), d.getInteger("weight")))
			.toList();
	}

	static List<Officer> officers(Document draw) {
		return draw.getList("officerPool", Document.class)
			.stream()
			.map((d) -> new Officer(d.getString("id"), new HashSet<>(d.getList("conflicts", String.class))))
			.toList();
	}

	/** A draw that cannot be made as asked. */
	public static class DrawRefused extends RuntimeException {

		DrawRefused(String message) {
			super(message);
		}

	}

}
