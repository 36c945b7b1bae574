package org.inspectflow.enterprise.risk.domain;

import java.time.LocalDate;
import java.util.List;

import org.inspectflow.contracts.RiskTier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RiskRulesTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

	@Test
	void aCleanEnterpriseIsLow() {
		RiskRules.Assessment assessment = RiskRules.assess(inputs(false, true, false, List.of(), List.of()), TODAY);
		assertThat(assessment.tier()).isEqualTo(RiskTier.LOW);
		assertThat(assessment.reasons()).containsExactly("no violation in the past 12 months (无违法记录)");
	}

	@Test
	void oneViolationIsMediumAndTwoAreHigh() {
		LocalDate march = LocalDate.of(2026, 3, 1);
		assertThat(RiskRules.assess(inputs(false, true, false, List.of(march), List.of()), TODAY).tier())
			.isEqualTo(RiskTier.MEDIUM);
		RiskRules.Assessment two = RiskRules.assess(inputs(false, true, false, List.of(march, march.plusDays(9)),
				List.of()), TODAY);
		assertThat(two.tier()).isEqualTo(RiskTier.HIGH);
		assertThat(two.reasons()).contains("2 violations in the past 12 months (多次违法)");
	}

	@Test
	void violationsOlderThanTwelveMonthsNoLongerCount() {
		RiskRules.Assessment old = RiskRules.assess(
				inputs(false, true, false, List.of(LocalDate.of(2025, 11, 29), LocalDate.of(2025, 6, 1)), List.of()),
				TODAY);
		assertThat(old.tier()).isEqualTo(RiskTier.LOW);
	}

	@Test
	void aSeriousViolationIsHigh() {
		LocalDate day = LocalDate.of(2026, 10, 1);
		RiskRules.Assessment assessment = RiskRules.assess(inputs(false, true, false, List.of(day), List.of(day)),
				TODAY);
		assertThat(assessment.tier()).isEqualTo(RiskTier.HIGH);
		assertThat(assessment.reasons()).first().asString().contains("1 serious violation");
	}

	@Test
	void aKeyPollutantUnitIsMediumUnlessOnThePositiveListWithACleanYear() {
		assertThat(RiskRules.assess(inputs(true, true, false, List.of(), List.of()), TODAY).reasons())
			.containsExactly("key pollutant unit (重点排污单位)");
		RiskRules.Assessment listed = RiskRules.assess(inputs(true, true, true, List.of(), List.of()), TODAY);
		assertThat(listed.tier()).isEqualTo(RiskTier.LOW);
		assertThat(listed.reasons()).contains("on the positive list with no violation in the past 12 months (正面清单)");
		assertThat(RiskRules.assess(inputs(true, false, true, List.of(), List.of()), TODAY).tier())
			.as("no permit on record").isEqualTo(RiskTier.MEDIUM);
	}

	@Test
	void thePositiveListDoesNotHideAViolation() {
		RiskRules.Assessment assessment = RiskRules.assess(
				inputs(false, true, true, List.of(LocalDate.of(2026, 9, 1)), List.of()), TODAY);
		assertThat(assessment.tier()).isEqualTo(RiskTier.MEDIUM);
		assertThat(assessment.reasons()).anySatisfy((reason) -> assertThat(reason).contains("review the listing"));
	}

	@Test
	void aKeyPollutantUnitWithoutADischargePermitIsMediumEvenOnTheList() {
		for (boolean listed : new boolean[] { false, true }) {
			RiskRules.Assessment assessment = RiskRules.assess(inputs(true, false, listed, List.of(), List.of()), TODAY);
			assertThat(assessment.tier()).as("listed " + listed).isEqualTo(RiskTier.MEDIUM);
			assertThat(assessment.reasons()).first()
				.isEqualTo("key pollutant unit without a discharge permit on record (重点排污单位，无排污许可证记录)");
		}
		assertThat(RiskRules.assess(inputs(false, false, false, List.of(), List.of()), TODAY).tier())
			.as("an enterprise that is not a key pollutant unit may be under registration, without a permit")
			.isEqualTo(RiskTier.LOW);
	}

	@Test
	void oneOrTwoOnlineMonitoringAlarmsInNinetyDaysAreMediumAndThreeAreHigh() {
		RiskRules.Assessment one = RiskRules.assess(alarms(LocalDate.of(2026, 11, 2)), TODAY);
		assertThat(one.tier()).isEqualTo(RiskTier.MEDIUM);
		assertThat(one.reasons()).containsExactly("1 online-monitoring alarm in the past 90 days (在线监测超标报警)");
		assertThat(RiskRules.assess(alarms(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 20)), TODAY).tier())
			.isEqualTo(RiskTier.MEDIUM);
		RiskRules.Assessment three = RiskRules.assess(
				alarms(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 2), LocalDate.of(2026, 11, 29)), TODAY);
		assertThat(three.tier()).isEqualTo(RiskTier.HIGH);
		assertThat(three.reasons()).containsExactly("3 online-monitoring alarms in the past 90 days (在线监测频繁超标报警)");
	}

	@Test
	void anAlarmCountsForNinetyDaysBothIncluded() {
		assertThat(RiskRules.assess(alarms(TODAY.minusDays(90)), TODAY).tier()).isEqualTo(RiskTier.MEDIUM);
		assertThat(RiskRules.assess(alarms(TODAY.minusDays(91)), TODAY).tier()).isEqualTo(RiskTier.LOW);
		assertThat(RiskRules.assess(alarms(TODAY.plusDays(1)), TODAY).tier()).as("not yet").isEqualTo(RiskTier.LOW);
		assertThat(RiskRules.assess(alarms(TODAY.minusDays(91), TODAY.minusDays(95), TODAY.minusDays(120)), TODAY)
			.tier()).as("three old alarms").isEqualTo(RiskTier.LOW);
	}

	@Test
	void anAlarmPutsAListedEnterpriseUnderReviewAndKeepsItsKeyPollutantTier() {
		RiskRules.Inputs listedWithAlarm = new RiskRules.Inputs(true, true, true, List.of(), List.of(), List.of(),
				List.of(LocalDate.of(2026, 11, 1)));
		RiskRules.Assessment assessment = RiskRules.assess(listedWithAlarm, TODAY);
		assertThat(assessment.tier()).isEqualTo(RiskTier.MEDIUM);
		assertThat(assessment.reasons()).containsExactly("1 online-monitoring alarm in the past 90 days (在线监测超标报警)",
				"key pollutant unit (重点排污单位)",
				"on the positive list despite online-monitoring alarms in the past 90 days: review the listing (正面清单待复核)");
	}

	@Test
	void everyTierComesWithItsReasonsStrongestFirst() {
		LocalDate day = LocalDate.of(2026, 10, 1);
		RiskRules.Assessment assessment = RiskRules.assess(new RiskRules.Inputs(true, false, true, List.of(day),
				List.of(), List.of(day), List.of(day)), TODAY);
		assertThat(assessment.tier()).isEqualTo(RiskTier.HIGH);
		assertThat(assessment.reasons()).containsExactly("1 penalty case in the past 12 months (立案处罚)",
				"1 violation in the past 12 months (违法记录)",
				"1 online-monitoring alarm in the past 90 days (在线监测超标报警)",
				"key pollutant unit without a discharge permit on record (重点排污单位，无排污许可证记录)",
				"on the positive list despite a violation in the past 12 months: review the listing (正面清单待复核)");
	}

	private static RiskRules.Inputs alarms(LocalDate... days) {
		return new RiskRules.Inputs(false, true, false, List.of(), List.of(), List.of(), List.of(days));
	}

	private static RiskRules.Inputs inputs(boolean keyPollutant, boolean permit, boolean listed,
			List<LocalDate> violations, List<LocalDate> serious) {
		return new RiskRules.Inputs(keyPollutant, permit, listed, violations, serious, List.of());
	}

}
