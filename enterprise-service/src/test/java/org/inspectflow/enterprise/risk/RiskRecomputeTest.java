package org.inspectflow.enterprise.risk;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.bson.Document;
import org.inspectflow.contracts.RiskTier;
import org.inspectflow.enterprise.TestRegister;
import org.inspectflow.enterprise.compliance.ComplianceHistory;
import org.inspectflow.enterprise.compliance.domain.ComplianceEntry;
import org.inspectflow.enterprise.importing.RegisterImport;
import org.inspectflow.enterprise.register.EnterpriseRegister;
import org.inspectflow.enterprise.register.domain.SyntheticUscc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily reassessment, invoked directly (never by waiting for its schedule): violations and alarms that age past
 * their look-back stop counting and tiers drift down; a second run changes nothing; the register is read in batches.
 */
class RiskRecomputeTest {

	static final String VIOLATED = SyntheticUscc.of("440304", 101);

	static final String ALARMED = SyntheticUscc.of("440304", 102);

	static final String CLEAN = SyntheticUscc.of("440305", 103);

	static final String KEY_UNIT = SyntheticUscc.of("440305", 104);

	static final String RECENT = SyntheticUscc.of("440306", 105);

	static final String UNREGISTERED = SyntheticUscc.of("440306", 106);

	final MovableClock clock = new MovableClock(Instant.parse("2026-11-30T08:00:00Z"));

	TestRegister test;

	RiskRecompute recompute;

	EnterpriseRegister register;

	@BeforeEach
	void register() {
		// batches of two: five enterprises take three rounds
		this.test = TestRegister.start(this.clock, Map.of("inspectflow.enterprise.risk.recompute.batch-size", 2));
		this.recompute = this.test.get(RiskRecompute.class);
		this.register = this.test.get(EnterpriseRegister.class);
		String csv = "uscc,name,latitude,longitude,district,keyPollutantUnit,dischargePermitNumber\n"
				+ VIOLATED + ",甲,22.52,114.05,440304,false,\n" + ALARMED + ",乙,22.52,114.05,440304,false,\n"
				+ CLEAN + ",丙,22.53,113.93,440305,false,\n" + KEY_UNIT + ",丁,22.53,113.93,440305,true,P-4\n"
				+ RECENT + ",戊,22.66,113.86,440306,false,\n";
		this.test.get(RegisterImport.class)
			.importCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
		ComplianceHistory history = this.test.get(ComplianceHistory.class);
		RiskService risk = this.test.get(RiskService.class);
		violation(history, VIOLATED, "CASE-V1", LocalDate.of(2025, 12, 1));
		violation(history, RECENT, "CASE-V2", LocalDate.of(2026, 11, 1));
		for (int day = 1; day <= 3; day++) {
			history.record(ALARMED, new ComplianceEntry("ev-alarm-" + day, ComplianceEntry.Kind.MONITORING_ALARM,
					"CASE-A" + day, LocalDate.of(2026, 10, day), Instant.parse("2026-10-0" + day + "T01:00:00Z"), null,
					"CLUE-A" + day, "AIR_EXCEEDANCE"));
		}
		violation(history, UNREGISTERED, "CASE-V3", LocalDate.of(2025, 12, 1));
		for (String uscc : new String[] { VIOLATED, ALARMED, RECENT, UNREGISTERED }) {
			risk.reassess(uscc);
		}
	}

	@AfterEach
	void stop() {
		this.test.close();
	}

	@Test
	void tiersDriftDownAsViolationsAndAlarmsAgePastTheirLookBack() {
		assertThat(tier(VIOLATED)).isEqualTo(RiskTier.MEDIUM);
		assertThat(tier(ALARMED)).isEqualTo(RiskTier.HIGH);
		assertThat(tier(KEY_UNIT)).isEqualTo(RiskTier.MEDIUM);

		RiskRecompute.Summary today = this.recompute.recomputeAll();
		assertThat(today.assessed()).as("registered enterprises only").isEqualTo(5);
		assertThat(today.changed()).isZero();
		assertThat(today.unchanged()).isEqualTo(5);

		// 2 December: the violation of 1 December 2025 is older than 12 months
		this.clock.set(Instant.parse("2026-12-01T18:00:00Z"));
		RiskRecompute.Summary december = this.recompute.recomputeAll();
		assertThat(december.asOf()).hasToString("2026-12-02");
		assertThat(december.changed()).isEqualTo(1);
		assertThat(december.transitions()).containsExactly(Map.entry("MEDIUM->LOW", 1L));
		assertThat(tier(VIOLATED)).isEqualTo(RiskTier.LOW);
		assertThat(this.register.find(VIOLATED).orElseThrow().riskReasons())
			.containsExactly("no violation in the past 12 months (无违法记录)");
		assertThat(tier(ALARMED)).as("alarms of October still count").isEqualTo(RiskTier.HIGH);

		// 31 December: the alarm of 1 October is older than 90 days, two are left
		this.clock.set(Instant.parse("2026-12-31T02:00:00Z"));
		assertThat(this.recompute.recomputeAll().transitions()).containsExactly(Map.entry("HIGH->MEDIUM", 1L));
		assertThat(this.register.find(ALARMED).orElseThrow().riskReasons())
			.containsExactly("2 online-monitoring alarms in the past 90 days (在线监测超标报警)");

		// a year on: everything has aged out, only the key pollutant unit stays MEDIUM for what it is
		this.clock.set(Instant.parse("2027-12-01T02:00:00Z"));
		RiskRecompute.Summary later = this.recompute.recomputeAll();
		assertThat(later.transitions()).containsOnly(Map.entry("MEDIUM->LOW", 2L));
		assertThat(tier(ALARMED)).isEqualTo(RiskTier.LOW);
		assertThat(tier(RECENT)).isEqualTo(RiskTier.LOW);
		assertThat(tier(KEY_UNIT)).isEqualTo(RiskTier.MEDIUM);
		Document placeholder = this.test.mongo().findById(UNREGISTERED, Document.class, EnterpriseRegister.COLLECTION);
		assertThat(placeholder.getString(EnterpriseRegister.RISK_TIER)).as("placeholders are not the job's")
			.isEqualTo("MEDIUM");
	}

	@Test
	void runningItAgainChangesNothing() {
		this.clock.set(Instant.parse("2027-03-01T02:00:00Z"));
		RiskRecompute.Summary first = this.recompute.recomputeAll();
		assertThat(first.changed()).as("the violation of December 2025 and the alarms aged out").isEqualTo(2);
		Document before = this.test.mongo().findById(ALARMED, Document.class, EnterpriseRegister.COLLECTION);
		RiskRecompute.Summary second = this.recompute.recomputeAll();
		assertThat(second.changed()).isZero();
		assertThat(second.unchanged()).isEqualTo(5);
		assertThat(second.transitions()).isEmpty();
		assertThat(this.test.mongo().findById(ALARMED, Document.class, EnterpriseRegister.COLLECTION))
			.as("not even rewritten").isEqualTo(before);
	}

	@Test
	void theDailyRunClaimsItsDayOnceAndKeepsTheCounts() {
		this.clock.set(Instant.parse("2026-12-01T18:00:00Z")); // 02:00 on 2 December in Shenzhen
		assertThat(this.recompute.runDaily()).hasValueSatisfying((summary) -> assertThat(summary.changed()).isEqualTo(1));
		assertThat(this.recompute.runDaily()).as("the same day again, e.g. a second instance").isEmpty();
		Document run = this.test.mongo().findById("2026-12-02", Document.class, RiskRecompute.RUNS);
		assertThat(run.getString("status")).isEqualTo("DONE");
		assertThat(run.get("assessed", Number.class).longValue()).isEqualTo(5);
		assertThat(run.get("changed", Number.class).longValue()).isEqualTo(1);
		assertThat(run.get("transitions", Document.class)).containsEntry("MEDIUM->LOW", 1L);

		this.clock.set(Instant.parse("2026-12-02T18:00:00Z"));
		assertThat(this.recompute.runDaily()).as("the next day").isPresent();
	}

	@Test
	void theScheduleDefaultsToTwoAtNightInShenzhen() {
		RiskRecomputeProperties defaults = RiskRecomputeProperties.defaults();
		assertThat(defaults.enabled()).isTrue();
		var next = org.springframework.scheduling.support.CronExpression.parse(defaults.cron())
			.next(Instant.parse("2026-11-30T08:00:00Z").atZone(defaults.zone()));
		assertThat(next).isEqualTo(java.time.ZonedDateTime.of(2026, 12, 1, 2, 0, 0, 0, ZoneId.of("Asia/Shanghai")));
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> new RiskRecomputeProperties(true, "every night", defaults.zone(), 500))
			.hasMessageContaining("not a cron expression");
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> new RiskRecomputeProperties(true, defaults.cron(), defaults.zone(), 0))
			.hasMessageContaining("batch-size");
	}

	private RiskTier tier(String uscc) {
		return this.register.find(uscc).orElseThrow().riskTier();
	}

	private static void violation(ComplianceHistory history, String uscc, String caseId, LocalDate day) {
		history.record(uscc, new ComplianceEntry("ev-" + caseId, ComplianceEntry.Kind.VIOLATION_FOUND, caseId, day,
				day.atTime(10, 0).toInstant(ZoneOffset.ofHours(8)), "TREATMENT_FACILITY_NOT_RUNNING", "REC-" + caseId, "CONFIRMED"));
	}

	/** A clock the test moves forward, as the days pass. */
	static final class MovableClock extends Clock {

		private final AtomicReference<Instant> now;

		MovableClock(Instant start) {
			this.now = new AtomicReference<>(start);
		}

		void set(Instant instant) {
			this.now.set(instant);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Instant instant() {
			return this.now.get();
		}

	}

}
