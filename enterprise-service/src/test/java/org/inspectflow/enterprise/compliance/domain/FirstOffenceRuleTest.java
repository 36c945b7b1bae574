package org.inspectflow.enterprise.compliance.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FirstOffenceRuleTest {

	private static final LocalDate AS_OF = LocalDate.of(2026, 11, 30);

	@Test
	void countsTheSameViolationTypeWithinTwelveMonthsOnly() {
		List<ComplianceEntry> history = List.of(
				violation("CASE-1", "TREATMENT_FACILITY_NOT_RUNNING", LocalDate.of(2025, 11, 29)),
				violation("CASE-2", "DISCHARGE_EXCEEDS_STANDARD", LocalDate.of(2026, 5, 1)),
				violation("CASE-3", "TREATMENT_FACILITY_NOT_RUNNING", LocalDate.of(2025, 11, 30)),
				violation("CASE-9", "TREATMENT_FACILITY_NOT_RUNNING", AS_OF));
		FirstOffenceRule.Verdict verdict = FirstOffenceRule.check(history, "TREATMENT_FACILITY_NOT_RUNNING", AS_OF, "CASE-9");
		assertThat(verdict.firstOffence()).isFalse();
		assertThat(verdict.previousCaseIds()).as("12 months back to the day; not the asking case").containsExactly("CASE-3");
		assertThat(FirstOffenceRule.check(history, "NO_DISCHARGE_PERMIT", AS_OF, "CASE-9").firstOffence()).isTrue();
	}

	private static ComplianceEntry violation(String caseId, String type, LocalDate date) {
		return new ComplianceEntry("e-" + caseId, ComplianceEntry.Kind.VIOLATION_FOUND, caseId, date, Instant.EPOCH,
				type, null, "CONFIRMED");
	}

}
