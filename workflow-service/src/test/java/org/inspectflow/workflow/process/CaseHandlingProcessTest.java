package org.inspectflow.workflow.process;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.inspectflow.contracts.RiskTier;
import org.inspectflow.contracts.commands.CheckFirstOffence;
import org.inspectflow.contracts.commands.MatchEnterprise;
import org.inspectflow.contracts.commands.SendNotification;
import org.inspectflow.contracts.events.CaseClosed;
import org.inspectflow.contracts.events.ClueDismissed;
import org.inspectflow.contracts.events.ClueMerged;
import org.inspectflow.contracts.events.ClueReported;
import org.inspectflow.contracts.events.ClueTriaged;
import org.inspectflow.contracts.events.InspectionAssigned;
import org.inspectflow.contracts.events.InspectionRecorded;
import org.inspectflow.contracts.events.PenaltyCaseOpened;
import org.inspectflow.contracts.events.RectificationAccepted;
import org.inspectflow.contracts.events.RectificationOrdered;
import org.inspectflow.contracts.events.RectificationOverdue;
import org.inspectflow.contracts.events.RectificationRejected;
import org.inspectflow.contracts.events.RectificationReminderDue;
import org.inspectflow.workflow.messaging.WorkflowListeners;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.impl.util.ClockUtil;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.inspectflow.workflow.process.ProcessConstants.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every path of {@code CaseHandlingProcess} on the embedded engine (H2), started through the real API, with the
 * replies of enterprise-service fed through workflow-service's inbox, and each step's commands and events read from
 * the outbox. The job executor is off: the test runs due jobs and moves the engine's clock to fire timers.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:process-test;DB_CLOSE_DELAY=-1",
		"operaton.bpm.job-execution.enabled=false", "spring.rabbitmq.listener.simple.auto-startup=false",
		"spring.rabbitmq.listener.direct.auto-startup=false", "inspectflow.messaging.outbox-relay.enabled=false",
		"inspectflow.workflow.scheduling.enabled=false",
		"management.endpoint.health.group.readiness.include=readinessState,db,processEngine" })
@AutoConfigureMockMvc
class CaseHandlingProcessTest {

	static final WireMockServer MONITORING = new WireMockServer(options().dynamicPort());

	static {
		MONITORING.start();
	}

	@DynamicPropertySource
	static void monitoringPlatform(DynamicPropertyRegistry registry) {
		registry.add("inspectflow.workflow.monitoring.base-url", MONITORING::baseUrl);
	}

	@AfterAll
	static void stopMonitoring() {
		MONITORING.stop();
	}

	@Autowired
	MockMvc http;

	@Autowired
	ObjectMapper json;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	HistoryService history;

	@Autowired
	WorkflowListeners listeners;

	@Autowired
	ProcessMessages messages;

	@Autowired
	org.inspectflow.support.messaging.MessageSchemas schemas;

	@Autowired
	org.inspectflow.workflow.rectification.RectificationService rectifications;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactionManager;

	ProcessScenario scenario;

	@BeforeEach
	void setUp() {
		// a Tuesday in an ordinary week of 2026, 10:00 in China
		ClockUtil.setCurrentTime(java.util.Date.from(Instant.parse("2026-03-10T02:00:00Z")));
		this.scenario = new ProcessScenario(this.http, this.json, this.jdbc, this.runtime, this.tasks,
				this.management, this.history, this.listeners, this.schemas, this.rectifications,
				this.transactionManager);
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	/** A problem type of this test only: the cases of other tests (same enterprise) stay open beside it. */
	static String unique(String problemType) {
		return problemType + "_" + SEQUENCE.incrementAndGet();
	}

	static final java.util.concurrent.atomic.AtomicInteger SEQUENCE = new java.util.concurrent.atomic.AtomicInteger();

	/** Reported, matched, waiting for an on-site inspection by the district. */
	String caseWaitingForInspection(String problemType, RiskTier tier) throws Exception {
		return caseWaitingForInspectionOf(unique(problemType), tier);
	}

	String caseWaitingForInspectionOf(String problemType, RiskTier tier) throws Exception {
		String caseId = this.scenario.reportComplaint(problemType);
		this.scenario.runJobs();
		assertThat(this.scenario.sent(caseId)).containsExactly(ClueReported.TYPE, MatchEnterprise.TYPE);
		this.scenario.assertThatCase(caseId).isWaitingAt(TASK_WAIT_FOR_ENTERPRISE_MATCH);
		this.scenario.enterpriseMatched(caseId, tier, false);
		this.scenario.assertThatCase(caseId).isWaitingAt(TASK_INSPECT_ON_SITE);
		return caseId;
	}

	/** ... inspected, violation confirmed, look-back answered: waiting for the enterprise's submission. */
	String caseWaitingForRectification(String problemType, boolean firstOffence) throws Exception {
		return caseWaitingForRectification(problemType, "BOILER_DESULPHURISATION_OFF", firstOffence);
	}

	String caseWaitingForRectification(String problemType, String violationType, boolean firstOffence)
			throws Exception {
		String caseId = caseWaitingForInspection(problemType, RiskTier.MEDIUM);
		this.scenario.inspectAndConfirm(caseId, violationType, "MINOR");
		this.scenario.runJobs();
		this.scenario.assertThatCase(caseId).isWaitingAt(TASK_WAIT_FOR_FIRST_OFFENCE_RESULT);
		this.scenario.firstOffenceChecked(caseId, firstOffence);
		this.scenario.assertThatCase(caseId).isWaitingAlsoAt(TASK_WAIT_FOR_RECTIFICATION);
		return caseId;
	}

	@Test
	void everyMessageOfACaseCarriesItsConversationAndNamesTheMessageThatCausedIt() throws Exception {
		String caseId = this.scenario.reportComplaint(unique("SO2_EMISSION"));
		this.scenario.runJobs();
		String matched = this.scenario.enterpriseMatched(caseId, RiskTier.MEDIUM, false);
		this.scenario.inspectAndConfirm(caseId, "BOILER_DESULPHURISATION_OFF", "MINOR");
		this.scenario.runJobs();
		String checked = this.scenario.firstOffenceChecked(caseId, true);
		this.scenario.assertThatCase(caseId).isWaitingAlsoAt(TASK_WAIT_FOR_RECTIFICATION);

		// opened by a request: the case is its own conversation
		for (String type : this.scenario.sent(caseId)) {
			assertThat(this.scenario.lastEnvelope(caseId, type).get("correlationid").asText()).as(type)
				.isEqualTo(caseId);
		}
		assertThat(causeOf(caseId, ClueReported.TYPE)).as("an officer reported it").isNull();
		assertThat(causeOf(caseId, MatchEnterprise.TYPE)).as("the engine's own continuation").isNull();
		assertThat(causeOf(caseId, ClueTriaged.TYPE)).isEqualTo(matched);
		assertThat(causeOf(caseId, InspectionAssigned.TYPE)).isEqualTo(matched);
		assertThat(causeOf(caseId, InspectionRecorded.TYPE)).as("an officer recorded it").isNull();
		assertThat(causeOf(caseId, RectificationOrdered.TYPE)).isEqualTo(checked);
	}

	private String causeOf(String caseId, String type) throws Exception {
		var cause = this.scenario.lastEnvelope(caseId, type).get("causationid");
		return cause == null || cause.isNull() ? null : cause.asText();
	}

	@Test
	void anUnfoundedClueIsDismissedWithItsReason() throws Exception {
		String caseId = caseWaitingForInspection("BLACK_SMOKE", RiskTier.LOW);
		String taskId = this.scenario.claim(caseId, TASK_INSPECT_ON_SITE);
		this.scenario.send(post("/tasks/" + taskId + "/verification"), ProcessScenario.OFFICER_1, """
				{"finding": "UNFOUNDED", "findings": "stack clean during two night visits",
				 "dismissalReason": "UNFOUNDED", "dismissalExplanation": "no emission seen"}
				""").andExpect(status().isOk());

		this.scenario.assertThatCase(caseId).isEndedAt("EndEvent_ClueDismissed");
		assertThat(this.scenario.sent(caseId)).containsExactly(ClueReported.TYPE, MatchEnterprise.TYPE,
				ClueTriaged.TYPE, InspectionAssigned.TYPE, InspectionRecorded.TYPE, ClueDismissed.TYPE);
		assertThat(this.scenario.lastSent(caseId, ClueDismissed.TYPE).get("reason").asText()).isEqualTo("UNFOUNDED");
		assertThat(this.scenario.caseRow(caseId).get("STATUS")).isEqualTo("DISMISSED");
	}

	@Test
	void aSecondClueAboutTheSameOpenProblemIsMergedIntoTheOpenCase() throws Exception {
		String problem = unique("WASTEWATER_EXCEEDANCE");
		String open = caseWaitingForInspectionOf(problem, RiskTier.LOW);
		String duplicate = this.scenario.reportComplaint(problem);
		this.scenario.runJobs();
		this.scenario.enterpriseMatched(duplicate, RiskTier.LOW, false);

		this.scenario.assertThatCase(duplicate).isEndedAt("EndEvent_ClueMerged");
		assertThat(this.scenario.sent(duplicate)).containsExactly(ClueReported.TYPE, MatchEnterprise.TYPE,
				ClueMerged.TYPE);
		assertThat(this.scenario.lastSent(duplicate, ClueMerged.TYPE).get("intoCaseId").asText()).isEqualTo(open);
		this.scenario.assertThatCase(open).isWaitingAt(TASK_INSPECT_ON_SITE);
	}

	@Test
	void aRectificationAcceptedAtTheFirstReviewClosesTheCase() throws Exception {
		String caseId = caseWaitingForRectification("SO2_EMISSION", true);
		assertThat(this.scenario.lastSent(caseId, CheckFirstOffence.TYPE).get("violationType").asText())
			.isEqualTo("BOILER_DESULPHURISATION_OFF");
		// ordered on Tue 10 Mar 2026: 10 working days → Tue 24 Mar
		assertThat(this.scenario.lastSent(caseId, RectificationOrdered.TYPE).get("deadline").asText())
			.isEqualTo("2026-03-24");
		this.scenario.submitProof(caseId);
		this.scenario.assertThatCase(caseId).isWaitingAt(TASK_REVIEW_RECTIFICATION);
		assertThat(this.scenario.task(caseId, TASK_REVIEW_RECTIFICATION).getAssignee()).isEqualTo("officer1");
		this.scenario.review(caseId, true);

		this.scenario.assertThatCase(caseId)
			.isEndedAt("EndEvent_CaseClosed")
			.hasPassedInOrder("Task_DecideFirstOffenceExemption", "Task_OrderRectification", TASK_WAIT_FOR_RECTIFICATION,
					TASK_REVIEW_RECTIFICATION, "Task_AcceptRectification", "Task_CloseCase")
			.hasNotPassed(CALL_ACTIVITY_PENALTY_CASE);
		assertThat(this.scenario.sent(caseId)).containsSubsequence(InspectionRecorded.TYPE, CheckFirstOffence.TYPE,
				RectificationOrdered.TYPE, RectificationAccepted.TYPE, CaseClosed.TYPE);
		assertThat(this.scenario.caseRow(caseId).get("STATUS")).isEqualTo("CLOSED");
	}


	@Test
	void aRejectedSubmissionGetsANewDeadlineAndTheResubmissionIsAccepted() throws Exception {
		String caseId = caseWaitingForRectification("SO2_EMISSION", true);
		this.scenario.submitProof(caseId);
		this.scenario.review(caseId, false);

		this.scenario.assertThatCase(caseId).isWaitingAt(TASK_WAIT_FOR_RECTIFICATION);
		assertThat(this.scenario.sent(caseId)).containsSubsequence(RectificationOrdered.TYPE,
				RectificationRejected.TYPE, RectificationOrdered.TYPE);
		var secondOrder = this.scenario.lastSent(caseId, RectificationOrdered.TYPE);
		assertThat(secondOrder.get("round").asInt()).isEqualTo(2);
		assertThat(secondOrder.get("requirements").toString()).contains("no monitoring data after the repair");
		assertThat(this.scenario.lastSent(caseId, RectificationRejected.TYPE).get("escalated").asBoolean()).isFalse();

		this.scenario.submitProof(caseId);
		this.scenario.review(caseId, true);
		this.scenario.assertThatCase(caseId).isEndedAt("EndEvent_CaseClosed");
		assertThat(this.scenario.lastSent(caseId, RectificationAccepted.TYPE).get("round").asInt()).isEqualTo(2);
	}

	@Test
	void threeRejectedRoundsEscalateToReinspectionAndAPenaltyCase() throws Exception {
		String caseId = caseWaitingForRectification("SO2_EMISSION", true);
		for (int round = 1; round <= MAX_RECTIFICATION_ROUNDS; round++) {
			this.scenario.submitProof(caseId);
			this.scenario.review(caseId, false);
		}

		this.scenario.assertThatCase(caseId).isWaitingAt(TASK_REINSPECT_SITE, CALL_ACTIVITY_ESCALATION_PENALTY_CASE);
		this.scenario.assertThatPenaltyCase(caseId).isWaitingAt(TASK_FILE_PENALTY_CASE);
		assertThat(this.scenario.lastSent(caseId, RectificationRejected.TYPE).get("escalated").asBoolean()).isTrue();
		assertThat(this.scenario.lastSent(caseId, PenaltyCaseOpened.TYPE).get("grounds").asText())
			.isEqualTo("RECTIFICATION_ROUNDS_EXHAUSTED");
		assertThat(this.scenario.sent(caseId).stream().filter(RectificationOrdered.TYPE::equals)).hasSize(3);
		assertThat(this.scenario.caseRow(caseId).get("STATUS")).isEqualTo("ESCALATED");
	}

	@Test
	void anOverdueRectificationEscalatesAndOpensAPenaltyCaseThatMustCloseBeforeTheCase() throws Exception {
		String caseId = caseWaitingForRectification("SO2_EMISSION", true);
		Instant dueAt = this.scenario.variableDate(caseId, VAR_RECTIFICATION_DUE_AT).toInstant();
		// the deadline day (Tue 24 Mar) ends at midnight in China
		assertThat(dueAt).isEqualTo(Instant.parse("2026-03-24T16:00:00Z"));
		this.scenario.clockAt(dueAt.plus(Duration.ofMinutes(1)));
		this.scenario.runJobs();

		this.scenario.assertThatCase(caseId).isWaitingAt(TASK_REINSPECT_SITE, CALL_ACTIVITY_ESCALATION_PENALTY_CASE);
		assertThat(this.scenario.sent(caseId)).containsSubsequence(RectificationOrdered.TYPE,
				RectificationReminderDue.TYPE, RectificationOverdue.TYPE, PenaltyCaseOpened.TYPE);
		assertThat(this.scenario.lastSent(caseId, PenaltyCaseOpened.TYPE).get("grounds").asText())
			.isEqualTo("RECTIFICATION_OVERDUE");
		assertThat(this.scenario.lastSent(caseId, RectificationOverdue.TYPE).get("escalatedTo").asText())
			.isEqualTo("city:440300");

		String reinspection = this.scenario.claim(caseId, TASK_REINSPECT_SITE);
		this.scenario.send(post("/tasks/" + reinspection + "/reinspection"), ProcessScenario.OFFICER_1, """
				{"rectified": true, "findings": "unit repaired after the deadline", "evidenceIds": ["EV-20"]}
				""").andExpect(status().isNoContent());
		this.scenario.assertThatCase(caseId).isWaitingAt(CALL_ACTIVITY_ESCALATION_PENALTY_CASE);

		String filing = this.scenario.claim(caseId, TASK_FILE_PENALTY_CASE);
		this.scenario.send(post("/tasks/" + filing + "/penalty-filing"), ProcessScenario.OFFICER_1, """
				{"summary": "filed: rectification order ignored"}""").andExpect(status().isNoContent());
		String decision = this.scenario.claim(caseId, TASK_DECIDE_PENALTY);
		this.scenario.send(post("/tasks/" + decision + "/penalty-decision"), ProcessScenario.OFFICER_1, """
				{"decision": "fine under art. 99", "fineYuan": 100000}""").andExpect(status().isNoContent());

		this.scenario.assertThatPenaltyCase(caseId).isEndedAt("EndEvent_PenaltyCaseClosed");
		this.scenario.assertThatCase(caseId).isEndedAt("EndEvent_CaseClosed");
		assertThat(this.scenario.sent(caseId)).last().isEqualTo(CaseClosed.TYPE);
	}

	@Test
	void theReminderFiresTwoWorkingDaysBeforeTheDeadlineAndTheCaseKeepsWaiting() throws Exception {
		String caseId = caseWaitingForRectification("SO2_EMISSION", true);
		Instant remindAt = this.scenario.variableDate(caseId, VAR_RECTIFICATION_REMIND_AT).toInstant();
		// deadline Tue 24 Mar; two working days before: Fri 20 Mar, 09:00 in China
		assertThat(remindAt).isEqualTo(Instant.parse("2026-03-20T01:00:00Z"));
		this.scenario.clockAt(remindAt.minus(Duration.ofMinutes(1)));
		this.scenario.runJobs();
		assertThat(this.scenario.sent(caseId)).doesNotContain(RectificationReminderDue.TYPE);

		this.scenario.clockAt(remindAt.plus(Duration.ofMinutes(1)));
		this.scenario.runJobs();
		assertThat(this.scenario.sent(caseId)).last().isEqualTo(RectificationReminderDue.TYPE);
		var reminder = this.scenario.lastSent(caseId, RectificationReminderDue.TYPE);
		assertThat(reminder.get("deadline").asText()).isEqualTo("2026-03-24");
		assertThat(reminder.get("workingDaysLeft").asInt()).isEqualTo(3);
		this.scenario.assertThatCase(caseId).isWaitingAt(TASK_WAIT_FOR_RECTIFICATION);
	}

	@Test
	void aFirstOffenceOnTheProvincesListIsExemptFromPenalty() throws Exception {
		String caseId = caseWaitingForRectification("MONITORING", "MONITORING_DATA_GAP", true);
		assertThat(this.scenario.variable(caseId, VAR_PENALTY_DECISION)).isEqualTo("EXEMPT");
		this.scenario.assertThatCase(caseId).isWaitingAt(TASK_WAIT_FOR_RECTIFICATION)
			.hasNotPassed(CALL_ACTIVITY_PENALTY_CASE);
		assertThat(this.scenario.sent(caseId)).doesNotContain(PenaltyCaseOpened.TYPE);
	}

	@Test
	void aFirstViolationThatIsMoreThanMinorOpensAPenaltyCase() throws Exception {
		String caseId = caseWaitingForInspection("MONITORING", RiskTier.MEDIUM);
		this.scenario.inspectAndConfirm(caseId, "MONITORING_DATA_GAP", "GENERAL");
		this.scenario.runJobs();
		this.scenario.firstOffenceChecked(caseId, true);
		assertThat(this.scenario.variable(caseId, VAR_PENALTY_DECISION)).isEqualTo("PENALTY_CASE");
		this.scenario.assertThatCase(caseId).isWaitingAt(TASK_WAIT_FOR_RECTIFICATION, CALL_ACTIVITY_PENALTY_CASE);
		assertThat(this.scenario.lastSent(caseId, PenaltyCaseOpened.TYPE).get("grounds").asText())
			.isEqualTo("GENERAL_VIOLATION");
	}

	@Test
	void aRepeatedViolationOpensAPenaltyCaseBesideTheRectification() throws Exception {
		String caseId = caseWaitingForRectification("MONITORING", "MONITORING_DATA_GAP", false);
		assertThat(this.scenario.variable(caseId, VAR_PENALTY_DECISION)).isEqualTo("PENALTY_CASE");
		this.scenario.assertThatCase(caseId).isWaitingAt(TASK_WAIT_FOR_RECTIFICATION, CALL_ACTIVITY_PENALTY_CASE);
		this.scenario.assertThatPenaltyCase(caseId).isWaitingAt(TASK_FILE_PENALTY_CASE);
		assertThat(this.scenario.lastSent(caseId, PenaltyCaseOpened.TYPE).get("grounds").asText())
			.isEqualTo("REPEATED_VIOLATION");
	}

	@Test
	void aMonitoringAlarmIsVerifiedFromMonitoringDataAndClosedWithoutASiteVisit() throws Exception {
		MONITORING.stubFor(get(urlPathMatching("/api/monitoring/enterprises/" + ProcessScenario.ENTERPRISE_1
				+ "/readings")).willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
						{"enterpriseUscc": "%s", "readings": [
						  {"monitorId": "DA001", "pollutant": "SO2", "value": 212.5, "limit": 100, "unit": "mg/m3",
						   "at": "2026-03-10T01:00:00Z"},
						  {"monitorId": "DA001", "pollutant": "SO2", "value": 80.1, "limit": 100, "unit": "mg/m3",
						   "at": "2026-03-10T01:15:00Z"}]}
						""".formatted(ProcessScenario.ENTERPRISE_1))));
		String caseId = this.scenario.reportClue(ProcessScenario.OFFICER_1, """
				{"source": "ONLINE_MONITORING_ALARM", "enterpriseUscc": "%s", "problemType": "%s",
				 "description": "DA001 SO2 over the limit for 2 hours"}
				""".formatted(ProcessScenario.ENTERPRISE_1, unique("SO2_EXCEEDANCE")));
		this.scenario.runJobs();
		this.scenario.enterpriseMatched(caseId, RiskTier.MEDIUM, false);
		this.scenario.runJobs();
		this.scenario.assertThatCase(caseId).isWaitingAt(TASK_VERIFY_NON_SITE);
		assertThat(this.scenario.variable(caseId, "monitoringExceedances")).isEqualTo(1L);

		String taskId = this.scenario.claim(caseId, TASK_VERIFY_NON_SITE);
		this.scenario.send(post("/tasks/" + taskId + "/verification"), ProcessScenario.OFFICER_1, """
				{"finding": "VIOLATION_CONFIRMED", "findings": "SO2 212.5 mg/m3 against a limit of 100",
				 "violationType": "SO2_EXCEEDANCE", "legalBasis": "《大气污染防治法》第九十九条", "severity": "MINOR"}
				""").andExpect(status().isOk());
		this.scenario.runJobs();
		this.scenario.firstOffenceChecked(caseId, true);
		this.scenario.submitProof(caseId);
		this.scenario.review(caseId, true);

		this.scenario.assertThatCase(caseId).isEndedAt("EndEvent_CaseClosed")
			.hasPassed("Task_FetchMonitoringData", TASK_VERIFY_NON_SITE)
			.hasNotPassed(TASK_INSPECT_ON_SITE);
		assertThat(this.scenario.lastSent(caseId, InspectionRecorded.TYPE).get("mode").asText()).isEqualTo("NON_SITE");
		assertThat(this.scenario.caseRow(caseId).get("NON_SITE")).isEqualTo(true);
	}

	@Test
	void whenTheMonitoringPlatformDoesNotAnswerTheAlarmIsVerifiedOnSite() throws Exception {
		MONITORING.stubFor(get(urlPathMatching("/api/monitoring/enterprises/" + ProcessScenario.ENTERPRISE_1
				+ "/readings")).willReturn(aResponse().withStatus(503)));
		String caseId = this.scenario.reportClue(ProcessScenario.OFFICER_1, """
				{"source": "ONLINE_MONITORING_ALARM", "enterpriseUscc": "%s", "problemType": "%s",
				 "description": "DA001 SO2 over the limit"}
				""".formatted(ProcessScenario.ENTERPRISE_1, unique("SO2_EXCEEDANCE")));
		this.scenario.runJobs();
		this.scenario.enterpriseMatched(caseId, RiskTier.MEDIUM, false);
		this.scenario.runJobs();

		this.scenario.assertThatCase(caseId).isWaitingAt(TASK_INSPECT_ON_SITE).hasNotPassed(TASK_VERIFY_NON_SITE);
		MONITORING.resetAll();
	}

	@Test
	void aReplyThatComesBeforeTheProcessWaitsIsKeptAndDelivered() throws Exception {
		String caseId = caseWaitingForInspection("SO2_EMISSION", RiskTier.MEDIUM);
		this.scenario.inspectAndConfirm(caseId, "BOILER_DESULPHURISATION_OFF", "MINOR");
		// the look-back is not even requested yet (the request is an async step)
		this.scenario.assertThatCase(caseId).isWaitingAt("Task_RequestFirstOffenceCheck");
		this.scenario.firstOffenceChecked(caseId, true);
		assertThat(keptMessages(caseId)).isEqualTo(1);

		this.scenario.runJobs();
		this.scenario.assertThatCase(caseId).isWaitingAt(TASK_WAIT_FOR_RECTIFICATION);
		assertThat(keptMessages(caseId)).isZero();
	}

	@Test
	void aSubmissionThatComesBeforeTheOrderIsKeptAndReviewedWhenTheOrderIsOut() throws Exception {
		String caseId = caseWaitingForInspection("SO2_EMISSION", RiskTier.MEDIUM);
		this.scenario.inspectAndConfirm(caseId, "BOILER_DESULPHURISATION_OFF", "MINOR");
		this.scenario.runJobs();
		this.scenario.assertThatCase(caseId).isWaitingAt(TASK_WAIT_FOR_FIRST_OFFENCE_RESULT);
		new org.springframework.transaction.support.TransactionTemplate(this.transactionManager)
			.executeWithoutResult((status) -> assertThat(this.messages.correlate(caseId,
					MESSAGE_RECTIFICATION_SUBMITTED, "early-submission-" + caseId,
					java.util.Map.of(VAR_SUBMISSION_ID, "early-submission-" + caseId))).isFalse());

		this.scenario.firstOffenceChecked(caseId, true);
		this.scenario.assertThatCase(caseId).isWaitingAt(TASK_REVIEW_RECTIFICATION)
			.hasPassedInOrder("Task_OrderRectification", TASK_WAIT_FOR_RECTIFICATION);
		assertThat(this.scenario.variable(caseId, VAR_SUBMISSION_ID)).isEqualTo("early-submission-" + caseId);
	}

	@Test
	void aSupervisorReassignsAnInspectionAndTheFormerOfficerCanNoLongerCompleteIt() throws Exception {
		String caseId = caseWaitingForInspection("NOISE", RiskTier.LOW);
		String taskId = this.scenario.claim(caseId, TASK_INSPECT_ON_SITE);
		this.scenario.send(post("/tasks/" + taskId + "/assignee"), ProcessScenario.SUPERVISOR_1, """
				{"officer": "officer3", "reason": "officer1 is on leave"}""").andExpect(status().isOk());

		assertThat(this.scenario.task(caseId, TASK_INSPECT_ON_SITE).getAssignee()).isEqualTo("officer3");
		assertThat(this.scenario.lastSent(caseId, InspectionAssigned.TYPE).get("method").asText())
			.isEqualTo("REASSIGNMENT");
		this.scenario.send(post("/tasks/" + taskId + "/verification"), ProcessScenario.OFFICER_1, """
				{"finding": "UNFOUNDED", "findings": "x", "dismissalReason": "UNFOUNDED"}""")
			.andExpect(status().isForbidden());
		this.scenario.send(post("/tasks/" + taskId + "/assignee"), ProcessScenario.OFFICER_1, """
				{"officer": "officer1", "reason": "taking it back"}""").andExpect(status().isForbidden());
		this.scenario.assertThatCase(caseId).isWaitingAt(TASK_INSPECT_ON_SITE);
	}

	@Test
	void anOverdueInspectionIsEscalatedToTheSupervisorsAndStaysWithTheOfficer() throws Exception {
		String caseId = caseWaitingForInspection("NOISE", RiskTier.LOW);
		Instant due = this.scenario.variableDate(caseId, VAR_VERIFICATION_DUE_AT).toInstant();
		// 5 working days from Tue 10 Mar: Tue 17 Mar, ending at midnight in China
		assertThat(due).isEqualTo(Instant.parse("2026-03-17T16:00:00Z"));
		assertThat(this.scenario.task(caseId, TASK_INSPECT_ON_SITE).getDueDate().toInstant()).isEqualTo(due);
		this.scenario.clockAt(due.plus(Duration.ofHours(1)));
		this.scenario.runJobs();

		this.scenario.assertThatCase(caseId).isWaitingAt(TASK_INSPECT_ON_SITE).hasPassed("Task_EscalateOverdueTask");
		var notification = this.scenario.lastSent(caseId, SendNotification.TYPE);
		assertThat(notification.get("recipientType").asText()).isEqualTo("SUPERVISOR");
		assertThat(notification.get("recipientId").asText()).isEqualTo("city:440300");
	}

	@Test
	void aSubmissionForAnotherEnterpriseOrAnOrderNotOpenIsRefusedAndChangesNothing() throws Exception {
		String caseId = caseWaitingForRectification("SO2_EMISSION", true);
		String order = (String) this.scenario.caseRow(caseId).get("ORDER_ID");
		assertThat(this.scenario.refusalOf(caseId, order, "914403050000DM0029")).contains("not about enterprise");
		assertThat(this.scenario.refusalOf(caseId, "ORDER-OF-NOTHING", ProcessScenario.ENTERPRISE_1))
			.contains("no open order");
		this.scenario.assertThatCase(caseId).isWaitingAt(TASK_WAIT_FOR_RECTIFICATION);
		assertThat(this.scenario.caseRow(caseId).get("STATUS")).isEqualTo("RECTIFYING");

		this.scenario.submitProof(caseId);
		this.scenario.assertThatCase(caseId).isWaitingAt(TASK_REVIEW_RECTIFICATION);
		assertThat(this.scenario.refusalOf(caseId, order, ProcessScenario.ENTERPRISE_1)).as("a second one in the round")
			.contains("no open order");
		this.scenario.assertThatCase(caseId).isWaitingAt(TASK_REVIEW_RECTIFICATION);
	}

	@Test
	void aClueFromAnotherChannelOpensOneCaseHoweverOftenItIsSent() throws Exception {
		String clueId = java.util.UUID.randomUUID().toString();
		var clue = new org.inspectflow.contracts.commands.ReportClue(clueId,
				org.inspectflow.contracts.ClueSource.REMOTE_SENSING, null,
				new org.inspectflow.contracts.GeoPoint(22.61, 114.02), unique("ILLEGAL_FARM"),
				"satellite patch 2026-03-08: new ponds beside the river", java.time.OffsetDateTime.now(),
				"remote-sensing-feed", "PATCH-0042", null, null);
		String batch = "PATCH-BATCH-" + java.util.UUID.randomUUID(); // the feed's conversation
		var command = org.inspectflow.contracts.Envelope.of(org.inspectflow.contracts.commands.ReportClue.TYPE,
				"/integrations/remote-sensing", clueId, clue, batch, null, null);
		this.listeners.onCommand(new org.springframework.amqp.core.Message(this.json.writeValueAsBytes(command),
				new org.springframework.amqp.core.MessageProperties()));
		byte[] resent = this.json.writeValueAsBytes(org.inspectflow.contracts.Envelope.of(
				org.inspectflow.contracts.commands.ReportClue.TYPE, "/integrations/remote-sensing", clueId, clue, batch,
				null, null));
		this.listeners.onCommand(new org.springframework.amqp.core.Message(resent,
				new org.springframework.amqp.core.MessageProperties()));

		java.util.List<String> cases = this.jdbc.queryForList("SELECT case_id FROM wf_case WHERE clue_id = ?",
				String.class, clueId);
		assertThat(cases).hasSize(1);
		assertThat(this.scenario.caseRow(cases.get(0))).containsEntry("SOURCE", "REMOTE_SENSING")
			.containsEntry("DISTRICT", "440304");
		this.scenario.runJobs();
		assertThat(this.scenario.lastSent(cases.get(0), MatchEnterprise.TYPE).get("location").get("latitude").asDouble())
			.isEqualTo(22.61);
		// the case joined the command's conversation: ClueReported is caused by the command, later messages keep it
		java.util.List<java.util.Map<String, Object>> sent = this.jdbc.queryForList(
				"SELECT type, body FROM inspectflow_outbox WHERE subject = ? ORDER BY seq", cases.get(0));
		assertThat(sent).extracting((row) -> row.get("type")).containsExactly(ClueReported.TYPE, MatchEnterprise.TYPE);
		var reported = this.json.readTree(sent.get(0).get("body").toString());
		assertThat(reported.get("correlationid").asText()).isEqualTo(batch);
		assertThat(reported.get("causationid").asText()).isEqualTo(command.id());
		var match = this.json.readTree(sent.get(1).get("body").toString());
		assertThat(match.get("correlationid").asText()).isEqualTo(batch);
		assertThat(match.get("causationid").isNull()).as("the engine's continuation, no message").isTrue();
	}

	@Test
	void aTargetOfADoubleRandomDrawIsInspectedByTheOfficersDrawnWithIt() throws Exception {
		String clueId = java.util.UUID.randomUUID().toString();
		var clue = new org.inspectflow.contracts.commands.ReportClue(clueId,
				org.inspectflow.contracts.ClueSource.DOUBLE_RANDOM_DRAW, ProcessScenario.ENTERPRISE_1, null,
				unique("ROUTINE_INSPECTION"), "双随机抽查, draw DRAW-7", java.time.OffsetDateTime.now(), "supervisor1",
				"DRAW-7", "DRAW-7", java.util.List.of("officer1", "officer9"));
		this.listeners.onCommand(new org.springframework.amqp.core.Message(this.json.writeValueAsBytes(
				org.inspectflow.contracts.Envelope.of(org.inspectflow.contracts.commands.ReportClue.TYPE,
						"/inspectflow/enterprise-service", clueId, clue, clueId, null, null)),
				new org.springframework.amqp.core.MessageProperties()));
		String caseId = this.jdbc.queryForObject("SELECT case_id FROM wf_case WHERE clue_id = ?", String.class, clueId);
		this.scenario.runJobs();
		this.scenario.enterpriseMatched(caseId, RiskTier.LOW, false);

		this.scenario.assertThatCase(caseId).isWaitingAt(TASK_INSPECT_ON_SITE);
		var assigned = this.scenario.lastSent(caseId, InspectionAssigned.TYPE);
		assertThat(assigned.get("method").asText()).isEqualTo("DOUBLE_RANDOM_DRAW");
		assertThat(assigned.get("drawId").asText()).isEqualTo("DRAW-7");
		assertThat(assigned.get("officerIds").toString()).contains("officer1").contains("officer9");
		String taskId = this.scenario.task(caseId, TASK_INSPECT_ON_SITE).getId();
		this.scenario.send(post("/tasks/" + taskId + "/claim"), ProcessScenario.OFFICER_2, "")
			.andExpect(status().isNotFound());
		this.scenario.send(post("/tasks/" + taskId + "/claim"), ProcessScenario.OFFICER_1, "")
			.andExpect(status().isOk());
	}

	@Test
	void theTimelineShowsEveryStepWithTheEvidenceHashes() throws Exception {
		String caseId = caseWaitingForInspection("NOISE", RiskTier.LOW);
		var stored = new org.inspectflow.contracts.events.EvidenceStored(caseId, "EV-1",
				org.inspectflow.contracts.events.EvidenceKind.PHOTO, "image/jpeg", 2_345_678L,
				"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
				"60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752", null,
				java.time.OffsetDateTime.now(), java.time.OffsetDateTime.now(), "officer1");
		this.listeners.onEvidence(new org.springframework.amqp.core.Message(this.json.writeValueAsBytes(
				org.inspectflow.contracts.Envelope.of(org.inspectflow.contracts.events.EvidenceStored.TYPE,
						"/inspectflow/evidence-service", caseId, stored, caseId, null, null)),
				new org.springframework.amqp.core.MessageProperties()));
		this.scenario.inspectAndConfirm(caseId, "NOISE_OVER_LIMIT", "MINOR");

		String timeline = this.scenario.get("/cases/" + caseId + "/timeline", ProcessScenario.OFFICER_1)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		var steps = this.json.readTree(timeline);
		assertThat(steps.findValuesAsText("step")).containsSubsequence("CLUE_REPORTED", "ENTERPRISE_MATCHED",
				"CLUE_TRIAGED", "TASK_CREATED", "TASK_CLAIMED", "INSPECTION_RECORDED");
		var inspection = steps.get(steps.findValuesAsText("step").indexOf("INSPECTION_RECORDED"));
		assertThat(inspection.get("actor").asText()).isEqualTo("officer1");
		assertThat(inspection.get("evidence").toString()).contains("EV-1")
			.contains("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
		this.scenario.get("/cases/" + caseId + "/timeline", ProcessScenario.OFFICER_2).andExpect(status().isNotFound());
	}

	int keptMessages(String caseId) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM wf_pending_message WHERE case_id = ?", Integer.class,
				caseId);
	}

}
