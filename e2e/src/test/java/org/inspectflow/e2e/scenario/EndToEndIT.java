package org.inspectflow.e2e.scenario;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.inspectflow.e2e.stack.BusEvent;
import org.inspectflow.e2e.stack.Stack;
import org.inspectflow.e2e.stack.StackConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first three scenarios of the domain brief against the whole platform, each service a process of its own with
 * the real Keycloak, RabbitMQ, PostgreSQL (engine) and the MongoDB-wire server, as {@code ./inspectflow test} starts
 * them after the modules' own tests (skipped unless it does: {@code -De2e.skip=false}). The scenarios are the demo's;
 * here their outcome is asserted: the case's final state, the events the bus carried and the notifications that
 * reached people, read back at the inbox, the mail server and the SMS gateway.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndToEndIT {

	private Stack stack;

	private Narrator out;

	@BeforeAll
	void connect() {
		System.setProperty("java.awt.headless", "true");
		this.stack = Stack.connect(StackConfig.fromEnvironment());
		this.out = new PrintingNarrator(new PrintStream(System.out, true, StandardCharsets.UTF_8), false);
		assertThat(this.stack.deliveries().mailReadable()).as("GreenMail's API (the e-mail stand-in)").isTrue();
		assertThat(this.stack.deliveries().smsReadable()).as("WireMock's admin API (the SMS stand-in)").isTrue();
	}

	@AfterAll
	void close() {
		if (this.stack != null) {
			this.stack.close();
		}
	}

	@Test
	void jimoAlarmIsVerifiedFromMonitoringDataRectifiedAndClosedWithoutASiteVisit() {
		Outcome outcome = new JimoNonSite().run(this.stack, this.out);
		String caseId = outcome.caseId("case");

		assertThat(outcome.status(caseId)).isEqualTo("CLOSED");
		assertThat(outcome.eventNames(caseId)).containsSubsequence("ClueReported", "ClueTriaged", "InspectionAssigned",
				"InspectionRecorded", "RectificationOrdered", "RectificationSubmitted", "RectificationAccepted",
				"CaseClosed");
		assertThat(outcome.eventNames(caseId)).doesNotContain("PenaltyCaseOpened", "ClueMerged", "ClueDismissed");
		assertThat(event(outcome, caseId, "InspectionRecorded").field("mode")).isEqualTo("NON_SITE");
		assertThat(event(outcome, caseId, "CaseClosed").field("outcome")).isEqualTo("RECTIFIED");
		assertThat((boolean) outcome.fact("siteVisit")).isFalse();
		assertThat((String) outcome.fact("monitoringData")).contains("1 over the limit");
		// a minor first offence not on the province's list: rectification only (行政处罚法 art. 33)
		assertThat((String) outcome.fact("penaltyDecision")).isEqualTo("RECTIFICATION_ONLY");

		assertThat(channels(outcome, caseId, "enterprise1", "RectificationOrdered")).containsExactlyInAnyOrder("IN_APP",
				"EMAIL", "SMS");
		assertThat(channels(outcome, caseId, "enterprise1", "CaseClosed")).containsExactlyInAnyOrder("IN_APP", "EMAIL");
		assertThat(channels(outcome, caseId, "officer1", "RectificationSubmitted")).containsExactlyInAnyOrder("IN_APP",
				"EMAIL");
		assertThat(text(outcome, caseId, "enterprise1", "RectificationOrdered", "EMAIL")).startsWith("【责令改正】")
			.contains(caseId);
		assertThat(text(outcome, caseId, "enterprise1", "RectificationOrdered", "SMS")).contains(caseId)
			.contains("/enterprise/orders/" + caseId);
	}

	@Test
	void hotlineComplaintIsInspectedOnSiteRejectedOnceClosedAndItsEvidenceChainVerifies() {
		Outcome outcome = new ComplaintOnSite().run(this.stack, this.out);
		String caseId = outcome.caseId("case");

		assertThat(outcome.status(caseId)).isEqualTo("CLOSED");
		assertThat(outcome.eventNames(caseId)).containsSubsequence("ClueReported", "ClueTriaged", "InspectionAssigned",
				"InspectionAssigned", "InspectionRecorded", "RectificationOrdered", "RectificationSubmitted",
				"RectificationRejected", "RectificationOrdered", "RectificationSubmitted", "RectificationAccepted",
				"CaseClosed");
		assertThat(outcome.eventNames(caseId).stream().filter("EvidenceStored"::equals)).hasSize(5);
		assertThat(outcome.events(caseId)).filteredOn((e) -> e.name().equals("InspectionAssigned"))
			.anySatisfy((e) -> {
				assertThat(e.field("method")).isEqualTo("REASSIGNMENT");
				assertThat(e.data().path("officerIds").get(0).asText()).isEqualTo("officer2");
			});
		assertThat(event(outcome, caseId, "InspectionRecorded").field("mode")).isEqualTo("ON_SITE");
		assertThat(event(outcome, caseId, "InspectionRecorded").data().path("evidenceIds")).hasSize(2);
		BusEvent rejected = event(outcome, caseId, "RectificationRejected");
		assertThat(rejected.data().path("reasons").toString()).contains("flow meter").contains("accredited laboratory");
		assertThat(outcome.events(caseId)).filteredOn((e) -> e.name().equals("RectificationOrdered"))
			.extracting((e) -> e.data().path("round").asInt())
			.containsExactly(1, 2);

		assertThat((boolean) outcome.fact("chainValid")).isTrue();
		assertThat((long) outcome.fact("chainLinks")).isEqualTo(5);
		List<String> hashes = outcome.fact("evidenceHashes");
		List<String> onTimeline = outcome.fact("hashesOnTimeline");
		assertThat(onTimeline).containsAll(hashes);

		// enterprise2 reads English; both orders went out by SMS, the rejection by e-mail and in-app
		assertThat(channels(outcome, caseId, "enterprise2", "RectificationRejected")).containsExactlyInAnyOrder("IN_APP",
				"EMAIL");
		assertThat(text(outcome, caseId, "enterprise2", "RectificationRejected", "EMAIL"))
			.startsWith("Rectification not accepted for case " + caseId);
		assertThat(outcome.notifications(caseId)).filteredOn((n) -> n.recipient().equals("enterprise2")
				&& n.channel().equals("SMS") && n.trigger().equals("RectificationOrdered"))
			.hasSize(2);
		assertThat(channels(outcome, caseId, "officer2", "InspectionAssigned")).containsExactlyInAnyOrder("IN_APP",
				"EMAIL");
	}

	@Test
	void overdueRectificationIsRemindedEscalatedAndPenalisedWhileAFirstOffenceIsExempted() {
		Outcome outcome = new OverdueEscalation().run(this.stack, this.out);
		String escalated = outcome.caseId("escalated");
		String exempted = outcome.caseId("exempted");

		assertThat(outcome.eventNames(escalated)).containsSubsequence("ClueReported", "ClueTriaged",
				"InspectionRecorded", "RectificationOrdered", "RectificationReminderDue", "RectificationOverdue",
				"PenaltyCaseOpened", "CaseClosed");
		assertThat((String) outcome.fact("overdueDecision")).isEqualTo("RECTIFICATION_ONLY");
		assertThat((String) outcome.fact("penaltyGrounds")).isEqualTo("RECTIFICATION_OVERDUE");
		assertThat(event(outcome, escalated, "RectificationOverdue").field("escalatedTo")).isEqualTo("city:440300");
		assertThat(event(outcome, escalated, "ClueTriaged").field("enterpriseUscc")).isEqualTo(DemoData.FUTIAN_PLATING);
		assertThat(outcome.status(escalated)).isEqualTo("CLOSED");
		assertThat((String) outcome.fact("lateSubmissionRefused")).isNotBlank();
		assertThat(channels(outcome, escalated, "enterprise1", "RectificationReminderDue"))
			.containsExactlyInAnyOrder("IN_APP", "EMAIL");
		assertThat(channels(outcome, escalated, "enterprise1", "RectificationOverdue")).containsExactlyInAnyOrder("IN_APP",
				"EMAIL", "SMS");
		assertThat(channels(outcome, escalated, "supervisor1", "RectificationOverdue"))
			.containsExactlyInAnyOrder("IN_APP", "EMAIL");
		assertThat(text(outcome, escalated, "supervisor1", "RectificationOverdue", "EMAIL")).startsWith("【逾期移交】");

		assertThat((String) outcome.fact("exemptDecision")).isEqualTo("EXEMPT");
		assertThat(outcome.eventNames(exempted)).contains("InspectionRecorded", "RectificationOrdered")
			.doesNotContain("PenaltyCaseOpened");
		List<String> timeline = outcome.fact("exemptTimeline");
		assertThat(timeline).contains("PENALTY_DECIDED", "RECTIFICATION_ORDERED").doesNotContain("PENALTY_CASE_OPENED");
		assertThat(outcome.status(exempted)).isEqualTo("RECTIFYING");
	}

	private static BusEvent event(Outcome outcome, String caseId, String name) {
		return outcome.events(caseId).stream().filter((e) -> e.name().equals(name)).findFirst()
			.orElseThrow(() -> new AssertionError("no " + name + " of " + caseId + " on the bus: " + outcome.eventNames(caseId)));
	}

	private static List<String> channels(Outcome outcome, String caseId, String recipient, String trigger) {
		return outcome.notifications(caseId).stream()
			.filter((n) -> n.recipient().equals(recipient) && trigger.equals(n.trigger()))
			.map(Outcome.Notification::channel)
			.toList();
	}

	private static String text(Outcome outcome, String caseId, String recipient, String trigger, String channel) {
		return outcome.notifications(caseId).stream()
			.filter((n) -> n.recipient().equals(recipient) && trigger.equals(n.trigger()) && n.channel().equals(channel))
			.map(Outcome.Notification::text)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + channel + " to " + recipient + " for " + trigger + ": "
					+ outcome.notifications(caseId)));
	}

}
