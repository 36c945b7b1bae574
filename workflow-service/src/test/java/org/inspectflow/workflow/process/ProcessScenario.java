package org.inspectflow.workflow.process;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.inspectflow.contracts.Envelope;
import org.inspectflow.contracts.MatchMethod;
import org.inspectflow.contracts.RiskTier;
import org.inspectflow.contracts.commands.EnterpriseMatchResult;
import org.inspectflow.contracts.commands.FirstOffenceResult;
import org.inspectflow.contracts.events.RectificationSubmitted;
import org.inspectflow.support.messaging.MalformedMessageException;
import org.inspectflow.support.messaging.MessageSchemas;
import org.inspectflow.workflow.messaging.WorkflowListeners;
import org.inspectflow.workflow.rectification.RectificationService;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.impl.util.ClockUtil;
import org.operaton.bpm.engine.runtime.Job;
import org.operaton.bpm.engine.task.Task;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Drives a case through the real entry points (the HTTP API for people, the inbox for replies) and reads what the
 * process sent (the outbox): what a process test needs, in the words of the domain.
 */
public final class ProcessScenario {

	public static final String ENTERPRISE_1 = "914403040000DM001P";

	public static final RequestPostProcessor OFFICER_1 = user("officer1", "officer", "440304", null);

	public static final RequestPostProcessor OFFICER_2 = user("officer2", "officer", "440305", null);

	public static final RequestPostProcessor SUPERVISOR_1 = user("supervisor1", "supervisor", null, null);


	private final MockMvc http;

	private final ObjectMapper json;

	private final JdbcTemplate jdbc;

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final ManagementService management;

	private final HistoryService history;

	private final WorkflowListeners listeners;

	private final MessageSchemas schemas;

	private final RectificationService rectifications;

	private final TransactionTemplate transactions;

	public ProcessScenario(MockMvc http, ObjectMapper json, JdbcTemplate jdbc, RuntimeService runtime,
			TaskService tasks, ManagementService management, HistoryService history, WorkflowListeners listeners,
			MessageSchemas schemas, RectificationService rectifications, PlatformTransactionManager transactions) {
		this.schemas = schemas;
		this.rectifications = rectifications;
		this.transactions = new TransactionTemplate(transactions);
		this.http = http;
		this.json = json;
		this.jdbc = jdbc;
		this.runtime = runtime;
		this.tasks = tasks;
		this.management = management;
		this.history = history;
		this.listeners = listeners;
	}

	public static RequestPostProcessor user(String name, String role, String district, String enterpriseId) {
		return jwt().jwt((token) -> {
			token.claim("preferred_username", name).claim("roles", List.of(role)).claim("city", "440300");
			if (district != null) {
				token.claim("district", district);
			}
			if (enterpriseId != null) {
				token.claim("enterprise_id", enterpriseId);
			}
		}).authorities(new SimpleGrantedAuthority("ROLE_" + role));
	}

	public ProcessAssert assertThatCase(String caseId) {
		return ProcessAssert.assertThatCase(caseId, this.runtime, this.history);
	}

	public ProcessAssert assertThatPenaltyCase(String caseId) {
		return ProcessAssert.assertThatPenaltyCase(caseId, this.runtime, this.history);
	}

	/** An officer of 440304 reports a complaint about enterprise 1; returns the case id. */
	public String reportComplaint(String problemType) throws Exception {
		return reportClue(OFFICER_1, """
				{"source": "COMPLAINT", "enterpriseUscc": "%s", "problemType": "%s", "severity": "GENERAL",
				 "description": "12369 hotline: black smoke from the boiler stack at night"}
				""".formatted(ENTERPRISE_1, problemType));
	}

	public String reportClue(RequestPostProcessor who, String body) throws Exception {
		String response = send(post("/clues"), who, body).andReturn().getResponse().getContentAsString();
		JsonNode opened = this.json.readTree(response);
		assertThat(opened.path("caseId").asText()).as("clue intake answered %s", response).startsWith("CASE-");
		return opened.get("caseId").asText();
	}

	public ResultActions send(MockHttpServletRequestBuilder request, RequestPostProcessor who, String body)
			throws Exception {
		return this.http.perform(request.with(who).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	public ResultActions get(String path, RequestPostProcessor who) throws Exception {
		return this.http.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
			.with(who));
	}

	/** Runs every job that is due on the engine's clock (async steps, timers), until none is left. */
	public void runJobs() {
		for (int round = 0; round < 200; round++) {
			// one at a time, earliest first: a job may remove others (an overdue timer cancels the reminder)
			List<Job> due = this.management.createJobQuery().executable().orderByJobDuedate().asc().listPage(0, 1);
			if (due.isEmpty()) {
				return;
			}
			this.management.executeJob(due.get(0).getId());
		}
		throw new AssertionError("jobs keep coming after 200 runs");
	}

	/** Moves the engine's clock (timers fire when {@link #runJobs()} runs next). */
	public void clockAt(Instant instant) {
		ClockUtil.setCurrentTime(Date.from(instant));
	}

	public Date variableDate(String caseId, String name) {
		return (Date) this.runtime.getVariable(instanceId(caseId), name);
	}

	public Object variable(String caseId, String name) {
		return this.runtime.getVariable(instanceId(caseId), name);
	}

	private String instanceId(String caseId) {
		return this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(caseId)
			.processDefinitionKey(ProcessConstants.CASE_HANDLING_PROCESS)
			.singleResult()
			.getId();
	}

	/** enterprise-service answers the match: enterprise 1 of 440304, with this risk tier; the reply's id. */
	public String enterpriseMatched(String caseId, RiskTier tier, boolean positiveList) {
		return reply(caseId, EnterpriseMatchResult.TYPE, new EnterpriseMatchResult(caseId, true, ENTERPRISE_1, tier,
				positiveList, MatchMethod.USCC, "440304", "440300"));
	}

	/** enterprise-service answers the look-back; the reply's id. */
	public String firstOffenceChecked(String caseId, boolean first, String... previousCases) {
		return reply(caseId, FirstOffenceResult.TYPE, new FirstOffenceResult(caseId, first, List.of(previousCases)));
	}

	/** enterprise-service's reply, through the inbox; its id. */
	public String reply(String caseId, String type, Object data) {
		Envelope<Object> envelope = Envelope.of(type, "/inspectflow/enterprise-service", caseId, data, caseId, null,
				null);
		try {
			this.listeners.onReply(new Message(this.json.writeValueAsBytes(envelope), new MessageProperties()));
			return envelope.id();
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public Task task(String caseId, String taskKey) {
		List<Task> found = this.tasks.createTaskQuery().processInstanceBusinessKey(caseId)
			.taskDefinitionKey(taskKey).list();
		assertThat(found).as("open %s of case %s", taskKey, caseId).hasSize(1);
		return found.get(0);
	}

	/** officer 1 claims the task. */
	public String claim(String caseId, String taskKey) throws Exception {
		String taskId = task(caseId, taskKey).getId();
		send(post("/tasks/" + taskId + "/claim"), OFFICER_1, "").andExpect(
				org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());
		return taskId;
	}

	/** officer 1 claims the on-site inspection and records a confirmed violation of this type. */
	public void inspectAndConfirm(String caseId, String violationType, String severity) throws Exception {
		String taskId = claim(caseId, ProcessConstants.TASK_INSPECT_ON_SITE);
		send(post("/tasks/" + taskId + "/verification"), OFFICER_1, """
				{"finding": "VIOLATION_CONFIRMED", "findings": "boiler runs without its desulphurisation unit",
				 "violationType": "%s", "legalBasis": "《大气污染防治法》第九十九条", "severity": "%s",
				 "evidenceIds": ["EV-1", "EV-2"], "location": {"latitude": 22.54, "longitude": 114.06}}
				""".formatted(violationType, severity))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());
	}

	/** enterprise 1 submits proof for the open order, through its portal (enterprise-service publishes it). */
	public void submitProof(String caseId) {
		String orderId = (String) caseRow(caseId).get("ORDER_ID");
		submission(caseId, orderId, ENTERPRISE_1);
	}

	public void submission(String caseId, String orderId, String enterpriseUscc) {
		Envelope<Object> envelope = Envelope.of(RectificationSubmitted.TYPE, "/inspectflow/enterprise-service", caseId,
				submitted(caseId, orderId, enterpriseUscc), caseId, null, null);
		try {
			this.listeners.onSubmission(new Message(this.json.writeValueAsBytes(envelope), new MessageProperties()));
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The reason a submission is refused (the inbox dead-letters it with this reason), or null when it is taken. */
	public String refusalOf(String caseId, String orderId, String enterpriseUscc) {
		try {
			this.transactions.executeWithoutResult((status) -> this.rectifications
				.receive(java.util.UUID.randomUUID().toString(), submitted(caseId, orderId, enterpriseUscc)));
			return null;
		}
		catch (MalformedMessageException ex) {
			return ex.getMessage();
		}
	}

	private static RectificationSubmitted submitted(String caseId, String orderId, String enterpriseUscc) {
		return new RectificationSubmitted(caseId, enterpriseUscc, orderId, 1,
				"SUB-" + java.util.UUID.randomUUID(), List.of("EV-10"), "desulphurisation unit repaired and running",
				java.time.LocalDate.of(2026, 3, 12), java.time.OffsetDateTime.parse("2026-03-12T10:00:00+08:00"),
				"enterprise1");
	}

	/** officer 1 reviews the submission (the review task comes to the officer who verified). */
	public void review(String caseId, boolean accept) throws Exception {
		String taskId = task(caseId, ProcessConstants.TASK_REVIEW_RECTIFICATION).getId();
		String body = accept ? """
				{"accepted": true, "comment": "unit running, readings normal"}
				""" : """
				{"accepted": false, "reasons": ["no monitoring data after the repair", "photo does not show the unit"]}
				""";
		send(post("/tasks/" + taskId + "/rectification-review"), OFFICER_1, body)
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isNoContent());
	}

	/**
	 * The types of what the case sent (events and commands), in order; each message is checked against its schema
	 * in the AsyncAPI file, as its consumers will check it.
	 */
	public List<String> sent(String caseId) {
		List<Map<String, Object>> rows = this.jdbc.queryForList(
				"SELECT type, body FROM inspectflow_outbox WHERE subject = ? ORDER BY seq", caseId);
		for (Map<String, Object> row : rows) {
			try {
				this.schemas.check((String) row.get("type"), this.json.readTree(row.get("body").toString()));
			}
			catch (Exception ex) {
				throw new AssertionError(row.get("type") + " of case " + caseId + " fails its schema: "
						+ ex.getMessage() + "\n" + row.get("body"), ex);
			}
		}
		return rows.stream().map((row) -> (String) row.get("type")).toList();
	}

	/** The data of the last message of this type the case sent. */
	public JsonNode lastSent(String caseId, String type) throws Exception {
		return lastEnvelope(caseId, type).get("data");
	}

	/** The last message of this type the case sent, envelope and all. */
	public JsonNode lastEnvelope(String caseId, String type) throws Exception {
		List<String> bodies = this.jdbc.queryForList(
				"SELECT body FROM inspectflow_outbox WHERE subject = ? AND type = ? ORDER BY seq DESC", String.class,
				caseId, type);
		assertThat(bodies).as("%s sent by case %s", type, caseId).isNotEmpty();
		return this.json.readTree(bodies.get(0).getBytes(StandardCharsets.UTF_8));
	}

	public Map<String, Object> caseRow(String caseId) {
		return this.jdbc.queryForMap("SELECT * FROM wf_case WHERE case_id = ?", caseId);
	}

}
