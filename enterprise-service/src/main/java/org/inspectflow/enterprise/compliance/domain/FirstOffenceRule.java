package org.inspectflow.enterprise.compliance.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * The look-back of 首违免罚 (first-offence exemption): a violation is the enterprise's first when the same violation
 * type was not found in the 12 months up to the day it was found, other than in the asking case itself. Whether the
 * violation is on the province's exemption list is workflow-service's decision, not this rule's.
 */
public final class FirstOffenceRule {

	/** How far back a violation counts. */
	public static final int LOOK_BACK_MONTHS = 12;

	private FirstOffenceRule() {
	}

	/**
	 * @param history the enterprise's compliance history
	 * @param violationType the violation being decided
	 * @param asOf the day it was found
	 * @param askingCase the case asking, whose own violation does not count against it
	 */
	public static Verdict check(List<ComplianceEntry> history, String violationType, LocalDate asOf,
			String askingCase) {
		LocalDate from = asOf.minusMonths(LOOK_BACK_MONTHS);
		List<String> previous = history.stream()
			.filter(ComplianceEntry::isViolation)
			.filter((entry) -> violationType.equals(entry.violationType()))
			.filter((entry) -> !entry.caseId().equals(askingCase))
			.filter((entry) -> !entry.date().isBefore(from) && !entry.date().isAfter(asOf))
			.sorted(Comparator.comparing(ComplianceEntry::date).thenComparing(ComplianceEntry::caseId))
			.map(ComplianceEntry::caseId)
			.distinct()
			.toList();
		return new Verdict(previous.isEmpty(), previous);
	}

	/** The answer, with the earlier cases that make it a repeated violation (oldest first). */
	public record Verdict(boolean firstOffence, List<String> previousCaseIds) {

		public Verdict {
			previousCaseIds = List.copyOf(previousCaseIds);
		}

	}

}
