package org.inspectflow.enterprise.portal.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a rectification submission must look like before it goes to the officer: an account of the work, a
 * completion day that is not in the future, and a bounded list of distinct evidence ids. All problems are reported at
 * once so that the enterprise user fixes the form in one go. Whether the evidence exists is evidence-service's to
 * say; the officer sees missing proof in the review.
 */
public final class SubmissionRules {

	public static final int MAX_STATEMENT = 4000;

	public static final int MAX_EVIDENCE = 50;

	public static final int MAX_EVIDENCE_ID = 128;

	private SubmissionRules() {
	}

	/** The reasons the submission is refused; empty when it is acceptable. */
	public static List<String> problems(String statement, LocalDate completedOn, List<String> evidenceIds,
			LocalDate today) {
		List<String> problems = new ArrayList<>();
		if (statement == null || statement.isBlank()) {
			problems.add("statement is required: describe what was done to rectify the problem");
		}
		else if (statement.length() > MAX_STATEMENT) {
			problems.add("statement is longer than " + MAX_STATEMENT + " characters");
		}
		if (completedOn != null && completedOn.isAfter(today)) {
			problems.add("completedOn " + completedOn + " is in the future: give the day the work was finished");
		}
		if (evidenceIds != null) {
			if (evidenceIds.size() > MAX_EVIDENCE) {
				problems.add("at most " + MAX_EVIDENCE + " evidenceIds");
			}
			Set<String> seen = new HashSet<>();
			for (String id : evidenceIds) {
				if (id == null || id.isBlank() || id.length() > MAX_EVIDENCE_ID) {
					problems.add("evidenceIds holds an empty id or one longer than " + MAX_EVIDENCE_ID + " characters");
					break;
				}
				if (!seen.add(id)) {
					problems.add("evidenceIds names " + id + " twice");
					break;
				}
			}
		}
		return problems;
	}

}
