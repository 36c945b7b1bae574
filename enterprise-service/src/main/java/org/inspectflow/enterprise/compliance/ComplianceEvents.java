package org.inspectflow.enterprise.compliance;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;

import org.inspectflow.contracts.ClueSource;
import org.inspectflow.contracts.Envelope;
import org.inspectflow.contracts.events.CaseClosed;
import org.inspectflow.contracts.events.ClueDismissed;
import org.inspectflow.contracts.events.ClueReported;
import org.inspectflow.contracts.events.InspectionFinding;
import org.inspectflow.contracts.events.InspectionRecorded;
import org.inspectflow.contracts.events.PenaltyCaseOpened;
import org.inspectflow.contracts.events.RectificationAccepted;
import org.inspectflow.contracts.events.RectificationOrdered;
import org.inspectflow.enterprise.compliance.domain.ComplianceEntry;
import org.inspectflow.enterprise.compliance.domain.ComplianceEntry.Kind;
import org.inspectflow.support.validation.Uscc;

/**
 * Which workflow events become which compliance-history entries. An event about no enterprise, or an inspection that
 * found nothing, leaves no entry; of the clues reported, only online-monitoring alarms about a registered-looking
 * enterprise (a USCC that passes the check) do: the enterprise's own monitor raised them, whereas a complainant's
 * naming of an enterprise is an allegation until verified.
 */
public final class ComplianceEvents {

	/** The bureau's time zone: "the day it happened" is a day in China. */
	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private ComplianceEvents() {
	}

	/** The enterprise and its entry, if the event belongs in a compliance history. */
	public static Optional<Attributed> entryOf(Envelope<?> envelope) {
		String id = envelope.id();
		Object data = envelope.data();
		if (data instanceof InspectionRecorded recorded) {
			if (recorded.finding() == InspectionFinding.UNFOUNDED || recorded.enterpriseUscc() == null) {
				return Optional.empty();
			}
			String detail = recorded.finding() == InspectionFinding.SERIOUS_VIOLATION ? "SERIOUS" : "CONFIRMED";
			return attributed(recorded.enterpriseUscc(), id, Kind.VIOLATION_FOUND, recorded.caseId(),
					recorded.inspectedAt(), recorded.violationType(), recorded.recordId(), detail);
		}
		if (data instanceof RectificationOrdered ordered) {
			return attributed(ordered.enterpriseUscc(), id, Kind.RECTIFICATION_ORDERED, ordered.caseId(),
					envelope.time(), null, ordered.orderId(), "deadline " + ordered.deadline() + ", round "
							+ ordered.round());
		}
		if (data instanceof RectificationAccepted accepted) {
			return attributed(accepted.enterpriseUscc(), id, Kind.RECTIFICATION_ACCEPTED, accepted.caseId(),
					accepted.acceptedAt(), null, accepted.orderId(), null);
		}
		if (data instanceof PenaltyCaseOpened opened) {
			return attributed(opened.enterpriseUscc(), id, Kind.PENALTY_CASE_OPENED, opened.caseId(),
					opened.openedAt(), opened.violationType(), opened.penaltyCaseNumber(), opened.grounds().name());
		}
		if (data instanceof CaseClosed closed) {
			return attributed(closed.enterpriseUscc(), id, Kind.CASE_CLOSED, closed.caseId(), closed.closedAt(),
					null, null, closed.outcome().name());
		}
		if (data instanceof ClueReported reported) {
			if (reported.source() != ClueSource.ONLINE_MONITORING_ALARM || !Uscc.isValid(reported.enterpriseUscc())) {
				return Optional.empty();
			}
			return attributed(reported.enterpriseUscc(), id, Kind.MONITORING_ALARM, reported.caseId(),
					reported.reportedAt(), null, reported.clueId(), reported.problemType());
		}
		if (data instanceof ClueDismissed dismissed) {
			return attributed(dismissed.enterpriseUscc(), id, Kind.CLUE_DISMISSED, dismissed.caseId(),
					dismissed.dismissedAt(), null, dismissed.clueId(), dismissed.reason().name());
		}
		return Optional.empty();
	}

	private static Optional<Attributed> attributed(String uscc, String eventId, Kind kind, String caseId,
			OffsetDateTime at, String violationType, String reference, String detail) {
		if (uscc == null) {
			return Optional.empty();
		}
		return Optional.of(new Attributed(uscc, new ComplianceEntry(eventId, kind, caseId,
				at.atZoneSameInstant(ZONE).toLocalDate(), at.toInstant(), violationType, reference, detail)));
	}

	/** An entry and the enterprise whose history it belongs to. */
	public record Attributed(String uscc, ComplianceEntry entry) {
	}

}
