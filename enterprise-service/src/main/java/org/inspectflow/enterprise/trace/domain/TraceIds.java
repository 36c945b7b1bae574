package org.inspectflow.enterprise.trace.domain;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The ids of a fraud trace and of the clues it opens, derived from what the trace is about rather than drawn at
 * random: the same trace asked again (a retry after a timeout, a double click) gets the same trace id, finds its
 * document and sends nothing; and each clue id is fixed by (trace, enterprise), so that even a command that is sent
 * twice opens no second case (workflow-service keeps the clue id and refuses a known one). Name-based UUIDs (RFC 4122
 * version 3) of a text with a fixed layout; the fields cannot contain the separator's role, so two different traces
 * cannot share a text.
 */
public final class TraceIds {

	private TraceIds() {
	}

	/**
	 * @param scope the caller's data scope ({@code city:440300} or {@code all}): a supervisor's trace and an admin's
	 * trace of the same company and period are different actions over different client lists
	 */
	public static UUID traceId(String companyUscc, LocalDate from, LocalDate to, String sourceCaseId, String scope) {
		return UUID.nameUUIDFromBytes(("fraud-trace\n" + companyUscc + "\n" + from + "\n" + to + "\n" + scope + "\n"
				+ sourceCaseId).getBytes(StandardCharsets.UTF_8));
	}

	public static UUID clueId(UUID traceId, String enterpriseUscc) {
		return UUID.nameUUIDFromBytes(("fraud-trace-clue\n" + traceId + "\n" + enterpriseUscc)
			.getBytes(StandardCharsets.UTF_8));
	}

	/** Whether an engagement over [start, end] overlaps the traced period [from, to]; all four days included. */
	public static boolean overlaps(LocalDate start, LocalDate end, LocalDate from, LocalDate to) {
		return !start.isAfter(to) && !end.isBefore(from);
	}

}
