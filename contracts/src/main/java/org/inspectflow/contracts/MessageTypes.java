package org.inspectflow.contracts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.inspectflow.contracts.commands.CheckFirstOffence;
import org.inspectflow.contracts.commands.EnterpriseMatchResult;
import org.inspectflow.contracts.commands.FirstOffenceResult;
import org.inspectflow.contracts.commands.MatchEnterprise;
import org.inspectflow.contracts.commands.ReportClue;
import org.inspectflow.contracts.commands.SendNotification;
import org.inspectflow.contracts.events.CaseClosed;
import org.inspectflow.contracts.events.ClueDismissed;
import org.inspectflow.contracts.events.ClueMerged;
import org.inspectflow.contracts.events.ClueReported;
import org.inspectflow.contracts.events.ClueTriaged;
import org.inspectflow.contracts.events.EnterpriseMatched;
import org.inspectflow.contracts.events.EvidenceStored;
import org.inspectflow.contracts.events.InspectionAssigned;
import org.inspectflow.contracts.events.InspectionDrawPublished;
import org.inspectflow.contracts.events.InspectionRecorded;
import org.inspectflow.contracts.events.NotificationDelivered;
import org.inspectflow.contracts.events.NotificationFailed;
import org.inspectflow.contracts.events.PenaltyCaseOpened;
import org.inspectflow.contracts.events.RectificationAccepted;
import org.inspectflow.contracts.events.RectificationOrdered;
import org.inspectflow.contracts.events.RectificationOverdue;
import org.inspectflow.contracts.events.RectificationRejected;
import org.inspectflow.contracts.events.RectificationReminderDue;
import org.inspectflow.contracts.events.RectificationSubmitted;

/**
 * Every message type there is, in one place: consumers find the record class for an incoming {@code type}, and the
 * contract tests check that each type has a golden sample and a schema.
 */
public final class MessageTypes {

	public static final String WORKFLOW_SERVICE = "workflow-service";

	public static final String ENTERPRISE_SERVICE = "enterprise-service";

	public static final String EVIDENCE_SERVICE = "evidence-service";

	public static final String NOTIFICATION_SERVICE = "notification-service";

	private static final List<MessageType> ALL = List.of(
			event(ClueReported.TYPE, ClueReported.class, WORKFLOW_SERVICE),
			event(ClueTriaged.TYPE, ClueTriaged.class, WORKFLOW_SERVICE),
			event(ClueMerged.TYPE, ClueMerged.class, WORKFLOW_SERVICE),
			event(InspectionAssigned.TYPE, InspectionAssigned.class, WORKFLOW_SERVICE),
			event(InspectionRecorded.TYPE, InspectionRecorded.class, WORKFLOW_SERVICE),
			event(ClueDismissed.TYPE, ClueDismissed.class, WORKFLOW_SERVICE),
			event(RectificationOrdered.TYPE, RectificationOrdered.class, WORKFLOW_SERVICE),
			event(RectificationReminderDue.TYPE, RectificationReminderDue.class, WORKFLOW_SERVICE),
			event(RectificationSubmitted.TYPE, RectificationSubmitted.class, ENTERPRISE_SERVICE),
			event(RectificationAccepted.TYPE, RectificationAccepted.class, WORKFLOW_SERVICE),
			event(RectificationRejected.TYPE, RectificationRejected.class, WORKFLOW_SERVICE),
			event(RectificationOverdue.TYPE, RectificationOverdue.class, WORKFLOW_SERVICE),
			event(PenaltyCaseOpened.TYPE, PenaltyCaseOpened.class, WORKFLOW_SERVICE),
			event(CaseClosed.TYPE, CaseClosed.class, WORKFLOW_SERVICE),
			event(EnterpriseMatched.TYPE, EnterpriseMatched.class, ENTERPRISE_SERVICE),
			event(InspectionDrawPublished.TYPE, InspectionDrawPublished.class, ENTERPRISE_SERVICE),
			event(EvidenceStored.TYPE, EvidenceStored.class, EVIDENCE_SERVICE),
			event(NotificationDelivered.TYPE, NotificationDelivered.class, NOTIFICATION_SERVICE),
			event(NotificationFailed.TYPE, NotificationFailed.class, NOTIFICATION_SERVICE),
			command(MatchEnterprise.TYPE, MatchEnterprise.class, ENTERPRISE_SERVICE),
			command(CheckFirstOffence.TYPE, CheckFirstOffence.class, ENTERPRISE_SERVICE),
			command(SendNotification.TYPE, SendNotification.class, NOTIFICATION_SERVICE),
			command(ReportClue.TYPE, ReportClue.class, WORKFLOW_SERVICE),
			command(EnterpriseMatchResult.TYPE, EnterpriseMatchResult.class, WORKFLOW_SERVICE),
			command(FirstOffenceResult.TYPE, FirstOffenceResult.class, WORKFLOW_SERVICE));

	private static final Map<String, MessageType> BY_TYPE = ALL.stream()
		.collect(Collectors.toUnmodifiableMap(MessageType::type, Function.identity()));

	private MessageTypes() {
	}

	/** The message type with this type string, if there is one. */
	public static Optional<MessageType> find(String type) {
		return Optional.ofNullable(BY_TYPE.get(type));
	}

	/** Every event and command type, events first. */
	public static List<MessageType> all() {
		return ALL;
	}

	/** The event types the service publishes (commands are owned by their receiver, so none are listed). */
	public static List<MessageType> publishedBy(String service) {
		return ALL.stream()
			.filter(t -> t.kind() == MessageType.Kind.EVENT && t.owner().equals(service))
			.toList();
	}

	private static MessageType event(String type, Class<? extends Record> recordClass, String service) {
		return new MessageType(type, recordClass, MessageType.Kind.EVENT, service);
	}

	private static MessageType command(String type, Class<? extends Record> recordClass, String receiver) {
		return new MessageType(type, recordClass, MessageType.Kind.COMMAND, receiver);
	}

}
