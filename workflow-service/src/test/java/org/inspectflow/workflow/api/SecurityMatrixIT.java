package org.inspectflow.workflow.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.inspectflow.contracts.Envelope;
import org.inspectflow.contracts.MatchMethod;
import org.inspectflow.contracts.RiskTier;
import org.inspectflow.contracts.commands.EnterpriseMatchResult;
import org.inspectflow.contracts.commands.FirstOffenceResult;
import org.inspectflow.contracts.events.RectificationSubmitted;
import org.inspectflow.support.test.ForgedTokens;
import org.inspectflow.support.test.Keycloak;
import org.inspectflow.support.test.SecurityMatrix;
import org.inspectflow.support.test.SecurityMatrix.Answer;
import org.inspectflow.support.test.SecurityMatrix.Expect;
import org.inspectflow.support.test.SecurityMatrix.Who;
import org.inspectflow.workflow.messaging.WorkflowListeners;
import org.inspectflow.workflow.process.ProcessConstants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.task.Task;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.inspectflow.support.test.SecurityMatrix.ENTERPRISE_A_USCC;
import static org.inspectflow.support.test.SecurityMatrix.ENTERPRISE_B_USCC;
import static org.inspectflow.support.test.SecurityMatrix.FUTIAN;
import static org.inspectflow.support.test.SecurityMatrix.NANSHAN;
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
 * OWASP API Security against workflow-service with real Keycloak tokens, PostgreSQL and RabbitMQ: the role × endpoint
 * × owner matrix over every endpoint the service maps (and a few of the engine's REST API, which is Jersey and not
 * in the MVC mapping), tokens an attacker can make, and bodies that try to set what only the process sets.
 *
 * <p>
 * The owners: cases and tasks of 南山区 (officer2's district, enterprise B), a case of 福田区 (officer1's), one of
 * 东莞 (a city supervisor1 does not supervise), and a Nanshan case shared with Futian. officer1 is the attacker of
 * Nanshan's objects (BOLA), supervisor1 of Dongguan's; enterprise users and integrators are refused the officers'
 * endpoints (BFLA), officers the admin's. Each completing endpoint gets a real task of its kind, driven there
 * through the real process (replies and submissions fed at the message boundary, through the inbox).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "inspectflow.security.clock-skew=0s")
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityMatrixIT {

	/** 东莞市: a city (without districts) that supervisor1 does not supervise. */
	static final String DONGGUAN = "441900";

	/** A synthetic USCC of a Dongguan enterprise (valid check character). */
	static final String ENTERPRISE_DONGGUAN = "914419000000DM003F";

	static final String BAOAN = "440306";

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TaskService tasks;

	@Autowired
	WorkflowListeners listeners;

	@Autowired
	ObjectMapper json;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	/** Nanshan: an unclaimed inspection (reads, refused claims, reassignment, shares). */
	Fixture read;

	/** Nanshan: an unclaimed inspection that officer2 claims. */
	Fixture claim;

	/** Nanshan: an inspection claimed by officer2, completed in the matrix. */
	Fixture verify;

	/** Nanshan, serious violation: the penalty filing claimed by officer2, and the review of the submitted proof. */
	Fixture penalty;

	String penaltyFilingTask;

	String reviewTask;

	/** Nanshan, serious violation: the penalty decision claimed by officer2; three rejected rounds: re-inspection. */
	Fixture escalated;

	String decisionTask;

	String reinspectionTask;

	/** Dongguan: outside supervisor1's city. */
	Fixture dongguan;

	/** Nanshan: an inspection claimed by officer2, for the mass-assignment attempts (never completed). */
	Fixture mass;

	/** Futian, officer1's. */
	String futianCase;

	/** Nanshan, shared with Futian for a joint inspection. */
	String sharedCase;

	record Fixture(String caseId, String taskId) {
	}

	@BeforeAll
	void openTheCases() {
		this.futianCase = report("officer1", FUTIAN, ENTERPRISE_A_USCC);
		this.sharedCase = report("officer2", NANSHAN, ENTERPRISE_B_USCC);
		assertThat(send("POST", "/cases/" + this.sharedCase + "/shares", token("officer2"),
				"{\"district\": \"" + FUTIAN + "\", \"purpose\": \"joint inspection of the Shenzhen river outfalls\"}")
			.status()).isEqualTo(204);

		String read = nanshanCase();
		String claim = nanshanCase();
		String verify = nanshanCase();
		String penalty = nanshanCase();
		String escalated = nanshanCase();
		String mass = nanshanCase();
		String dongguan = report("admin1", DONGGUAN, ENTERPRISE_DONGGUAN);
		matched(dongguan, ENTERPRISE_DONGGUAN, DONGGUAN);

		this.read = new Fixture(read, inspection(read).getId());
		this.claim = new Fixture(claim, inspection(claim).getId());
		this.dongguan = new Fixture(dongguan, inspection(dongguan).getId());
		this.verify = new Fixture(verify, claimed("officer2", inspection(verify)));
		this.mass = new Fixture(mass, claimed("officer2", inspection(mass)));
		this.penalty = new Fixture(penalty, claimed("officer2", inspection(penalty)));
		this.escalated = new Fixture(escalated, claimed("officer2", inspection(escalated)));

		for (Fixture serious : List.of(this.penalty, this.escalated)) {
			ok(send("POST", "/tasks/" + serious.taskId() + "/verification", token("officer2"), """
					{"finding": "SERIOUS_VIOLATION", "findings": "nickel wastewater led into the storm drain",
					 "violationType": "ILLEGAL_DISCHARGE", "legalBasis": "《水污染防治法》第八十三条"}"""));
			reply(serious.caseId(), FirstOffenceResult.TYPE, new FirstOffenceResult(serious.caseId(), true, List.of()));
		}
		this.penaltyFilingTask = claimed("officer2", awaitTask(this.penalty.caseId(), ProcessConstants.TASK_FILE_PENALTY_CASE));
		submitProof(this.penalty.caseId(), 1);
		this.reviewTask = awaitTask(this.penalty.caseId(), ProcessConstants.TASK_REVIEW_RECTIFICATION).getId();

		String filing = claimed("officer2", awaitTask(this.escalated.caseId(), ProcessConstants.TASK_FILE_PENALTY_CASE));
		ok(send("POST", "/tasks/" + filing + "/penalty-filing", token("officer2"), "{\"summary\": \"filed\"}"));
		this.decisionTask = claimed("officer2", awaitTask(this.escalated.caseId(), ProcessConstants.TASK_DECIDE_PENALTY));
		for (int round = 1; round <= 3; round++) {
			submitProof(this.escalated.caseId(), round);
			String review = awaitTask(this.escalated.caseId(), ProcessConstants.TASK_REVIEW_RECTIFICATION).getId();
			ok(send("POST", "/tasks/" + review + "/rectification-review", token("officer2"),
					"{\"accepted\": false, \"reasons\": [\"the outfall still smells of nickel\"]}"));
		}
		this.reinspectionTask = claimed("officer2",
				awaitTask(this.escalated.caseId(), ProcessConstants.TASK_REINSPECT_SITE));
	}

	@Test
	void everyEndpointAnswersEachCallerAsItsRoleAndDataScopeAllow() throws IOException {
		SecurityMatrix matrix = new SecurityMatrix("http://localhost:" + this.port);
		Who[] officers = { OFFICER_FUTIAN, OFFICER_NANSHAN, SUPERVISOR, ADMIN };

		// clue intake: officers for their own district, supervisors within their city, integrators by their own door
		matrix.row("POST", "/clues", "/clues")
			.json((who) -> clue(who == OFFICER_NANSHAN ? NANSHAN : FUTIAN, null))
			.allow(officers);
		matrix.row("POST", "/clues", "/clues")
			.json((who) -> clue(who == OFFICER_FUTIAN ? NANSHAN : who == OFFICER_NANSHAN ? FUTIAN : DONGGUAN, null))
			.allow(ADMIN);
		matrix.row("POST", "/integrations/clues", "/integrations/clues")
			.json((who) -> clue(null, UUID.randomUUID().toString()))
			.allow(INTEGRATOR, INTEGRATOR_B);

		// task lists: each officer sees its district's, the supervisor its city's
		matrix.row("GET", "/tasks", (who) -> "/tasks?district=" + (who == SUPERVISOR || who == ADMIN ? DONGGUAN : NANSHAN))
			.expect(OFFICER_FUTIAN, ok("none of Nanshan's tasks", (page) -> page.get("total").asLong() == 0))
			.expect(OFFICER_NANSHAN, ok("Nanshan's tasks", (page) -> page.get("total").asLong() > 0))
			.expect(SUPERVISOR, ok("none of Dongguan's tasks", (page) -> page.get("total").asLong() == 0))
			.expect(ADMIN, ok("Dongguan's tasks", (page) -> page.get("total").asLong() > 0));
		matrix.row("GET", "/tasks/{taskId}", "/tasks/" + this.read.taskId()).allow(OFFICER_NANSHAN, SUPERVISOR, ADMIN);
		matrix.row("GET", "/tasks/{taskId}", "/tasks/" + this.dongguan.taskId()).allow(ADMIN);

		// cases: the district's officers, the city's supervisors, admins; another district's officer only when shared
		for (String view : List.of("", "/timeline", "/diagram")) {
			matrix.row("GET", "/cases/{caseId}" + view, "/cases/" + this.read.caseId() + view)
				.allow(OFFICER_NANSHAN, SUPERVISOR, ADMIN);
			matrix.row("GET", "/cases/{caseId}" + view, "/cases/" + this.dongguan.caseId() + view).allow(ADMIN);
		}
		matrix.row("GET", "/cases/{caseId}", "/cases/" + this.futianCase).allow(OFFICER_FUTIAN, SUPERVISOR, ADMIN);
		matrix.row("GET", "/cases/{caseId}", "/cases/" + this.sharedCase).allow(officers);
		matrix.row("GET", "/cases/{caseId}/timeline", "/cases/" + this.sharedCase + "/timeline").allow(officers);
		matrix.row("GET", "/cases/{caseId}/access-log", "/cases/" + this.sharedCase + "/access-log")
			.allow(SUPERVISOR, ADMIN);
		matrix.row("GET", "/cases/{caseId}/access-log", "/cases/" + this.dongguan.caseId() + "/access-log")
			.allow(ADMIN);
		String share = "{\"district\": \"" + BAOAN + "\", \"purpose\": \"referral: the outfall drains into Bao'an\"}";
		matrix.row("POST", "/cases/{caseId}/shares", "/cases/" + this.read.caseId() + "/shares")
			.json(share)
			.allow(OFFICER_NANSHAN, SUPERVISOR, ADMIN);
		// officer1 sees the shared case but does not pass it on
		matrix.row("POST", "/cases/{caseId}/shares", "/cases/" + this.sharedCase + "/shares")
			.json(share)
			.expect(OFFICER_FUTIAN, new Expect("403 problem+json", (answer) -> answer.status() == 403
					&& answer.contentType().startsWith("application/problem+json")))
			.allow(OFFICER_NANSHAN, SUPERVISOR, ADMIN);
		matrix.row("POST", "/cases/{caseId}/shares", "/cases/" + this.dongguan.caseId() + "/shares")
			.json(share)
			.allow(ADMIN);

		// claiming: the task's candidates only; supervisors reassign instead
		matrix.row("POST", "/tasks/{taskId}/claim", "/tasks/" + this.claim.taskId() + "/claim").allow(OFFICER_NANSHAN);
		matrix.row("POST", "/tasks/{taskId}/claim", "/tasks/" + this.dongguan.taskId() + "/claim");

		// completing: the assignee only, each endpoint with a real task of its kind
		matrix.row("POST", "/tasks/{taskId}/verification", "/tasks/" + this.verify.taskId() + "/verification")
			.json("""
					{"finding": "UNFOUNDED", "findings": "outfall dry, no discharge seen", "dismissalReason": "UNFOUNDED",
					 "dismissalExplanation": "three visits at night, no discharge"}""")
			.allow(OFFICER_NANSHAN);
		matrix.row("POST", "/tasks/{taskId}/rectification-review", "/tasks/" + this.reviewTask + "/rectification-review")
			.json("{\"accepted\": true, \"comment\": \"outfall sealed, readings normal\"}")
			.allow(OFFICER_NANSHAN);
		matrix.row("POST", "/tasks/{taskId}/reinspection", "/tasks/" + this.reinspectionTask + "/reinspection")
			.json("{\"rectified\": true, \"findings\": \"outfall sealed on re-inspection\"}")
			.allow(OFFICER_NANSHAN);
		matrix.row("POST", "/tasks/{taskId}/penalty-filing", "/tasks/" + this.penaltyFilingTask + "/penalty-filing")
			.json("{\"summary\": \"filed: illegal discharge of nickel wastewater\"}")
			.allow(OFFICER_NANSHAN);
		matrix.row("POST", "/tasks/{taskId}/penalty-decision", "/tasks/" + this.decisionTask + "/penalty-decision")
			.json("{\"decision\": \"fine under art. 83\", \"fineYuan\": 200000}")
			.allow(OFFICER_NANSHAN);

		// reassignment: supervisors of the task's city, admins (after the reads above: it names a new assignee)
		matrix.row("POST", "/tasks/{taskId}/assignee", "/tasks/" + this.read.taskId() + "/assignee")
			.json("{\"officer\": \"officer2\", \"reason\": \"officer2 knows the site\"}")
			.allow(SUPERVISOR, ADMIN);
		matrix.row("POST", "/tasks/{taskId}/assignee", "/tasks/" + this.dongguan.taskId() + "/assignee")
			.json("{\"officer\": \"officer-dg1\", \"reason\": \"Dongguan's own officer\"}")
			.allow(ADMIN);

		// command and dispatch figures: supervisors for their city, admins for all
		for (String statistics : List.of("/statistics/case-load", "/statistics/officer-activity")) {
			matrix.row("GET", statistics, statistics).allow(SUPERVISOR, ADMIN);
			matrix.row("GET", statistics, statistics + "?district=" + DONGGUAN).allow(ADMIN);
		}

		// the working-day calendar: read by officers, loaded by admins
		matrix.row("GET", "/calendars", "/calendars").allow(officers);
		matrix.row("GET", "/calendars/deadline", "/calendars/deadline?from=2026-09-28&workingDays=5").allow(officers);
		matrix.row("PUT", "/calendars/{year}", "/calendars/2026")
			.body("application/json", (who) -> shippedCalendar(2026))
			.allow(ADMIN);

		// the caller itself, and the API description (not for enterprise users)
		matrix.row("GET", "/me", "/me")
			.allow(OFFICER_FUTIAN, OFFICER_NANSHAN, SUPERVISOR, ENTERPRISE_A, ENTERPRISE_B, ADMIN, INTEGRATOR,
					INTEGRATOR_B);
		matrix.row("GET", "/v3/api-docs", "/v3/api-docs")
			.allow(OFFICER_FUTIAN, OFFICER_NANSHAN, SUPERVISOR, ADMIN, INTEGRATOR, INTEGRATOR_B);
		matrix.row("GET", "/v3/api-docs.yaml", "/v3/api-docs.yaml")
			.allow(OFFICER_FUTIAN, OFFICER_NANSHAN, SUPERVISOR, ADMIN, INTEGRATOR, INTEGRATOR_B);

		// Operaton's REST API (Jersey, outside the MVC mapping): admins only, reads and writes
		matrix.row("GET", "/engine-rest/engine", "/engine-rest/engine").allow(ADMIN);
		matrix.row("GET", "/engine-rest/task", "/engine-rest/task?processInstanceBusinessKey=" + this.read.caseId())
			.allow(ADMIN);
		matrix.row("GET", "/engine-rest/history/process-instance/count",
				"/engine-rest/history/process-instance/count")
			.allow(ADMIN);
		matrix.row("DELETE", "/engine-rest/process-instance/{id}", "/engine-rest/process-instance/no-such-instance")
			.expect(ADMIN, Expect.status(404));

		// the actuator (outside the MVC mapping): probes for anyone, the rest for admins
		matrix.row("GET", "/actuator/health", "/actuator/health")
			.allow(ANONYMOUS, OFFICER_FUTIAN, OFFICER_NANSHAN, SUPERVISOR, ENTERPRISE_A, ENTERPRISE_B, ADMIN,
					INTEGRATOR, INTEGRATOR_B);
		matrix.row("GET", "/actuator/metrics", "/actuator/metrics").allow(ADMIN);

		matrix.assertCovers(this.mapping, "* /error");
		matrix.assertAll();
	}

	@Test
	void forgedAndExpiredTokensAreRefusedWith401() {
		String taskList = "/tasks?scope=mine";
		assertThat(send("GET", taskList, token("officer1"), null).status()).as("the genuine token").isEqualTo(200);
		ForgedTokens.all("officer1").forEach((forgery, token) -> {
			Reply reply = send("GET", taskList, token, null);
			assertThat(reply.status()).as(forgery + ": " + reply.body()).isEqualTo(401);
			assertThat(reply.contentType()).as(forgery).startsWith("application/problem+json");
			assertThat(reply.body()).as(forgery).doesNotContain(this.read.taskId());
		});
	}

	@Test
	void aClueCannotSetWhatTheProcessDecides() {
		String problemType = problemType();
		Reply refused = send("POST", "/clues", token("officer2"), """
				{"source": "COMPLAINT", "enterpriseUscc": "%s", "problemType": "%s", "description": "dust",
				 "status": "CLOSED", "assignee": "officer2", "caseId": "CASE-2026-999999", "priority": "LOW",
				 "enterpriseId": "%s", "createdBy": "supervisor1"}""".formatted(ENTERPRISE_B_USCC, problemType,
				ENTERPRISE_A_USCC));
		assertThat(problem(refused, 400).get("errors").findValuesAsText("field"))
			.containsExactlyInAnyOrder("status", "assignee", "caseId", "priority", "enterpriseId", "createdBy");
		problem(send("POST", "/clues", token("officer2"), clueOf(problemType, "\"district\": \"" + FUTIAN + "\"")), 403);
		problem(send("POST", "/clues", token("officer2"), clueOf(problemType, "\"reportedBy\": \"officer1\"")), 403);
		problem(send("POST", "/clues", token("officer2"),
				clueOf(problemType, "\"location\": {\"latitude\": 22.5, \"longitude\": 113.9, \"district\": \"440304\"}")),
				400);
		assertThat(casesOf(problemType)).as("nothing was opened").isZero();

		Reply opened = send("POST", "/clues", token("officer2"), clueOf(problemType, "\"reportedBy\": \"officer2\""));
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		JsonNode stored = send("GET", "/cases/" + opened.json().get("caseId").asText(), token("officer2"), null).json();
		assertThat(stored.get("reportedBy").asText()).isEqualTo("officer2");
		assertThat(stored.get("district").asText()).isEqualTo(NANSHAN);
		assertThat(stored.get("status").asText()).isEqualTo("REPORTED");
	}

	@Test
	void anIntegratorReportsInItsOwnNameIntoTheIntakeAndCannotDispatch() {
		String problemType = problemType();
		String integrator = Keycloak.INTEGRATOR_CLIENT_ID;
		problem(send("POST", "/integrations/clues", Keycloak.integratorToken(),
				integratorClue(problemType, "\"district\": \"" + NANSHAN + "\"")), 403);
		problem(send("POST", "/integrations/clues", Keycloak.integratorToken(),
				integratorClue(problemType, "\"reportedBy\": \"" + Keycloak.SECOND_INTEGRATOR_CLIENT_ID + "\"")), 403);
		problem(send("POST", "/integrations/clues", Keycloak.integratorToken(),
				integratorClue(problemType, "\"status\": \"CLOSED\", \"assignee\": \"officer1\"")), 400);
		problem(send("POST", "/integrations/clues", Keycloak.integratorToken(),
				integratorClue(problemType, "\"drawId\": \"DRAW-1\", \"drawnOfficers\": [\"officer1\"]")), 403);
		assertThat(casesOf(problemType)).as("nothing was opened").isZero();

		String clueId = UUID.randomUUID().toString();
		String body = integratorClue(problemType, "\"clueId\": \"" + clueId + "\", \"reportedBy\": \"" + integrator + "\"");
		Reply opened = send("POST", "/integrations/clues", Keycloak.integratorToken(), body);
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		Map<String, Object> row = this.jdbc.queryForMap("SELECT reported_by, district FROM wf_case WHERE clue_id = ?",
				clueId);
		assertThat(row.get("reported_by")).isEqualTo(integrator);
		assertThat(row.get("district")).as("the intake district").isEqualTo(FUTIAN);

		// the other integrator cannot take over the clue (nor learn its case) by resending its id
		Reply taken = send("POST", "/integrations/clues", Keycloak.secondIntegratorToken(), integratorClue(problemType,
				"\"clueId\": \"" + clueId + "\""));
		assertThat(problem(taken, 409).toString()).doesNotContain(opened.json().get("caseId").asText());
	}

	@Test
	void aVerificationRecordCannotNameAnotherAssigneeOrEnterprise() {
		String verification = "/tasks/" + this.mass.taskId() + "/verification";
		Reply refused = send("POST", verification, token("officer2"), """
				{"finding": "UNFOUNDED", "findings": "x", "dismissalReason": "UNFOUNDED", "dismissalExplanation": "x",
				 "assignee": "officer1", "enterpriseId": "%s", "status": "CLOSED", "recordedBy": "officer1",
				 "location": {"latitude": 22.5, "longitude": 113.9, "accuracy": 5}}""".formatted(ENTERPRISE_A_USCC));
		assertThat(problem(refused, 400).get("errors").findValuesAsText("field"))
			.containsExactlyInAnyOrder("assignee", "enterpriseId", "status", "recordedBy", "location.accuracy");
		Reply otherEnterprise = send("POST", verification, token("officer2"), """
				{"finding": "VIOLATION_CONFIRMED", "findings": "x", "violationType": "ILLEGAL_DISCHARGE",
				 "legalBasis": "《水污染防治法》第八十三条", "enterpriseUscc": "%s"}""".formatted(ENTERPRISE_A_USCC));
		assertThat(problem(otherEnterprise, 400).get("detail").asText()).contains(ENTERPRISE_B_USCC);

		Task task = this.tasks.createTaskQuery().taskId(this.mass.taskId()).singleResult();
		assertThat(task).as("the task is still open").isNotNull();
		assertThat(task.getAssignee()).isEqualTo("officer2");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM wf_inspection_record WHERE case_id = ?",
				Integer.class, this.mass.caseId())).isZero();
		assertThat(this.jdbc.queryForObject("SELECT enterprise_uscc FROM wf_case WHERE case_id = ?", String.class,
				this.mass.caseId())).isEqualTo(ENTERPRISE_B_USCC);
	}

	@Test
	void theOtherTaskBodiesTakeOnlyTheirOwnFields() {
		String task = "/tasks/" + this.mass.taskId();
		Reply reassign = send("POST", task + "/assignee", token("supervisor1"), """
				{"officer": "officer1", "reason": "r", "status": "DONE", "candidateGroups": ["district:440304"],
				 "dueDate": "2030-01-01T00:00:00Z", "district": "440304"}""");
		assertThat(problem(reassign, 400).get("errors").findValuesAsText("field"))
			.containsExactlyInAnyOrder("status", "candidateGroups", "dueDate", "district");
		problem(send("POST", task + "/rectification-review", token("officer2"),
				"{\"accepted\": true, \"round\": 1, \"status\": \"CLOSED\"}"), 400);
		problem(send("POST", task + "/reinspection", token("officer2"),
				"{\"rectified\": true, \"findings\": \"x\", \"caseStatus\": \"CLOSED\"}"), 400);
		problem(send("POST", task + "/penalty-filing", token("officer2"),
				"{\"summary\": \"x\", \"penaltyCaseId\": \"P-1\", \"filedBy\": \"supervisor1\"}"), 400);
		problem(send("POST", task + "/penalty-decision", token("officer2"),
				"{\"decision\": \"x\", \"fineYuan\": 1, \"approvedBy\": \"supervisor1\"}"), 400);

		Task unchanged = this.tasks.createTaskQuery().taskId(this.mass.taskId()).singleResult();
		assertThat(unchanged).isNotNull();
		assertThat(unchanged.getAssignee()).isEqualTo("officer2");
		assertThat(this.tasks.getIdentityLinksForTask(unchanged.getId()))
			.noneMatch((link) -> "district:440304".equals(link.getGroupId()));
	}

	@Test
	void aShareCarriesOnlyItsDistrictAndPurpose() {
		String shares = "/cases/" + this.mass.caseId() + "/shares";
		Reply refused = send("POST", shares, token("officer2"), """
				{"district": "%s", "purpose": "p", "sharedBy": "supervisor1", "sharedAt": "2026-01-01T00:00:00Z",
				 "expiresAt": "2099-01-01T00:00:00Z"}""".formatted(BAOAN));
		assertThat(problem(refused, 400).get("errors").findValuesAsText("field"))
			.containsExactlyInAnyOrder("sharedBy", "sharedAt", "expiresAt");
		problem(send("POST", shares, token("officer2"), "{\"district\": \"" + NANSHAN + "\", \"purpose\": \"p\"}"), 400);
		problem(send("POST", shares, token("officer2"), "{\"district\": \"" + BAOAN + "\"}"), 400);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM wf_case_share WHERE case_id = ?", Integer.class,
				this.mass.caseId())).isZero();
	}

	@Test
	void aCalendarFileCannotNameWhoLoadedIt() throws IOException {
		String file = new String(shippedCalendar(2026), StandardCharsets.UTF_8);
		String forged = file.replaceFirst("\\{", "{\"uploadedBy\": \"officer1\", ");
		Reply loaded = send("PUT", "/calendars/2026", token("admin1"), forged);
		assertThat(loaded.status()).as(loaded.body()).isEqualTo(200);
		assertThat(loaded.json().get("uploadedBy").asText()).isEqualTo("admin1");
		JsonNode years = send("GET", "/calendars", token("officer1"), null).json();
		assertThat(years.findValues("uploadedBy").stream().map(JsonNode::asText)).doesNotContain("officer1");
	}

	// --- the cases, driven through the real process

	private String nanshanCase() {
		String caseId = report("officer2", NANSHAN, ENTERPRISE_B_USCC);
		matched(caseId, ENTERPRISE_B_USCC, NANSHAN);
		return caseId;
	}

	private String report(String user, String district, String uscc) {
		Reply reply = send("POST", "/clues", token(user), """
				{"source": "COMPLAINT", "enterpriseUscc": "%s", "problemType": "%s", "severity": "GENERAL",
				 "district": "%s", "description": "12369: the river turns yellow below the outfall"}"""
			.formatted(uscc, problemType(), district));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		return reply.json().get("caseId").asText();
	}

	/** enterprise-service's answer to the match: the enterprise of this district. */
	private void matched(String caseId, String uscc, String district) {
		reply(caseId, EnterpriseMatchResult.TYPE, new EnterpriseMatchResult(caseId, true, uscc, RiskTier.MEDIUM, false,
				MatchMethod.USCC, district, district.substring(0, 4) + "00"));
	}

	private void reply(String caseId, String type, Object data) {
		this.listeners.onReply(message(type, caseId, data));
	}

	/** enterprise B submits proof for the open order of this round (its portal publishes it). */
	private void submitProof(String caseId, int round) {
		String orderId = await().atMost(Duration.ofSeconds(60))
			.until(() -> this.jdbc.queryForList("SELECT order_id FROM wf_case WHERE case_id = ? AND status = 'RECTIFYING'"
					+ " AND rectification_round = ?", String.class, caseId, round).stream().findFirst().orElse(null),
					(found) -> found != null);
		this.listeners.onSubmission(message(RectificationSubmitted.TYPE, caseId,
				new RectificationSubmitted(caseId, ENTERPRISE_B_USCC, orderId, round, "SUB-" + UUID.randomUUID(),
						List.of(), "outfall sealed, round " + round, null, OffsetDateTime.now(), "enterprise2")));
	}

	private Message message(String type, String caseId, Object data) {
		try {
			return new Message(this.json.writeValueAsBytes(
					Envelope.of(type, "/inspectflow/enterprise-service", caseId, data, caseId, null, null)),
					new MessageProperties());
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Task inspection(String caseId) {
		return awaitTask(caseId, ProcessConstants.TASK_INSPECT_ON_SITE);
	}

	private Task awaitTask(String caseId, String taskKey) {
		return await().atMost(Duration.ofSeconds(90))
			.until(() -> this.tasks.createTaskQuery()
				.processInstanceBusinessKey(caseId)
				.taskDefinitionKey(taskKey)
				.singleResult(), (found) -> found != null);
	}

	private String claimed(String user, Task task) {
		ok(send("POST", "/tasks/" + task.getId() + "/claim", token(user), ""));
		return task.getId();
	}

	private int casesOf(String problemType) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM wf_case WHERE problem_type = ?", Integer.class,
				problemType);
	}

	// --- bodies

	private static String problemType() {
		return "SEC_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
	}

	private static String clue(String district, String clueId) {
		return """
				{%s%s"source": "COMPLAINT", "enterpriseUscc": "%s", "problemType": "%s", "severity": "GENERAL",
				 "description": "12369: black smoke at night"}""".formatted(
				district == null ? "" : "\"district\": \"" + district + "\", ",
				clueId == null ? "" : "\"clueId\": \"" + clueId + "\", ", ENTERPRISE_A_USCC, problemType());
	}

	private static String clueOf(String problemType, String extra) {
		return """
				{"source": "COMPLAINT", "enterpriseUscc": "%s", "problemType": "%s", "description": "dust", %s}"""
			.formatted(ENTERPRISE_B_USCC, problemType, extra);
	}

	private static String integratorClue(String problemType, String extra) {
		String withId = extra.contains("\"clueId\"") ? extra : "\"clueId\": \"" + UUID.randomUUID() + "\", " + extra;
		return """
				{"source": "COMPLAINT", "enterpriseUscc": "%s", "problemType": "%s", "description": "N+1: odour", %s}"""
			.formatted(ENTERPRISE_B_USCC, problemType, withId);
	}

	private static byte[] shippedCalendar(int year) {
		try (InputStream in = SecurityMatrixIT.class.getResourceAsStream("/calendars/cn-" + year + ".json")) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	// --- HTTP

	private Expect ok(String description, Predicate<JsonNode> test) {
		return new Expect("200 with " + description, (answer) -> answer.status() == 200 && test.test(read(answer)));
	}

	private JsonNode read(Answer answer) {
		try {
			return this.json.readTree(answer.body());
		}
		catch (IOException ex) {
			return this.json.createObjectNode();
		}
	}

	private static String token(String user) {
		return Keycloak.userToken(user);
	}

	private static void ok(Reply reply) {
		assertThat(reply.status() / 100).as(reply.body()).isEqualTo(2);
	}

	private JsonNode problem(Reply reply, int status) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(status);
		assertThat(reply.contentType()).as(reply.body()).startsWith("application/problem+json");
		return reply.json();
	}

	private Reply send(String method, String path, String token, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body(), this.json);
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + path + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Reply(int status, String contentType, String body, ObjectMapper mapper) {

		JsonNode json() {
			try {
				return this.mapper.readTree(this.body);
			}
			catch (IOException ex) {
				throw new AssertionError("not JSON: " + this.body, ex);
			}
		}

	}

}
