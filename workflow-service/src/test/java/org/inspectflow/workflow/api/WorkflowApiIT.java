package org.inspectflow.workflow.api;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.inspectflow.contracts.Envelope;
import org.inspectflow.contracts.Exchanges;
import org.inspectflow.contracts.Queues;
import org.inspectflow.contracts.events.RectificationSubmitted;
import org.inspectflow.support.messaging.Inbox;
import org.inspectflow.contracts.MatchMethod;
import org.inspectflow.contracts.RiskTier;
import org.inspectflow.contracts.commands.EnterpriseMatchResult;
import org.inspectflow.support.test.Keycloak;
import org.inspectflow.support.test.ServiceSmokeContract.Reply;
import org.inspectflow.workflow.process.ProcessConstants;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.task.Task;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The officer APIs with real tokens from the test Keycloak, the real PostgreSQL (engine) and RabbitMQ (the
 * enterprise match is answered on the bus): who may see and do what, and that bad input is refused with
 * problem+json and changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WorkflowApiIT {

	static final String ENTERPRISE_1 = "914403040000DM001P";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TaskService tasks;

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	ObjectMapper json;

	@Test
	void anOfficerSeesTheCasesOfItsDistrictAndNoOther() {
		String caseId = reportClue("officer1", "SMOKE");
		assertThat(call(HttpMethod.GET, "/cases/" + caseId, "officer1", null).status()).isEqualTo(200);
		assertProblem(call(HttpMethod.GET, "/cases/" + caseId, "officer2", null), 404);
		assertProblem(call(HttpMethod.GET, "/cases/" + caseId + "/timeline", "officer2", null), 404);
		assertThat(call(HttpMethod.GET, "/cases/" + caseId, "supervisor1", null).status())
			.as("the supervisor of the city").isEqualTo(200);
		assertThat(call(HttpMethod.GET, "/cases/" + caseId + "/diagram", "officer1", null).json()
			.get("completedActivityIds")
			.toString()).contains("StartEvent_ClueReported");
	}

	@Test
	void aSharedCaseIsVisibleToTheOtherDistrictAndEveryAccessIsLoggedWithItsPurpose() {
		String caseId = reportClue("officer1", "JOINT");
		String unshared = reportClue("officer1", "NOT_SHARED");
		assertThat(call(HttpMethod.GET, "/cases/" + caseId, "officer1", null).status()).isEqualTo(200);
		assertThat(call(HttpMethod.GET, "/cases/" + caseId + "/timeline", "supervisor1", null).status()).isEqualTo(200);
		assertThat(accessLog(caseId)).as("reads inside the jurisdiction are not audited").isEmpty();
		assertProblem(call(HttpMethod.POST, "/cases/" + caseId + "/shares", "officer1",
				"{\"district\": \"440305\"}"), 400);
		assertThat(call(HttpMethod.POST, "/cases/" + caseId + "/shares", "officer1",
				"{\"district\": \"440305\", \"purpose\": \"joint inspection Futian-Nanshan\"}").status())
			.isEqualTo(204);
		assertProblem(call(HttpMethod.POST, "/cases/" + caseId + "/shares", "officer2",
				"{\"district\": \"440306\", \"purpose\": \"passing it on\"}"), 403);
		assertThat(accessLog(caseId)).as("a refused re-share reads nothing").isEmpty();

		assertThat(call(HttpMethod.GET, "/cases/" + caseId, "officer2", null).status()).isEqualTo(200);
		List<Map<String, Object>> log = accessLog(caseId);
		assertThat(log).hasSize(1);
		assertThat(log.get(0)).containsEntry("username", "officer2")
			.containsEntry("district", "440305")
			.containsEntry("action", "GET /cases/{caseId}")
			.containsEntry("basis", "SHARE")
			.containsEntry("purpose", "joint inspection Futian-Nanshan")
			.containsEntry("shared_by", "officer1");
		assertThat(log.get(0).get("shared_at")).isNotNull();
		assertThat(log.get(0).get("accessed_at")).isNotNull();

		assertProblem(call(HttpMethod.GET, "/cases/" + unshared, "officer2", null), 404);
		assertProblem(call(HttpMethod.GET, "/cases/" + unshared + "/timeline", "officer2", null), 404);
		assertThat(accessLog(unshared)).as("an unshared case stays refused, and nothing was read").isEmpty();

		Reply audit = call(HttpMethod.GET, "/cases/" + caseId + "/access-log", "supervisor1", null);
		assertThat(audit.status()).as(audit.body()).isEqualTo(200);
		assertThat(audit.json().get("total").asLong()).isEqualTo(1);
		assertThat(audit.json().get("accesses").get(0).get("purpose").asText())
			.isEqualTo("joint inspection Futian-Nanshan");
		assertThat(audit.json().get("accesses").get(0).get("action").asText()).isEqualTo("GET /cases/{caseId}");
		assertThat(audit.json().get("shares").get(0).get("district").asText()).isEqualTo("440305");
		assertProblem(call(HttpMethod.GET, "/cases/" + caseId + "/access-log", "officer1", null), 403);
		assertProblem(call(HttpMethod.GET, "/cases/" + caseId + "/access-log", "officer2", null), 403);
		assertThat(accessLog(caseId)).as("reading the audit is no access to the case").hasSize(1);
	}

	@Test
	void anOfficerNamedForAnotherDistrictsTaskIsAuditedForWhatItDoes() throws Exception {
		String caseId = reportClue("officer1", "REASSIGNED");
		answerEnterpriseMatch(caseId);
		Task task = awaitTask(caseId, ProcessConstants.TASK_INSPECT_ON_SITE);
		assertProblem(call(HttpMethod.GET, "/cases/" + caseId, "officer2", null), 404);
		assertThat(call(HttpMethod.POST, "/tasks/" + task.getId() + "/assignee", "supervisor1",
				"{\"officer\": \"officer2\", \"reason\": \"officer1 is on leave\"}").status()).isEqualTo(200);
		assertThat(accessLog(caseId)).as("the supervisor works inside its city").isEmpty();

		assertThat(call(HttpMethod.GET, "/cases/" + caseId, "officer2", null).status()).isEqualTo(200);
		assertThat(call(HttpMethod.POST, "/tasks/" + task.getId() + "/verification", "officer2", """
				{"finding": "UNFOUNDED", "findings": "no dust", "dismissalReason": "UNFOUNDED",
				 "dismissalExplanation": "the yard is paved and watered"}""").status()).isEqualTo(200);
		assertThat(accessLog(caseId)).extracting((row) -> row.get("action") + " " + row.get("basis"))
			.containsExactly("GET /cases/{caseId} ASSIGNED_TASK", "complete Task_InspectOnSite ASSIGNED_TASK");
		assertThat(accessLog(caseId)).allSatisfy((row) -> assertThat(row).containsEntry("username", "officer2")
			.containsEntry("purpose", "named for the task '" + task.getName() + "'"));
	}

	private List<Map<String, Object>> accessLog(String caseId) {
		return this.jdbc.queryForList("SELECT username, district, action, basis, purpose, shared_by, shared_at,"
				+ " accessed_at FROM wf_case_access_log WHERE case_id = ? ORDER BY id", caseId);
	}

	@Test
	void enterpriseUsersAndIntegratorsAreRefusedTheOfficerApis() {
		String caseId = reportClue("officer1", "REFUSALS");
		assertProblem(call(HttpMethod.GET, "/cases/" + caseId, "enterprise1", null), 403);
		assertProblem(call(HttpMethod.GET, "/tasks", "enterprise1", null), 403);
		assertProblem(call(HttpMethod.POST, "/clues", "enterprise1", clue("X")), 403);
		assertProblem(callAsIntegrator(HttpMethod.GET, "/tasks", null), 403);
		assertProblem(callAsIntegrator(HttpMethod.POST, "/clues", clue("X")), 403);
		assertProblem(call(HttpMethod.GET, "/statistics/case-load", "officer1", null), 403);
		assertProblem(call(HttpMethod.PUT, "/calendars/2027", "officer1", "{}"), 403);
		assertProblem(call(HttpMethod.POST, "/integrations/clues", "officer1", clue("X")), 403);
		assertProblem(call(HttpMethod.GET, "/calendars", "enterprise1", null), 403);
		assertProblem(call(HttpMethod.PUT, "/calendars/2027", "admin1", "{\"year\": 2027, " + "\"x\": \"" + "y".repeat(17_000)
				+ "\"}"), 400);
		assertProblem(call(HttpMethod.PUT, "/calendars/2027", "admin1", "{\"year\": 2026, \"holidays\": []}"), 400);
	}

	@Test
	void anIntegratorPushesAClueOnceHoweverOftenItIsResent() {
		// a clue id of this run: the engine database of the test stack may outlive a run
		String body = """
				{"clueId": "%s", "source": "INTEGRATOR", "enterpriseUscc": "%s",
				 "problemType": "ODOUR", "description": "N+1 platform: odour complaints cluster", "clientReference": "N1-88"}
				""".formatted(java.util.UUID.randomUUID(), ENTERPRISE_1);
		Reply first = callAsIntegrator(HttpMethod.POST, "/integrations/clues", body);
		Reply again = callAsIntegrator(HttpMethod.POST, "/integrations/clues", body);
		assertThat(first.status()).isEqualTo(201);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().get("caseId").asText()).isEqualTo(first.json().get("caseId").asText());
	}

	@Test
	void badCluesAreRefusedWithProblemJsonAndOpenNoCase() {
		int before = caseCount();
		assertThat(assertProblem(call(HttpMethod.POST, "/clues", "officer1", """
				{"source": "COMPLAINT", "enterpriseUscc": "914403040000DM001X", "problemType": "SMOKE",
				 "description": "d"}"""), 400).get("detail").asText()).contains("unified social credit code");
		assertThat(assertProblem(call(HttpMethod.POST, "/clues", "officer1", """
				{"source": "COMPLAINT", "enterpriseUscc": "%s", "description": "no problem type"}"""
			.formatted(ENTERPRISE_1)), 400).toString()).contains("problemType");
		assertProblem(call(HttpMethod.POST, "/clues", "officer1", "{\"source\": \"COMPLAINT\", "), 400);
		assertProblem(call(HttpMethod.POST, "/clues", "officer1", """
				{"source": "NEWSPAPER", "enterpriseUscc": "%s", "problemType": "SMOKE", "description": "d"}"""
			.formatted(ENTERPRISE_1)), 400);
		assertProblem(call(HttpMethod.POST, "/clues", "officer1", """
				{"source": "COMPLAINT", "problemType": "SMOKE", "description": "neither who nor where"}"""), 400);
		assertThat(assertProblem(call(HttpMethod.POST, "/clues", "officer1", """
				{"source": "COMPLAINT", "enterpriseUscc": "%s", "problemType": "SMOKE", "description": "d",
				 "district": "440305"}""".formatted(ENTERPRISE_1)), 403).get("detail").asText())
			.contains("own district");
		assertProblem(call(HttpMethod.POST, "/clues", "officer1", """
				{"source": "COMPLAINT", "enterpriseUscc": "%s", "problemType": "SMOKE", "description": "d",
				 "drawId": "DRAW-1", "drawnOfficers": ["officer2"]}""".formatted(ENTERPRISE_1)), 403);
		assertThat(caseCount()).isEqualTo(before);
	}

	@Test
	void onlyTheAssigneeCompletesATaskOnceAndABadRecordChangesNothing() throws Exception {
		String caseId = reportClue("officer1", "TASKS");
		answerEnterpriseMatch(caseId);
		Task task = awaitTask(caseId, ProcessConstants.TASK_INSPECT_ON_SITE);
		String verification = "/tasks/" + task.getId() + "/verification";
		String unfounded = """
				{"finding": "UNFOUNDED", "findings": "nothing seen", "dismissalReason": "UNFOUNDED",
				 "dismissalExplanation": "two visits, no dust"}""";

		assertThat(call(HttpMethod.GET, "/tasks?scope=group", "officer1", null).body()).contains(task.getId());
		assertThat(call(HttpMethod.GET, "/tasks?scope=group", "officer2", null).body()).doesNotContain(task.getId());
		// the case page's filter: this case's tasks only, and only within what the caller's scope shows
		String otherCase = reportClue("officer1", "OTHER_CASE");
		answerEnterpriseMatch(otherCase);
		String otherTask = awaitTask(otherCase, ProcessConstants.TASK_INSPECT_ON_SITE).getId();
		String ofTheCase = call(HttpMethod.GET, "/tasks?scope=all&caseId=" + caseId, "officer1", null).body();
		assertThat(ofTheCase).contains(task.getId()).contains("\"total\":1").doesNotContain(otherTask);
		assertThat(call(HttpMethod.GET, "/tasks?scope=all&caseId=" + caseId, "officer2", null).body())
			.doesNotContain(task.getId()).contains("\"total\":0");
		assertProblem(call(HttpMethod.GET, "/tasks?caseId=" + "X".repeat(65), "officer1", null), 400);
		assertProblem(call(HttpMethod.POST, "/tasks/" + task.getId() + "/claim", "officer2", ""), 404);
		assertProblem(call(HttpMethod.POST, verification, "officer1", unfounded), 409);
		assertThat(call(HttpMethod.GET, "/tasks?status=unclaimed", "officer1", null).body()).contains(task.getId());
		assertProblem(call(HttpMethod.GET, "/tasks?status=forgotten", "officer1", null), 400);
		assertThat(call(HttpMethod.POST, "/tasks/" + task.getId() + "/claim", "officer1", "").status()).isEqualTo(200);
		assertThat(call(HttpMethod.GET, "/tasks?scope=mine&status=claimed", "officer1", null).body())
			.contains(task.getId());
		assertThat(call(HttpMethod.GET, "/tasks?status=unclaimed", "officer1", null).body())
			.doesNotContain(task.getId());
		assertProblem(call(HttpMethod.POST, verification, "officer2", unfounded), 404);
		assertProblem(call(HttpMethod.POST, verification, "officer1", """
				{"finding": "VIOLATION_CONFIRMED", "findings": "no legal basis given"}"""), 400);
		assertProblem(call(HttpMethod.POST, verification, "officer1", """
				{"finding": "UNFOUNDED", "findings": "no reason given"}"""), 400);
		assertProblem(call(HttpMethod.POST, verification, "officer1", """
				{"finding": "UNFOUNDED", "findings": "x", "dismissalReason": "UNFOUNDED", "dismissalExplanation": "x",
				 "location": {"latitude": 91, "longitude": 0}}"""), 400);
		assertProblem(call(HttpMethod.POST, "/tasks/" + task.getId() + "/rectification-review", "officer1",
				"{\"accepted\": true}"), 409);
		assertThat(this.tasks.createTaskQuery().taskId(task.getId()).count()).as("the task is still open").isOne();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM wf_inspection_record WHERE case_id = ?",
				Integer.class, caseId)).isZero();

		assertThat(call(HttpMethod.POST, verification, "officer1", unfounded).status()).isEqualTo(200);
		assertProblem(call(HttpMethod.POST, verification, "officer1", unfounded), 409);
		assertProblem(call(HttpMethod.POST, "/tasks/no-such-task/verification", "officer1", unfounded), 404);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.jdbc.queryForObject("SELECT status FROM wf_case WHERE case_id = ?",
					String.class, caseId)).isEqualTo("DISMISSED"));
	}

	@Test
	void aSubmissionForAnotherEnterprisesCaseIsDeadLetteredWithItsReason() throws Exception {
		String caseId = reportClue("officer1", "SUBMIT");
		RectificationSubmitted forged = new RectificationSubmitted(caseId, "914403050000DM0029", "ORDER-X", 1,
				"SUB-" + System.nanoTime(), List.of(), "done", null, OffsetDateTime.now(), "enterprise2");
		MessageProperties properties = new MessageProperties();
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		this.rabbit.send(Exchanges.EVENTS, RectificationSubmitted.TYPE,
				MessageBuilder.withBody(this.json.writeValueAsBytes(Envelope.of(RectificationSubmitted.TYPE,
						"/inspectflow/enterprise-service", caseId, forged, caseId, null, null)))
					.andProperties(properties)
					.build());
		Message dead = await().atMost(Duration.ofSeconds(30))
			.until(() -> this.rabbit.receive(Queues.deadLetterQueue(Queues.WORKFLOW_SUBMISSIONS)),
					(message) -> message != null && new String(message.getBody(), StandardCharsets.UTF_8).contains(caseId));
		Object reason = dead.getMessageProperties().getHeader(Inbox.REASON_HEADER);
		assertThat(String.valueOf(reason)).contains("not about enterprise 914403050000DM0029");
		assertThat(this.jdbc.queryForObject("SELECT status FROM wf_case WHERE case_id = ?", String.class, caseId))
			.isIn("REPORTED", "VERIFYING");
	}

	@Test
	void aSupervisorSeesTheCityFiguresAndOnlyItsCity() {
		reportClue("officer1", "STATS");
		assertThat(call(HttpMethod.GET, "/statistics/case-load", "supervisor1", null).json().toString())
			.contains("440304");
		assertProblem(call(HttpMethod.GET, "/statistics/case-load?district=110105", "supervisor1", null), 403);
		assertThat(call(HttpMethod.GET, "/statistics/officer-activity", "supervisor1", null).status()).isEqualTo(200);
	}

	@Test
	void onlyAnAdminReachesTheEngineRestApi() {
		Reply engines = call(HttpMethod.GET, "/engine-rest/engine", "admin1", null);
		assertThat(engines.status()).as(engines.body()).isEqualTo(200);
		assertThat(engines.body()).contains("default");
		assertThat(call(HttpMethod.GET, "/engine-rest/process-definition/count", "admin1", null).json().get("count")
			.asInt()).isGreaterThanOrEqualTo(2);
		assertProblem(call(HttpMethod.GET, "/engine-rest/engine", "officer1", null), 403);
		assertProblem(call(HttpMethod.GET, "/engine-rest/engine", "supervisor1", null), 403);
		assertProblem(callAsIntegrator(HttpMethod.GET, "/engine-rest/engine", null), 403);
	}

	@Test
	void theOpenApiDescriptionListsTheEndpointsForSignedInUsers() {
		Reply docs = call(HttpMethod.GET, "/v3/api-docs", "officer1", null);
		assertThat(docs.status()).as(docs.body()).isEqualTo(200);
		assertThat(docs.json().get("paths").fieldNames()).toIterable()
			.contains("/clues", "/integrations/clues", "/tasks", "/tasks/{taskId}/verification",
					"/cases/{caseId}/timeline", "/cases/{caseId}/diagram", "/statistics/case-load");
		assertProblem(call(HttpMethod.GET, "/v3/api-docs", "enterprise1", null), 403);
	}

	private String reportClue(String officer, String problemType) {
		Reply reply = call(HttpMethod.POST, "/clues", officer, clue(problemType + "_" + System.nanoTime()));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		return reply.json().get("caseId").asText();
	}

	private static String clue(String problemType) {
		return """
				{"source": "COMPLAINT", "enterpriseUscc": "%s", "problemType": "%s", "severity": "GENERAL",
				 "description": "12369: dust from the yard"}""".formatted(ENTERPRISE_1, problemType);
	}

	private void answerEnterpriseMatch(String caseId) throws Exception {
		Envelope<EnterpriseMatchResult> reply = Envelope.of(EnterpriseMatchResult.TYPE,
				"/inspectflow/enterprise-service", caseId, new EnterpriseMatchResult(caseId, true, ENTERPRISE_1,
						RiskTier.LOW, false, MatchMethod.USCC, "440304", "440300"),
				caseId, null, null);
		MessageProperties properties = new MessageProperties();
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		this.rabbit.send(Exchanges.COMMANDS, EnterpriseMatchResult.TYPE,
				MessageBuilder.withBody(this.json.writeValueAsBytes(reply)).andProperties(properties).build());
	}

	private Task awaitTask(String caseId, String taskKey) {
		return await().atMost(Duration.ofSeconds(60)).until(() -> this.tasks.createTaskQuery()
			.processInstanceBusinessKey(caseId)
			.taskDefinitionKey(taskKey)
			.singleResult(), (found) -> found != null);
	}

	private int caseCount() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM wf_case", Integer.class);
	}

	private com.fasterxml.jackson.databind.JsonNode assertProblem(Reply reply, int status) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(status);
		assertThat(reply.contentType()).as("content type of " + reply.body())
			.isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		return reply.json();
	}

	private Reply call(HttpMethod method, String path, String user, String body) {
		return exchange(method, path, Keycloak.userToken(user), body);
	}

	private Reply callAsIntegrator(HttpMethod method, String path, String body) {
		return exchange(method, path, Keycloak.integratorToken(), body);
	}

	private Reply exchange(HttpMethod method, String path, String token, String body) {
		RestClient.RequestBodySpec request = RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.defaultStatusHandler((status) -> true, (req, response) -> {
			})
			.build()
			.method(method)
			.uri(path)
			.headers((headers) -> headers.setBearerAuth(token));
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).body(body);
		}
		return request.exchange((req, response) -> new Reply(response.getStatusCode().value(), response.getHeaders(),
				new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
	}

}
