package org.inspectflow.workflow.clue;

import java.time.OffsetDateTime;
import java.util.List;

import org.inspectflow.contracts.ClueSource;
import org.inspectflow.contracts.GeoPoint;

/**
 * A clue as it enters the platform, from an officer's intake form, an integrator or a monitoring feed.
 *
 * @param clueId the sender's idempotency key: the same clue id never opens a second case
 * @param district where to dispatch before the enterprise is matched (the enterprise's own district wins)
 * @param drawId the double-random draw that named {@code drawnOfficers}; null for dispatch to the jurisdiction
 */
public record NewClue(String clueId, ClueSource source, String enterpriseUscc, GeoPoint location, String problemType,
		Severity severity, String description, String district, String clientReference, OffsetDateTime reportedAt,
		String reportedBy, String drawId, List<String> drawnOfficers) {

	public NewClue {
		drawnOfficers = drawnOfficers == null ? List.of() : List.copyOf(drawnOfficers);
	}

	/** How serious the reporter thinks the problem is; verification may change it. */
	public enum Severity {

		MINOR, GENERAL, SERIOUS

	}

}
