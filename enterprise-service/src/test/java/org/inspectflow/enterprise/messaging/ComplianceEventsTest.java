package org.inspectflow.enterprise.messaging;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.inspectflow.contracts.ClueSource;
import org.inspectflow.contracts.Envelope;
import org.inspectflow.contracts.RiskTier;
import org.inspectflow.contracts.events.CaseClosed;
import org.inspectflow.contracts.events.CaseOutcome;
import org.inspectflow.contracts.events.ClueDismissed;
import org.inspectflow.contracts.events.ClueReported;
import org.inspectflow.contracts.events.DismissalReason;
import org.inspectflow.contracts.events.InspectionFinding;
import org.inspectflow.contracts.events.InspectionMode;
import org.inspectflow.contracts.events.InspectionRecorded;
import org.inspectflow.enterprise.TestRegister;
import org.inspectflow.enterprise.compliance.ComplianceHistory;
import org.inspectflow.enterprise.compliance.domain.ComplianceEntry;
import org.inspectflow.enterprise.importing.RegisterImport;
import org.inspectflow.enterprise.register.EnterpriseRegister;
import org.inspectflow.enterprise.register.domain.SyntheticUscc;
import org.inspectflow.support.messaging.MalformedMessageException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The compliance history kept from the workflow's events, at the listener's boundary (after the inbox). */
class ComplianceEventsTest {

	static final String FUTIAN = "914403040000DM001P";

	TestRegister test;

	EnterpriseListeners listeners;

	ComplianceHistory history;

	EnterpriseRegister register;

	@BeforeEach
	void register() {
		this.test = TestRegister.start(Clock.fixed(Instant.parse("2026-11-30T08:00:00Z"), ZoneOffset.UTC));
		this.listeners = this.test.get(EnterpriseListeners.class);
		this.history = this.test.get(ComplianceHistory.class);
		this.register = this.test.get(EnterpriseRegister.class);
		String csv = "uscc,name,latitude,longitude,district\n" + FUTIAN + ",福田示范电镀有限公司,22.521907,114.058911,440304\n";
		this.test.get(RegisterImport.class)
			.importCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
	}

	@AfterEach
	void stop() {
		this.test.close();
	}

	@Test
	void aViolationFoundJoinsTheHistoryOnceAndRaisesTheTier() {
		assertThat(this.register.find(FUTIAN).orElseThrow().riskTier()).isEqualTo(RiskTier.LOW);
		Envelope<InspectionRecorded> first = inspection("CASE-1", InspectionFinding.VIOLATION_CONFIRMED, "2026-11-29T15:30:00+08:00");
		this.listeners.complianceEvent(first);
		this.listeners.complianceEvent(first); // redelivered
		assertThat(this.history.of(FUTIAN)).singleElement().satisfies((entry) -> {
			assertThat(entry.kind()).isEqualTo(ComplianceEntry.Kind.VIOLATION_FOUND);
			assertThat(entry.caseId()).isEqualTo("CASE-1");
			assertThat(entry.violationType()).isEqualTo("TREATMENT_FACILITY_NOT_RUNNING");
			assertThat(entry.date()).hasToString("2026-11-29");
			assertThat(entry.eventId()).isEqualTo(first.id());
		});
		assertThat(this.register.find(FUTIAN).orElseThrow().riskTier()).isEqualTo(RiskTier.MEDIUM);

		this.listeners.complianceEvent(inspection("CASE-2", InspectionFinding.VIOLATION_CONFIRMED, "2026-11-30T09:00:00+08:00"));
		assertThat(this.register.find(FUTIAN).orElseThrow().riskReasons())
			.contains("2 violations in the past 12 months (多次违法)");
		assertThat(this.register.find(FUTIAN).orElseThrow().riskTier()).isEqualTo(RiskTier.HIGH);
	}

	@Test
	void anUnfoundedInspectionLeavesNoEntryAndAClosureDoes() {
		this.listeners.complianceEvent(inspection("CASE-3", InspectionFinding.UNFOUNDED, "2026-11-29T15:30:00+08:00"));
		this.listeners.complianceEvent(Envelope.of(CaseClosed.TYPE, "/inspectflow/workflow-service", "CASE-3",
				new CaseClosed("CASE-3", FUTIAN, CaseOutcome.DISMISSED, OffsetDateTime.parse("2026-11-30T10:00:00+08:00"),
						"officer1"), "CASE-3", null, null));
		assertThat(this.history.of(FUTIAN)).extracting(ComplianceEntry::kind)
			.containsExactly(ComplianceEntry.Kind.CASE_CLOSED);
	}

	@Test
	void keepsTheHistoryOfAnEnterpriseNotYetRegistered() {
		String unregistered = SyntheticUscc.of("440306", 42);
		Envelope<InspectionRecorded> event = Envelope.of(InspectionRecorded.TYPE, "/inspectflow/workflow-service",
				"CASE-4", new InspectionRecorded("CASE-4", "REC-4", unregistered, InspectionMode.ON_SITE,
						InspectionFinding.SERIOUS_VIOLATION, "DISCHARGE_EXCEEDS_STANDARD", List.of("officer1"), List.of(), null,
						OffsetDateTime.parse("2026-11-01T10:00:00+08:00"), "officer1"), "CASE-4", null, null);
		this.listeners.complianceEvent(event);
		this.listeners.complianceEvent(event);
		assertThat(this.history.of(unregistered)).hasSize(1);
		assertThat(this.register.find(unregistered)).as("not in the register").isEmpty();
	}

	@Test
	void refusesAnEventWhoseUsccFailsTheCheck() {
		String typo = FUTIAN.substring(0, 17) + "Q";
		Envelope<InspectionRecorded> event = Envelope.of(InspectionRecorded.TYPE, "/inspectflow/workflow-service",
				"CASE-5", new InspectionRecorded("CASE-5", "REC-5", typo, InspectionMode.ON_SITE,
						InspectionFinding.VIOLATION_CONFIRMED, "DISCHARGE_EXCEEDS_STANDARD", List.of("officer1"), List.of(), null,
						OffsetDateTime.parse("2026-11-01T10:00:00+08:00"), "officer1"), "CASE-5", null, null);
		assertThatThrownBy(() -> this.listeners.complianceEvent(event)).isInstanceOf(MalformedMessageException.class)
			.hasMessageContaining("check character");
	}

	@Test
	void onlineMonitoringAlarmsCountForTheTierUntilDismissed() {
		assertThat(this.register.find(FUTIAN).orElseThrow().riskTier()).isEqualTo(RiskTier.LOW);
		Envelope<ClueReported> alarm = clue("CASE-A1", ClueSource.ONLINE_MONITORING_ALARM, FUTIAN, "2026-11-28T03:10:00+08:00");
		this.listeners.complianceEvent(alarm);
		this.listeners.complianceEvent(alarm); // redelivered
		assertThat(this.history.of(FUTIAN)).singleElement().satisfies((entry) -> {
			assertThat(entry.kind()).isEqualTo(ComplianceEntry.Kind.MONITORING_ALARM);
			assertThat(entry.date()).hasToString("2026-11-28");
			assertThat(entry.reference()).isEqualTo("CLUE-CASE-A1");
			assertThat(entry.detail()).isEqualTo("WATER_EXCEEDANCE");
		});
		assertThat(this.register.find(FUTIAN).orElseThrow().riskTier()).isEqualTo(RiskTier.MEDIUM);
		assertThat(this.register.find(FUTIAN).orElseThrow().riskReasons())
			.containsExactly("1 online-monitoring alarm in the past 90 days (在线监测超标报警)");

		this.listeners.complianceEvent(clue("CASE-A2", ClueSource.ONLINE_MONITORING_ALARM, FUTIAN, "2026-11-29T03:10:00+08:00"));
		this.listeners.complianceEvent(clue("CASE-A3", ClueSource.ONLINE_MONITORING_ALARM, FUTIAN, "2026-11-30T03:10:00+08:00"));
		assertThat(this.register.find(FUTIAN).orElseThrow().riskTier()).as("three alarms").isEqualTo(RiskTier.HIGH);

		// the officer found the monitor faulty: that alarm no longer speaks of the site
		this.listeners.complianceEvent(Envelope.of(ClueDismissed.TYPE, "/inspectflow/workflow-service", "CASE-A3",
				new ClueDismissed("CASE-A3", "CLUE-CASE-A3", FUTIAN, DismissalReason.UNFOUNDED, "仪表故障 faulty analyser",
						OffsetDateTime.parse("2026-11-30T11:00:00+08:00"), "officer1"), "CASE-A3", null, null));
		assertThat(this.register.find(FUTIAN).orElseThrow().riskTier()).isEqualTo(RiskTier.MEDIUM);
		assertThat(this.register.find(FUTIAN).orElseThrow().riskReasons())
			.containsExactly("2 online-monitoring alarms in the past 90 days (在线监测超标报警)");
	}

	@Test
	void otherCluesAndAlarmsWithoutAValidEnterpriseLeaveNoEntry() {
		this.listeners.complianceEvent(clue("CASE-C1", ClueSource.COMPLAINT, FUTIAN, "2026-11-28T10:00:00+08:00"));
		this.listeners.complianceEvent(clue("CASE-C2", ClueSource.ONLINE_MONITORING_ALARM, null, "2026-11-28T10:00:00+08:00"));
		// a USCC that fails the check is the reporter's typo, not a malformed event: no entry, no dead letter
		this.listeners.complianceEvent(clue("CASE-C3", ClueSource.ONLINE_MONITORING_ALARM,
				FUTIAN.substring(0, 17) + "Q", "2026-11-28T10:00:00+08:00"));
		assertThat(this.history.of(FUTIAN)).isEmpty();
		assertThat(this.register.find(FUTIAN).orElseThrow().riskTier()).isEqualTo(RiskTier.LOW);
	}

	private static Envelope<ClueReported> clue(String caseId, ClueSource source, String uscc, String at) {
		return Envelope.of(ClueReported.TYPE, "/inspectflow/workflow-service", caseId,
				new ClueReported(caseId, "CLUE-" + caseId, source, uscc, null, "WATER_EXCEEDANCE", "COD 超标",
						OffsetDateTime.parse(at), "monitoring-platform", "440304"),
				caseId, null, null);
	}

	private static Envelope<InspectionRecorded> inspection(String caseId, InspectionFinding finding, String at) {
		return Envelope.of(InspectionRecorded.TYPE, "/inspectflow/workflow-service", caseId,
				new InspectionRecorded(caseId, "REC-" + caseId, FUTIAN, InspectionMode.ON_SITE, finding,
						finding == InspectionFinding.UNFOUNDED ? null : "TREATMENT_FACILITY_NOT_RUNNING", List.of("officer1"), List.of(),
						null, OffsetDateTime.parse(at), "officer1"),
				caseId, null, null);
	}

}
