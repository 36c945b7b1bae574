package org.inspectflow.enterprise;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.Document;
import org.inspectflow.contracts.Envelope;
import org.inspectflow.contracts.Exchanges;
import org.inspectflow.contracts.commands.ReportClue;
import org.inspectflow.contracts.events.RectificationOrdered;
import org.inspectflow.enterprise.compliance.ComplianceHistory;
import org.inspectflow.enterprise.compliance.domain.ComplianceEntry;
import org.inspectflow.enterprise.draw.DrawService;
import org.inspectflow.enterprise.draw.domain.DoubleRandomDraw;
import org.inspectflow.enterprise.importing.RegisterImport;
import org.inspectflow.enterprise.monitoring.MonitoringRegister;
import org.inspectflow.enterprise.portal.PortalOrders;
import org.inspectflow.enterprise.register.Enterprise;
import org.inspectflow.enterprise.register.EnterpriseRegister;
import org.inspectflow.enterprise.register.domain.SyntheticUscc;
import org.inspectflow.enterprise.trace.FraudTrace;
import org.inspectflow.support.test.ForgedTokens;
import org.inspectflow.support.test.Keycloak;
import org.inspectflow.support.test.SecurityMatrix;
import org.inspectflow.support.test.SecurityMatrix.Expect;
import org.inspectflow.support.test.SecurityMatrix.Row;
import org.inspectflow.support.test.SecurityMatrix.Who;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.inspectflow.support.test.SecurityMatrix.Who.ADMIN;
import static org.inspectflow.support.test.SecurityMatrix.Who.ANONYMOUS;
import static org.inspectflow.support.test.SecurityMatrix.Who.ENTERPRISE_A;
import static org.inspectflow.support.test.SecurityMatrix.Who.ENTERPRISE_B;
import static org.inspectflow.support.test.SecurityMatrix.Who.INTEGRATOR;
import static org.inspectflow.support.test.SecurityMatrix.Who.INTEGRATOR_B;
import static org.inspectflow.support.test.SecurityMatrix.Who.OFFICER_FUTIAN;
import static org.inspectflow.support.test.SecurityMatrix.Who.OFFICER_NANSHAN;
import static org.inspectflow.support.test.SecurityMatrix.Who.SUPERVISOR;

/**
 * enterprise-service's role × endpoint × owner matrix (OWASP API Security Top 10: BOLA, BFLA, mass assignment,
 * broken authentication) with real tokens from the real Keycloak. The owners: enterprise A (enterprise1's, 福田
 * 440304), enterprise B (enterprise2's, 南山 440305) and G, an enterprise of another city (天河 440106, Guangzhou);
 * officer1 works in 福田, officer2 in 南山, supervisor1 for the city of Shenzhen.
 *
 * <p>What a serious enforcement platform answers, and so what the matrix asserts: officers read the register of their
 * own district only (another district's enterprise is 404, as workflow-service shows an officer only its district's
 * cases); supervisors the register of their city, and they alone with admins export it, manage the positive list,
 * trace monitoring companies and make draws, each within their city (another city's enterprise 404, another city's
 * district 403); admins everything, and they alone import; enterprise users their own enterprise and their own
 * portal — the other enterprise's enterprise, orders, submissions and history are 404 — and no staff function (403);
 * integrators none of it (403); a draw's commitments, result and verification are public, even without a token
 * (双随机一公开). {@code GET /me} answers any authenticated caller with its own claims. Without a token: 401.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "inspectflow.security.clock-skew=0s")
// its own context (the clock skew differs): closed afterwards, so that its outbox relay does not race the next class's
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SecurityMatrixIT {

	static final String A = SecurityMatrix.ENTERPRISE_A_USCC;

	static final String B = SecurityMatrix.ENTERPRISE_B_USCC;

	/** An enterprise of another city (天河区, Guangzhou): outside supervisor1's reach. */
	static final String G = SyntheticUscc.of("440106", 77);

	static final String OTHER_CITY = "440106";

	static final Who[] INTEGRATORS = { INTEGRATOR, INTEGRATOR_B };

	static final Who[] ENTERPRISES = { ENTERPRISE_A, ENTERPRISE_B };

	static final Who[] OFFICERS = { OFFICER_FUTIAN, OFFICER_NANSHAN };

	static final Expect FORBIDDEN = new Expect("403 problem+json", (a) -> a.status() == 403 && isProblem(a));

	static final Expect NOT_FOUND = new Expect("404 problem+json", (a) -> a.status() == 404 && isProblem(a));

	static final ObjectMapper JSON = new ObjectMapper();

	static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	PortalOrders orders;

	@Autowired
	DrawService draws;

	@Autowired
	AmqpAdmin amqp;

	final String run = UUID.randomUUID().toString().substring(0, 8);

	/** The monitoring company of this run, with a client in each of 福田, 南山 and Guangzhou. */
	String company;

	/** Stands in for workflow-service.commands: the trace's and the draws' ReportClue commands must reach a queue. */
	String sink;

	@BeforeEach
	void fixtures(@Autowired RegisterImport importer, @Autowired ComplianceHistory history,
			@Autowired MonitoringRegister monitoring) {
		String csv = "uscc,name,latitude,longitude,district,keyPollutantUnit,dischargePermitNumber\n" + A
				+ ",福田示范电镀有限公司,22.521907,114.058911,440304,true,P-1\n" + B
				+ ",南山示范印染有限公司,22.580310,113.951820,440305,false,\n" + G
				+ ",天河示范矩阵有限公司,23.1291,113.3612,440106,false,\n";
		assertThat(importer.importCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))).rejected())
			.isZero();
		for (String uscc : new String[] { A, B, G }) {
			history.record(uscc, new ComplianceEntry("matrix-" + this.run + "-" + uscc,
					ComplianceEntry.Kind.CASE_CLOSED, caseOf(uscc), LocalDate.now(ZoneId.of("Asia/Shanghai")),
					java.time.Instant.now(), null, null, "RECTIFIED"));
		}
		this.company = SyntheticUscc.of("440303", 7000 + Math.floorMod(this.run.hashCode(), 999));
		monitoring.saveCompanies(List.of(new MonitoringRegister.Company(this.company, "矩阵检测 " + this.run, "QC")));
		List<MonitoringRegister.Engagement> engagements = new ArrayList<>();
		for (String uscc : new String[] { A, B, G }) {
			engagements.add(new MonitoringRegister.Engagement("MX-" + this.run + "-" + uscc, uscc, this.company,
					MonitoringRegister.ServiceType.SELF_MONITORING, LocalDate.parse("2025-01-01"),
					LocalDate.parse("2025-12-31")));
		}
		monitoring.saveEngagements(engagements);
		// the roster of the other city's district, so that an admin can draw there
		this.mongo.upsert(Query.query(Criteria.where("_id").is("440106-officer-matrix")),
				new Update().set("district", OTHER_CITY).set("conflicts", List.of()), DrawService.ROSTER);
		this.sink = this.amqp.declareQueue(new Queue("enterprise-it.matrix-" + UUID.randomUUID(), false, false, false));
		this.amqp.declareBinding(BindingBuilder.bind(new Queue(this.sink))
			.to(new TopicExchange(Exchanges.COMMANDS))
			.with(ReportClue.TYPE));
	}

	@AfterEach
	void drain() {
		// everything this class put into an outbox is published before the queue that takes the commands goes
		await().atMost(Duration.ofSeconds(60)).until(() -> List.of(DrawService.DRAWS, FraudTrace.COLLECTION,
				PortalOrders.COLLECTION).stream().noneMatch((collection) -> this.mongo
					.exists(Query.query(Criteria.where("_outbox.id").exists(true)), collection)));
		this.amqp.deleteQueue(this.sink);
	}

	@Test
	void everyEndpointAnswersEachCallerAsItsRoleAndDataScopeAllow(
			@Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
		SecurityMatrix matrix = new SecurityMatrix("http://localhost:" + this.port);
		String caseA = openOrder(A);
		String caseB = openOrder(B);
		String revealed = this.draws.reveal(this.draws.create("440304", null, 1, 2, "matrix"), "admin1")
			.getString("_id");

		// the register: search and read, by district (officers), city (supervisors) or everywhere (admins)
		Row search = matrix.row("GET", "/enterprises", "/enterprises?q=" + encode("示范") + "&size=200")
			.expect(OFFICER_FUTIAN, seeing(List.of(A), List.of(B, G)))
			.expect(OFFICER_NANSHAN, seeing(List.of(B), List.of(A, G)))
			.expect(SUPERVISOR, seeing(List.of(A, B), List.of(G)))
			.expect(ADMIN, seeing(List.of(A, B, G), List.of()));
		refuse(search, FORBIDDEN, ENTERPRISES);
		refuse(search, FORBIDDEN, INTEGRATORS);
		Row searchNanshan = matrix.row("GET", "/enterprises", "/enterprises?district=440305&size=200")
			.expect(OFFICER_NANSHAN, seeing(List.of(B), List.of(A)))
			.expect(SUPERVISOR, seeing(List.of(B), List.of(A)))
			.expect(ADMIN, seeing(List.of(B), List.of(A)));
		refuse(searchNanshan, FORBIDDEN, OFFICER_FUTIAN, ENTERPRISE_A, ENTERPRISE_B, INTEGRATOR, INTEGRATOR_B);
		for (String template : new String[] { "/enterprises/{uscc}", "/enterprises/{uscc}/compliance" }) {
			registerRead(matrix, template, A, OFFICER_FUTIAN, ENTERPRISE_A, OFFICER_NANSHAN, ENTERPRISE_B);
			registerRead(matrix, template, B, OFFICER_NANSHAN, ENTERPRISE_B, OFFICER_FUTIAN, ENTERPRISE_A);
			Row other = matrix.row("GET", template, path(template, G)).allow(ADMIN);
			refuse(other, NOT_FOUND, OFFICER_FUTIAN, OFFICER_NANSHAN, SUPERVISOR, ENTERPRISE_A, ENTERPRISE_B);
			refuse(other, FORBIDDEN, INTEGRATORS);
		}

		// import (admins only) and export (supervisors of the city, admins)
		String importCsv = "uscc,name,latitude,longitude,district\n" + G + ",天河示范矩阵有限公司,23.1291,113.3612,440106\n";
		Row importBody = matrix.row("POST", "/enterprises/import", "/enterprises/import")
			.body("text/csv", (who) -> importCsv.getBytes(StandardCharsets.UTF_8))
			.allow(ADMIN);
		Row importFile = matrix.row("POST", "/enterprises/import", "/enterprises/import")
			.body("multipart/form-data; boundary=matrix-boundary", (who) -> multipart(importCsv))
			.allow(ADMIN);
		for (Row row : new Row[] { importBody, importFile }) {
			refuse(row, FORBIDDEN, OFFICER_FUTIAN, OFFICER_NANSHAN, SUPERVISOR, ENTERPRISE_A, ENTERPRISE_B,
					INTEGRATOR, INTEGRATOR_B);
		}
		Row export = matrix.row("GET", "/enterprises/export", "/enterprises/export")
			.expect(SUPERVISOR, seeing(List.of(A, B), List.of(G)))
			.expect(ADMIN, seeing(List.of(A, B, G), List.of()));
		refuse(export, FORBIDDEN, OFFICERS);
		refuse(export, FORBIDDEN, ENTERPRISES);
		refuse(export, FORBIDDEN, INTEGRATORS);
		Row exportOtherCity = matrix.row("GET", "/enterprises/export", "/enterprises/export?district=" + OTHER_CITY)
			.expect(ADMIN, seeing(List.of(G), List.of(A, B)));
		refuse(exportOtherCity, FORBIDDEN, OFFICER_FUTIAN, OFFICER_NANSHAN, SUPERVISOR, ENTERPRISE_A, ENTERPRISE_B,
				INTEGRATOR, INTEGRATOR_B);

		// the positive list: supervisors of the enterprise's city and admins; never the enterprise itself
		for (String method : new String[] { "PUT", "DELETE" }) {
			Row own = matrix.row(method, "/enterprises/{uscc}/positive-list", "/enterprises/" + A + "/positive-list")
				.json("{\"reason\":\"矩阵测试 security matrix\"}")
				.allow(SUPERVISOR, ADMIN);
			refuse(own, FORBIDDEN, OFFICER_FUTIAN, OFFICER_NANSHAN, ENTERPRISE_A, ENTERPRISE_B, INTEGRATOR,
					INTEGRATOR_B);
			Row other = matrix.row(method, "/enterprises/{uscc}/positive-list", "/enterprises/" + G + "/positive-list")
				.json("{\"reason\":\"矩阵测试 security matrix\"}")
				.allow(ADMIN)
				.expect(SUPERVISOR, NOT_FOUND);
			refuse(other, FORBIDDEN, OFFICER_FUTIAN, OFFICER_NANSHAN, ENTERPRISE_A, ENTERPRISE_B, INTEGRATOR,
					INTEGRATOR_B);
		}

		// the enterprise portal: enterprise users only, each its own enterprise's cases
		Row myOrders = matrix.row("GET", "/portal/orders", "/portal/orders")
			.expect(ENTERPRISE_A, seeing(List.of(caseA), List.of(caseB)))
			.expect(ENTERPRISE_B, seeing(List.of(caseB), List.of(caseA)));
		Row myHistory = matrix.row("GET", "/portal/history", "/portal/history")
			.expect(ENTERPRISE_A, seeing(List.of(caseA, caseOf(A)), List.of(caseB, caseOf(B))))
			.expect(ENTERPRISE_B, seeing(List.of(caseB, caseOf(B)), List.of(caseA, caseOf(A))));
		for (Row row : new Row[] { myOrders, myHistory }) {
			refuse(row, FORBIDDEN, OFFICER_FUTIAN, OFFICER_NANSHAN, SUPERVISOR, ADMIN, INTEGRATOR, INTEGRATOR_B);
		}
		portalRows(matrix, caseA, A, ENTERPRISE_A, ENTERPRISE_B);
		portalRows(matrix, caseB, B, ENTERPRISE_B, ENTERPRISE_A);

		// the fraud trace: supervisors (their city's clients only) and admins
		String companyPath = "/monitoring-companies/" + this.company;
		Row clients = matrix.row("GET", "/monitoring-companies/{companyId}/clients",
				companyPath + "/clients?from=2025-03-01&to=2025-03-31")
			.expect(SUPERVISOR, seeing(List.of(A, B, "\"outsideScope\":1"), List.of(G)))
			.expect(ADMIN, seeing(List.of(A, B, G, "\"outsideScope\":0"), List.of()));
		Row trace = matrix.row("POST", "/monitoring-companies/{companyId}/trace", companyPath + "/trace")
			.json("{\"from\":\"2025-03-01\",\"to\":\"2025-03-31\",\"sourceCaseId\":\"CASE-MX-" + this.run
					+ "\",\"reason\":\"验收报告造假 faked acceptance report\"}")
			.allow(SUPERVISOR, ADMIN);
		for (Row row : new Row[] { clients, trace }) {
			refuse(row, FORBIDDEN, OFFICER_FUTIAN, OFFICER_NANSHAN, ENTERPRISE_A, ENTERPRISE_B, INTEGRATOR,
					INTEGRATOR_B);
		}

		// double-random draws: made by supervisors of the district's city and admins; public to read and verify
		Row draw = matrix.row("POST", "/draws", "/draws")
			.json("{\"district\":\"440304\",\"targets\":1,\"officers\":2}")
			.allow(SUPERVISOR, ADMIN);
		Row drawOtherCity = matrix.row("POST", "/draws", "/draws")
			.json("{\"district\":\"" + OTHER_CITY + "\",\"targets\":1,\"officers\":1}")
			.allow(ADMIN)
			.expect(SUPERVISOR, FORBIDDEN);
		Row reveal = matrix.row("POST", "/draws/{drawId}/reveal", freshDraw("440304", "/reveal"))
			.allow(SUPERVISOR, ADMIN);
		Row revealOtherCity = matrix.row("POST", "/draws/{drawId}/reveal", freshDraw(OTHER_CITY, "/reveal"))
			.allow(ADMIN)
			.expect(SUPERVISOR, FORBIDDEN);
		for (Row row : new Row[] { draw, drawOtherCity, reveal, revealOtherCity }) {
			refuse(row, FORBIDDEN, OFFICER_FUTIAN, OFFICER_NANSHAN, ENTERPRISE_A, ENTERPRISE_B, INTEGRATOR,
					INTEGRATOR_B);
		}
		matrix.row("GET", "/draws/{drawId}", "/draws/" + revealed).allow(Who.values());
		matrix.row("GET", "/draws/{drawId}/verify", "/draws/" + revealed + "/verify")
			.allow(Who.values())
			.expect(ANONYMOUS, seeing(List.of("\"verified\":true"), List.of()));

		// the caller itself
		matrix.row("GET", "/me", "/me")
			.allow(OFFICER_FUTIAN, OFFICER_NANSHAN, SUPERVISOR, ENTERPRISE_A, ENTERPRISE_B, ADMIN, INTEGRATOR,
					INTEGRATOR_B);

		matrix.assertCovers(mappings, "* /error");
		matrix.assertAll();
	}

	@Test
	void forgedTokensAreUnauthenticated() throws Exception {
		String path = "/enterprises/" + A;
		assertThat(get(path, Keycloak.userToken("officer1")).status()).as("the real token").isEqualTo(200);
		ForgedTokens.all("officer1").forEach((forgery, token) -> {
			Reply reply = get(path, token);
			assertThat(reply.status()).as(forgery).isEqualTo(401);
			assertThat(reply.contentType()).as(forgery).startsWith("application/problem+json");
		});
	}

	// ------------------------------------------------------------------------------------------ mass assignment

	@Test
	void aSubmissionRefusesFieldsTheServerSetsAndTakesThemFromTheTokenAndTheOrder() {
		String caseA = openOrder(A);
		Map<String, Object> allowed = Map.of("statement", "更换了活性炭 replaced the carbon", "completedOn",
				LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString(), "evidenceIds", List.of("EV-1"));
		Reply forged = send("POST", "/portal/orders/" + caseA + "/submissions", "enterprise1", "application/json",
				json(allowed, Map.of("enterpriseUscc", B, "orderId", "ORD-FORGED", "round", 7, "submissionId",
						"SUB-FORGED", "submittedBy", "officer1", "submittedAt", "2020-01-01T00:00:00Z", "status",
						"ACCEPTED", "waiting", true, "caseId", "CASE-OTHER")));
		assertRefused(forged, "enterpriseUscc", "orderId", "round", "submissionId", "submittedBy", "submittedAt",
				"status", "waiting", "caseId");
		Document untouched = this.orders.find(caseA, A).orElseThrow();
		assertThat(untouched.getBoolean("waiting")).as("nothing recorded").isTrue();
		assertThat(untouched.getList("submissions", Document.class, List.of())).isEmpty();

		Reply reply = send("POST", "/portal/orders/" + caseA + "/submissions", "enterprise1", "application/json",
				json(allowed));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		JsonNode published = reply.json();
		assertThat(published.get("enterpriseUscc").asText()).isEqualTo(A);
		assertThat(published.get("orderId").asText()).isEqualTo("ORD-" + caseA);
		assertThat(published.get("round").asInt()).isEqualTo(1);
		assertThat(published.get("submittedBy").asText()).isEqualTo("enterprise1");
		assertThat(published.get("caseId").asText()).isEqualTo(caseA);
		Document stored = this.orders.find(caseA, A).orElseThrow().getList("submissions", Document.class).get(0);
		assertThat(stored.getString("submittedBy")).isEqualTo("enterprise1");
		assertThat(stored.getInteger("round")).isEqualTo(1);
		assertThat(send("GET", "/portal/orders/" + caseA, "enterprise1", null, null).json().get("order").get("status")
			.asText()).isEqualTo("UNDER_REVIEW");
	}

	@Test
	void aListingChangeRefusesFieldsTheServerSetsAndRecordsTheCaller(@Autowired EnterpriseRegister register,
			@Autowired org.inspectflow.enterprise.risk.PositiveList positiveList) {
		send("DELETE", "/enterprises/" + A + "/positive-list", "admin1", "application/json",
				"{\"reason\":\"重置 reset\"}");
		int audited = positiveList.history(A).size();
		for (String method : new String[] { "PUT", "DELETE" }) {
			Reply forged = send(method, "/enterprises/" + A + "/positive-list", "supervisor1", "application/json",
					json(Map.of("reason", "完成提标改造 upgraded"), Map.of("positiveList", true, "by", "admin1", "action",
							"ADDED", "at", "2020-01-01T00:00:00Z", "riskTier", "LOW", "riskReasons", List.of("forged"),
							"uscc", B, "city", "440100", "district", "440305")));
			assertRefused(forged, "positiveList", "by", "action", "at", "riskTier", "riskReasons", "uscc", "city",
					"district");
		}
		assertThat(positiveList.history(A)).as("no audit entry").hasSize(audited);
		assertThat(register.find(A).orElseThrow().positiveList()).isFalse();

		Reply reply = send("PUT", "/enterprises/" + A + "/positive-list", "supervisor1", "application/json",
				json(Map.of("reason", "完成提标改造 upgraded")));
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		Enterprise a = register.find(A).orElseThrow();
		assertThat(a.positiveList()).isTrue();
		assertThat(a.riskReasons()).anySatisfy((r) -> assertThat(r).contains("positive list"));
		JsonNode history = reply.json().get("history");
		JsonNode last = history.get(history.size() - 1);
		assertThat(last.get("action").asText()).isEqualTo("ADDED");
		assertThat(last.get("by").asText()).isEqualTo("supervisor1");
	}

	@Test
	void aTraceRefusesFieldsTheServerSetsAndIsScopedAndSignedByTheCaller() {
		String sourceCase = "CASE-MX-MASS-" + this.run;
		Map<String, Object> allowed = Map.of("from", "2025-03-01", "to", "2025-03-31", "sourceCaseId", sourceCase,
				"reason", "造假 faked");
		Reply forged = send("POST", "/monitoring-companies/" + this.company + "/trace", "supervisor1",
				"application/json", json(allowed, Map.of("tracedBy", "admin1", "scope", "all", "city", "440100",
						"outsideScope", 0, "companyUscc", B, "clues", List.of(Map.of("clueId", "X", "enterpriseUscc", G)))));
		assertRefused(forged, "tracedBy", "scope", "city", "outsideScope", "companyUscc", "clues");
		assertThat(this.mongo.exists(Query.query(Criteria.where("sourceCaseId").is(sourceCase)), FraudTrace.COLLECTION))
			.as("no trace, no clue sent").isFalse();

		Reply reply = send("POST", "/monitoring-companies/" + this.company + "/trace", "supervisor1",
				"application/json", json(allowed));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		Document stored = this.mongo.findById(reply.json().get("traceId").asText(), Document.class,
				FraudTrace.COLLECTION);
		assertThat(stored.getString("tracedBy")).isEqualTo("supervisor1");
		assertThat(stored.getString("scope")).isEqualTo("city:440300");
		assertThat(stored.getString("companyUscc")).isEqualTo(this.company);
		assertThat(stored.getList("clues", Document.class)).extracting((c) -> c.getString("enterpriseUscc"))
			.containsExactlyInAnyOrder(A, B);
		assertThat(stored.get("outsideScope", Number.class).intValue()).isEqualTo(1);
	}

	@Test
	void aDrawRefusesFieldsTheServerSetsAndKeepsItsOwnSeedSnapshotAndAuthor() {
		String forgedSeed = "00".repeat(32);
		Map<String, Object> allowed = Map.of("district", "440304", "targets", 1, "officers", 1);
		long drawsBefore = this.mongo.count(new Query(), DrawService.DRAWS);
		Reply forged = send("POST", "/draws", "supervisor1", "application/json", json(allowed, Map.of("seed",
				forgedSeed, "seedCommitment", DoubleRandomDraw.commitment(forgedSeed), "createdBy", "admin1", "revealed",
				true, "algorithm", "mine", "population", List.of(Map.of("uscc", G, "weight", 1000)), "officerPool",
				List.of(Map.of("id", "officer2", "conflicts", List.of())))));
		assertRefused(forged, "seed", "seedCommitment", "createdBy", "revealed", "algorithm", "population",
				"officerPool");
		assertThat(this.mongo.count(new Query(), DrawService.DRAWS)).as("no draw made").isEqualTo(drawsBefore);

		Reply reply = send("POST", "/draws", "supervisor1", "application/json", json(allowed));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		assertThat(reply.json().get("revealed").asBoolean()).isFalse();
		assertThat(reply.json().get("seed").isNull()).as("the seed stays secret until the reveal").isTrue();
		Document stored = this.draws.find(reply.json().get("drawId").asText()).orElseThrow();
		assertThat(stored.getString("createdBy")).isEqualTo("supervisor1");
		assertThat(stored.getBoolean("revealed")).isFalse();
		assertThat(stored.getString("seedCommitment")).isEqualTo(DoubleRandomDraw.commitment(stored.getString("seed")));
		assertThat(stored.getString("algorithm")).isEqualTo(DoubleRandomDraw.ALGORITHM);
		assertThat(stored.getList("population", Document.class)).extracting((c) -> c.getString("uscc"))
			.contains(A)
			.doesNotContain(G);
		assertThat(send("POST", "/draws", "supervisor1", "application/json",
				"{\"district\":\"440304\",\"industryCode\":\"" + "X".repeat(100) + "\",\"targets\":1,\"officers\":1}")
			.status()).as("an industry code that is none").isEqualTo(400);
	}

	@Test
	void anImportSetsOnlyTheRegisterDataAndDerivesTheRest(@Autowired EnterpriseRegister register) {
		String fresh = SyntheticUscc.of("440106", 5000 + Math.floorMod(this.run.hashCode(), 4999));
		String csv = "uscc,name,latitude,longitude,district,positiveList,riskTier,riskReasons,city,registered,version,"
				+ "createdAt,compliance,positiveListAudit,_outbox\n" + fresh
				+ ",天河新登记有限公司,23.13,113.36,440106,true,LOW,forged,110100,false,99,2020-01-01,[],[],[]\n" + A
				+ ",福田示范电镀有限公司,22.521907,114.058911,440304,false,LOW,forged,110100,false,99,2020-01-01,[],[],[]\n";
		boolean aListed = register.find(A).orElseThrow().positiveList();
		Reply reply = send("POST", "/enterprises/import", "admin1", "text/csv", csv);
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		assertThat(reply.json().get("rejected").asInt()).isZero();
		Enterprise stored = register.find(fresh).orElseThrow();
		assertThat(stored.positiveList()).as("the list is changed only with an audit entry").isFalse();
		assertThat(stored.city()).as("derived from the district").isEqualTo("440100");
		assertThat(stored.riskReasons()).doesNotContain("forged").containsExactly("no violation in the past 12 months (无违法记录)");
		Document document = this.mongo.findById(fresh, Document.class, EnterpriseRegister.COLLECTION);
		assertThat(document.getBoolean(EnterpriseRegister.REGISTERED)).isTrue();
		assertThat(document.get(EnterpriseRegister.VERSION, Number.class).longValue()).isEqualTo(1);
		assertThat(document.containsKey("_outbox")).isFalse();
		assertThat(register.find(A).orElseThrow().positiveList()).isEqualTo(aListed);
	}

	// ------------------------------------------------------------------------------------------ fixtures

	/** 400 problem+json that names each of the fields. */
	private static void assertRefused(Reply reply, String... fields) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(400);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		assertThat(reply.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder(fields);
	}

	/** Reads of one enterprise: its district's officer, the city's supervisor, itself and admins; the others 404. */
	private static void registerRead(SecurityMatrix matrix, String template, String uscc, Who officer,
			Who enterprise, Who otherOfficer, Who otherEnterprise) {
		Row row = matrix.row("GET", template, path(template, uscc)).allow(officer, SUPERVISOR, enterprise, ADMIN);
		refuse(row, NOT_FOUND, otherOfficer, otherEnterprise);
		refuse(row, FORBIDDEN, INTEGRATORS);
	}

	/** One enterprise's case in the portal: the owner reads it and submits (each caller on a fresh case). */
	private void portalRows(SecurityMatrix matrix, String caseId, String uscc, Who owner, Who other) {
		Row read = matrix.row("GET", "/portal/orders/{caseId}", "/portal/orders/" + caseId)
			.expect(owner, seeing(List.of(caseId, "WAITING_FOR_SUBMISSION"), List.of()))
			.expect(other, NOT_FOUND);
		Map<Who, String> fresh = new EnumMap<>(Who.class);
		Row submit = matrix
			.row("POST", "/portal/orders/{caseId}/submissions",
					(who) -> "/portal/orders/" + fresh.computeIfAbsent(who, (w) -> openOrder(uscc)) + "/submissions")
			.json("{\"statement\":\"整改完成 done\",\"evidenceIds\":[\"EV-MX\"]}")
			.allow(owner)
			.expect(other, NOT_FOUND);
		for (Row row : new Row[] { read, submit }) {
			refuse(row, FORBIDDEN, OFFICER_FUTIAN, OFFICER_NANSHAN, SUPERVISOR, ADMIN, INTEGRATOR, INTEGRATOR_B);
		}
	}

	/** A fresh, unrevealed draw for each caller (a reveal is a write): its path with the suffix. */
	private Function<Who, String> freshDraw(String district, String suffix) {
		Map<Who, String> fresh = new EnumMap<>(Who.class);
		return (who) -> "/draws/"
				+ fresh.computeIfAbsent(who, (w) -> this.draws.create(district, null, 1, 1, "matrix").getString("_id"))
				+ suffix;
	}

	/** A case of the enterprise that waits for its rectification (a new order of round 1). */
	private String openOrder(String uscc) {
		String caseId = "CASE-MX-" + this.run + "-" + UUID.randomUUID().toString().substring(0, 8);
		this.orders.apply(Envelope.of(RectificationOrdered.TYPE, "/inspectflow/workflow-service", caseId,
				new RectificationOrdered(caseId, uscc, "ORD-" + caseId, LocalDate.now().plusDays(14), false, 1,
						List.of("更换活性炭")),
				caseId, null, null));
		return caseId;
	}

	private String caseOf(String uscc) {
		return "CASE-MX-" + this.run + "-HIST-" + uscc;
	}

	private static String path(String template, String uscc) {
		return template.replace("{uscc}", uscc);
	}

	private static void refuse(Row row, Expect expect, Who... callers) {
		for (Who who : callers) {
			row.expect(who, expect);
		}
	}

	/** 2xx, and the body names each of {@code present} and none of {@code absent}. */
	private static Expect seeing(List<String> present, List<String> absent) {
		return new Expect("2xx with " + present + " without " + absent,
				(a) -> a.status() / 100 == 2 && present.stream().allMatch(a.body()::contains)
						&& absent.stream().noneMatch(a.body()::contains));
	}

	private static boolean isProblem(SecurityMatrix.Answer answer) {
		return answer.contentType().startsWith("application/problem+json");
	}

	private static byte[] multipart(String csv) {
		String body = "--matrix-boundary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"enterprises.csv\""
				+ "\r\nContent-Type: text/csv\r\n\r\n" + csv + "\r\n--matrix-boundary--\r\n";
		return body.getBytes(StandardCharsets.UTF_8);
	}

	private static String encode(String text) {
		return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static String json(Map<String, Object> fields) {
		try {
			return JSON.writeValueAsString(fields);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The fields of {@code allowed} and of {@code forged} in one body. */
	private static String json(Map<String, Object> allowed, Map<String, Object> forged) {
		Map<String, Object> all = new java.util.LinkedHashMap<>(forged);
		all.putAll(allowed);
		return json(all);
	}

	private Reply get(String path, String token) {
		return exchange("GET", path, token, null, null);
	}

	private Reply send(String method, String path, String user, String contentType, String body) {
		return exchange(method, path, Keycloak.userToken(user), contentType, body);
	}

	private Reply exchange(String method, String path, String token, String contentType, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token)
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		try {
			HttpResponse<String> response = HTTP.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + path + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Reply(int status, String contentType, String body) {

		JsonNode json() {
			try {
				return JSON.readTree(this.body);
			}
			catch (IOException ex) {
				throw new AssertionError("not JSON: " + this.body, ex);
			}
		}

	}

}
