package org.inspectflow.contracts;

import java.util.List;

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
import org.inspectflow.contracts.events.PenaltyCaseOpened;
import org.inspectflow.contracts.events.RectificationAccepted;
import org.inspectflow.contracts.events.RectificationOrdered;
import org.inspectflow.contracts.events.RectificationOverdue;
import org.inspectflow.contracts.events.RectificationRejected;
import org.inspectflow.contracts.events.RectificationReminderDue;
import org.inspectflow.contracts.events.RectificationSubmitted;

/**
 * The services' queues, named {@code <consumer>.<purpose>}, and what each is bound to: the one source that the
 * services' own declarations and {@code infra/rabbitmq/definitions.json} follow.
 * <p>
 * Every queue is a durable quorum queue ({@code x-queue-type: quorum}) with {@code x-delivery-limit}
 * {@link #DELIVERY_LIMIT}, {@code x-dead-letter-exchange} {@link Exchanges#DEAD_LETTER} and
 * {@code x-dead-letter-routing-key} its own name; its dead-letter queue {@link #deadLetterQueue(String)} is bound to
 * {@link Exchanges#DEAD_LETTER} with the queue's name.
 */
public final class Queues {

	/** Deliveries of one message before it goes to the dead-letter queue. */
	public static final int DELIVERY_LIMIT = 5;

	public static final String ENTERPRISE_COMMANDS = "enterprise-service.commands";

	/** Keeps each enterprise's compliance history current (violations found, orders, penalties, closures). */
	public static final String ENTERPRISE_COMPLIANCE = "enterprise-service.compliance";

	/** Keeps the enterprise portal's view of each enterprise's rectification orders current. */
	public static final String ENTERPRISE_ORDERS = "enterprise-service.orders";

	/** What evidence-service needs to know of each case: its jurisdiction, its enterprise, its orders, its end. */
	public static final String EVIDENCE_CASES = "evidence-service.cases";

	public static final String NOTIFICATION_COMMANDS = "notification-service.commands";

	/** The events that tell people something. */
	public static final String NOTIFICATION_EVENTS = "notification-service.events";

	/**
	 * Every event integrators may subscribe to by webhook: all but notification-service's own reports
	 * (NotificationDelivered/Failed), which would otherwise report on their own deliveries.
	 */
	public static final String NOTIFICATION_WEBHOOKS = "notification-service.webhooks";

	public static final String WORKFLOW_COMMANDS = "workflow-service.commands";

	/** Replies to workflow-service's requests, correlated by case id. */
	public static final String WORKFLOW_REPLIES = "workflow-service.replies";

	public static final String WORKFLOW_EVIDENCE = "workflow-service.evidence";

	/** The enterprises' rectification submissions, handed to the officer's review. */
	public static final String WORKFLOW_SUBMISSIONS = "workflow-service.submissions";

	public static final List<QueueBinding> ALL = List.of(
			new QueueBinding(ENTERPRISE_COMMANDS, Exchanges.COMMANDS,
					List.of(MatchEnterprise.TYPE, CheckFirstOffence.TYPE)),
			new QueueBinding(ENTERPRISE_COMPLIANCE, Exchanges.EVENTS,
					List.of(InspectionRecorded.TYPE, RectificationOrdered.TYPE, RectificationAccepted.TYPE,
							PenaltyCaseOpened.TYPE, CaseClosed.TYPE, ClueDismissed.TYPE, ClueReported.TYPE)),
			new QueueBinding(ENTERPRISE_ORDERS, Exchanges.EVENTS,
					List.of(RectificationOrdered.TYPE, RectificationReminderDue.TYPE, RectificationRejected.TYPE,
							RectificationOverdue.TYPE, RectificationAccepted.TYPE, CaseClosed.TYPE)),
			new QueueBinding(EVIDENCE_CASES, Exchanges.EVENTS,
					List.of(ClueReported.TYPE, ClueTriaged.TYPE, ClueMerged.TYPE, InspectionRecorded.TYPE,
							RectificationOrdered.TYPE, ClueDismissed.TYPE, CaseClosed.TYPE)),
			new QueueBinding(NOTIFICATION_COMMANDS, Exchanges.COMMANDS, List.of(SendNotification.TYPE)),
			new QueueBinding(NOTIFICATION_EVENTS, Exchanges.EVENTS,
					List.of(RectificationOrdered.TYPE, RectificationReminderDue.TYPE, RectificationRejected.TYPE,
							RectificationOverdue.TYPE, RectificationAccepted.TYPE, CaseClosed.TYPE,
							RectificationSubmitted.TYPE, InspectionAssigned.TYPE, InspectionRecorded.TYPE)),
			new QueueBinding(NOTIFICATION_WEBHOOKS, Exchanges.EVENTS,
					List.of(ClueReported.TYPE, ClueTriaged.TYPE, ClueMerged.TYPE, EnterpriseMatched.TYPE,
							InspectionAssigned.TYPE, InspectionRecorded.TYPE, ClueDismissed.TYPE, RectificationOrdered.TYPE,
							RectificationReminderDue.TYPE, RectificationSubmitted.TYPE, RectificationAccepted.TYPE,
							RectificationRejected.TYPE, RectificationOverdue.TYPE, PenaltyCaseOpened.TYPE, CaseClosed.TYPE,
							InspectionDrawPublished.TYPE, EvidenceStored.TYPE)),
			new QueueBinding(WORKFLOW_COMMANDS, Exchanges.COMMANDS, List.of(ReportClue.TYPE)),
			new QueueBinding(WORKFLOW_REPLIES, Exchanges.COMMANDS,
					List.of(EnterpriseMatchResult.TYPE, FirstOffenceResult.TYPE)),
			new QueueBinding(WORKFLOW_EVIDENCE, Exchanges.EVENTS, List.of(EvidenceStored.TYPE)),
			new QueueBinding(WORKFLOW_SUBMISSIONS, Exchanges.EVENTS, List.of(RectificationSubmitted.TYPE)));

	private Queues() {
	}

	/** The dead-letter queue of a queue: {@code <queue>.dlq}. */
	public static String deadLetterQueue(String queue) {
		return queue + ".dlq";
	}

}
