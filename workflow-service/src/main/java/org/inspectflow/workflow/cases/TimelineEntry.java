package org.inspectflow.workflow.cases;

import java.time.Instant;
import java.util.List;

/**
 * One step of a case: who did what and when, with the evidence it rests on (and each file's SHA-256 as
 * evidence-service reported it, so a reader can check the file has not changed).
 */
public record TimelineEntry(String step, String actor, Instant at, String detail, List<EvidenceRef> evidence) {

	public TimelineEntry {
		evidence = List.copyOf(evidence);
	}

	/** @param sha256 null until evidence-service reported the file stored */
	public record EvidenceRef(String evidenceId, String sha256) {
	}

}
