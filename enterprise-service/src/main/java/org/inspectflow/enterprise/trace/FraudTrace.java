package org.inspectflow.enterprise.trace;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

import org.bson.Document;
import org.inspectflow.contracts.ClueSource;
import org.inspectflow.contracts.Envelope;
import org.inspectflow.contracts.GeoPoint;
import org.inspectflow.contracts.commands.ReportClue;
import org.inspectflow.enterprise.monitoring.MonitoringRegister;
import org.inspectflow.enterprise.monitoring.MonitoringRegister.Company;
import org.inspectflow.enterprise.monitoring.MonitoringRegister.Engagement;
import org.inspectflow.enterprise.register.Enterprise;
import org.inspectflow.enterprise.register.EnterpriseRegister;
import org.inspectflow.enterprise.trace.domain.TraceIds;
import org.inspectflow.support.messaging.Envelopes;
import org.inspectflow.support.outbox.MongoOutbox;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * The fraud trace (the Yongkang case): when one report of a third-party monitoring company turns out faked, every
 * enterprise it served in the period is in doubt. Lists those clients and opens a clue for each in one action: one
 * {@code workflow.ReportClue.v1} per enterprise, all in the outbox of a single trace document inserted once, so that
 * all of them are sent or none, and a retried trace (same company, period, source case and scope) finds its document
 * and sends nothing.
 */
@Service
public class FraudTrace {

	public static final String COLLECTION = "fraud_traces";

	public static final String PROBLEM_TYPE = "MONITORING_DATA_FRAUD";

	/** Keeps one trace document (its outbox holds one command per client) far below MongoDB's 16 MB. */
	public static final int MAX_CLIENTS = 2000;

	private final MonitoringRegister monitoring;

	private final EnterpriseRegister register;

	private final MongoTemplate mongo;

	private final MongoOutbox outbox;

	private final Envelopes envelopes;

	private final Clock clock;

	FraudTrace(MonitoringRegister monitoring, EnterpriseRegister register, MongoTemplate mongo, MongoOutbox outbox,
			Envelopes envelopes, Clock clock) {
		this.monitoring = monitoring;
		this.register = register;
		this.mongo = mongo;
		this.outbox = outbox;
		this.envelopes = envelopes;
		this.clock = clock;
	}

	/**
	 * The clients of the company whose engagement overlaps [from, to] (both included), within the scope.
	 *
	 * @param city the caller's city; null for all (admins)
	 */
	public Clients clients(Company company, LocalDate from, LocalDate to, String city) {
		Map<String, List<Engagement>> byEnterprise = new LinkedHashMap<>();
		for (Engagement engagement : this.monitoring.engagementsOf(company.uscc(), from, to)) {
			byEnterprise.computeIfAbsent(engagement.enterpriseUscc(), (k) -> new ArrayList<>()).add(engagement);
		}
		Map<String, Enterprise> registered = this.register.findAll(byEnterprise.keySet());
		List<Client> clients = new ArrayList<>();
		int outside = 0;
		for (Map.Entry<String, List<Engagement>> entry : byEnterprise.entrySet()) {
			Enterprise enterprise = registered.get(entry.getKey());
			// an unregistered client has no known city: only an admin's trace reaches it
			if (city != null && (enterprise == null || !city.equals(enterprise.city()))) {
				outside++;
				continue;
			}
			TreeSet<String> services = new TreeSet<>();
			entry.getValue().forEach((e) -> services.add(e.serviceType().name()));
			LocalDate first = entry.getValue().stream().map(Engagement::from).min(LocalDate::compareTo).orElseThrow();
			LocalDate last = entry.getValue().stream().map(Engagement::to).max(LocalDate::compareTo).orElseThrow();
			clients.add(new Client(entry.getKey(), enterprise == null ? null : enterprise.name(),
					enterprise == null ? null : enterprise.district(), enterprise != null, List.copyOf(services), first,
					last, enterprise == null || enterprise.latitude() == null ? null
							: new GeoPoint(enterprise.latitude(), enterprise.longitude())));
		}
		return new Clients(company.uscc(), company.name(), from, to, clients, outside);
	}

	/** Runs the trace once; a repeated one answers the trace made before and sends nothing. */
	public Result trace(Company company, LocalDate from, LocalDate to, String sourceCaseId, String reason,
			String city, String tracedBy) {
		String scope = city == null ? "all" : "city:" + city;
		UUID traceId = TraceIds.traceId(company.uscc(), from, to, sourceCaseId, scope);
		Optional<Result> before = find(traceId);
		if (before.isPresent()) {
			return before.get();
		}
		Clients clients = clients(company, from, to, city);
		if (clients.clients().size() > MAX_CLIENTS) {
			throw new TooManyClients(clients.clients().size());
		}
		OffsetDateTime now = OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		List<Envelope<?>> commands = new ArrayList<>();
		List<Document> clues = new ArrayList<>();
		for (Client client : clients.clients()) {
			String clueId = TraceIds.clueId(traceId, client.enterpriseUscc()).toString();
			ReportClue clue = new ReportClue(clueId, ClueSource.FRAUD_TRACE, client.enterpriseUscc(),
					client.location(), PROBLEM_TYPE, description(company, client, from, to, sourceCaseId, reason), now,
					tracedBy, sourceCaseId, null, null);
			Envelope<ReportClue> made = this.envelopes.of(ReportClue.TYPE, clueId, clue);
			// one conversation per trace, so that the cases it opens can be followed back to it
			commands.add(new Envelope<>(made.id(), made.type(), made.source(), made.time(), made.specversion(),
					made.subject(), made.datacontenttype(), traceId.toString(), null, made.traceparent(), clue));
			clues.add(new Document("clueId", clueId).append("enterpriseUscc", client.enterpriseUscc()));
		}
		Document trace = new Document("_id", traceId.toString()).append("companyUscc", company.uscc())
			.append("companyName", company.name())
			.append("from", from.toString())
			.append("to", to.toString())
			.append("sourceCaseId", sourceCaseId)
			.append("reason", reason)
			.append("scope", scope)
			.append("tracedBy", tracedBy)
			.append("tracedAt", Date.from(now.toInstant()))
			.append("clues", clues)
			.append("outsideScope", clients.outsideScope());
		try {
			this.mongo.insert(this.outbox.withEvents(COLLECTION, trace, commands.toArray(Envelope<?>[]::new)),
					COLLECTION);
		}
		catch (DuplicateKeyException ex) {
			return find(traceId).orElseThrow(); // the same trace, run concurrently, won the insert
		}
		this.outbox.written();
		return Result.of(trace, true);
	}

	Optional<Result> find(UUID traceId) {
		Document trace = this.mongo.findById(traceId.toString(), Document.class, COLLECTION);
		return Optional.ofNullable(trace).map((t) -> Result.of(t, false));
	}

	private static String description(Company company, Client client, LocalDate from, LocalDate to,
			String sourceCaseId, String reason) {
		return "第三方检测机构 " + company.name() + "（" + company.uscc() + "）涉嫌监测数据造假，来源案件 " + sourceCaseId
				+ "：核查其 " + from + " 至 " + to + " 期间为本企业提供的服务（" + String.join(", ", client.serviceTypes())
				+ "）。Fraud trace of monitoring company " + company.name() + " from case " + sourceCaseId + ": "
				+ reason;
	}

	/** The clients in scope, and how many clients outside it were left out (not named). */
	public record Clients(String companyUscc, String companyName, LocalDate from, LocalDate to, List<Client> clients,
			int outsideScope) {
	}

	/**
	 * @param registered false for a client the register does not hold (only admins see those)
	 * @param engagedFrom first day of its earliest overlapping engagement
	 */
	public record Client(String enterpriseUscc, String name, String district, boolean registered,
			List<String> serviceTypes, LocalDate engagedFrom, LocalDate engagedTo, GeoPoint location) {
	}

	/**
	 * @param created false when the trace was made before: nothing was sent now
	 */
	public record Result(String traceId, String companyUscc, LocalDate from, LocalDate to, String sourceCaseId,
			String tracedBy, List<Clue> clues, int outsideScope, boolean created) {

		static Result of(Document trace, boolean created) {
			List<Clue> clues = trace.getList("clues", Document.class, List.of())
				.stream()
				.map((c) -> new Clue(c.getString("clueId"), c.getString("enterpriseUscc")))
				.toList();
			Number outside = trace.get("outsideScope", Number.class);
			return new Result(trace.getString("_id"), trace.getString("companyUscc"),
					LocalDate.parse(trace.getString("from")), LocalDate.parse(trace.getString("to")),
					trace.getString("sourceCaseId"), trace.getString("tracedBy"), clues,
					outside == null ? 0 : outside.intValue(), created);
		}

	}

	/** A clue opened by the trace: workflow-service opens a case under this clue id. */
	public record Clue(String clueId, String enterpriseUscc) {
	}

	/** More clients than one trace document may carry. */
	public static class TooManyClients extends RuntimeException {

		TooManyClients(int count) {
			super(count + " clients in the period, more than " + MAX_CLIENTS
					+ " that one trace opens: trace shorter periods");
		}

	}

}
