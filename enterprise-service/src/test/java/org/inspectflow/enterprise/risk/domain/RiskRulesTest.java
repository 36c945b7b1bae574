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

	private static RiskRules.Inputs inputs(boolean keyPollutant, boolean permit, boolean listed,
			List<LocalDate> violations, List<LocalDate> serious) {
		return new RiskRules.Inputs(keyPollutant, permit, listed, violations, serious, List.of());
	}

}
