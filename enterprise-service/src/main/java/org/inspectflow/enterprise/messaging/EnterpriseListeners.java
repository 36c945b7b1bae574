package org.inspectflow.enterprise.messaging;

import org.inspectflow.contracts.Envelope;
import org.inspectflow.contracts.Queues;
import org.inspectflow.contracts.commands.CheckFirstOffence;
import org.inspectflow.contracts.commands.MatchEnterprise;
import org.inspectflow.contracts.events.CaseClosed;
import org.inspectflow.enterprise.compliance.ComplianceEvents;
import org.inspectflow.enterprise.compliance.ComplianceHistory;
import org.inspectflow.enterprise.portal.PortalOrders;
import org.inspectflow.enterprise.risk.RiskService;
import org.inspectflow.enterprise.triage.TriageService;
import org.inspectflow.support.messaging.Inbox;
import org.inspectflow.support.messaging.MalformedMessageException;
import org.inspectflow.support.validation.Uscc;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

/**
 * enterprise-service's consumers, thin: each message goes through the inbox (schema check, dead-lettering with a
 * reason, once per message id) to the feature that handles it. Public so that tests feed messages at this boundary.
 */
@Component
public class EnterpriseListeners {

	private final Inbox inbox;

	private final TriageService triage;

	private final ComplianceHistory history;

	private final RiskService risk;

	private final PortalOrders orders;

	EnterpriseListeners(Inbox inbox, TriageService triage, ComplianceHistory history, RiskService risk,
			PortalOrders orders) {
		this.inbox = inbox;
		this.triage = triage;
		this.history = history;
		this.risk = risk;
		this.orders = orders;
	}

	/** workflow-service's triage questions: each is answered once, into the outbox. */
	@RabbitListener(queues = Queues.ENTERPRISE_COMMANDS)
	public void onCommand(Message message) {
		this.inbox.receive(Queues.ENTERPRISE_COMMANDS, message, this::command);
	}

	/** The workflow's events that make up an enterprise's compliance history. */
	@RabbitListener(queues = Queues.ENTERPRISE_COMPLIANCE)
	public void onComplianceEvent(Message message) {
		this.inbox.receive(Queues.ENTERPRISE_COMPLIANCE, message, this::complianceEvent);
	}

	/** The workflow's rectification events that make up the enterprise portal's order view. */
	@RabbitListener(queues = Queues.ENTERPRISE_ORDERS)
	public void onOrderEvent(Message message) {
		this.inbox.receive(Queues.ENTERPRISE_ORDERS, message, this::orderEvent);
	}

	void orderEvent(Envelope<?> envelope) {
		if (envelope.data() instanceof CaseClosed closed) {
			requireLength("caseId", closed.caseId(), 64);
		}
		else {
			String caseId = OrderEvents.caseId(envelope.data());
			if (caseId == null) {
				return; // a type bound to the queue later, unknown to this version: nothing to show
			}
			requireLength("caseId", caseId, 64);
			requireUscc("enterpriseUscc", OrderEvents.enterpriseUscc(envelope.data()));
		}
		this.orders.apply(envelope);
	}

	void command(Envelope<?> envelope) {
		if (envelope.data() instanceof MatchEnterprise match) {
			// neither USCC nor location is answered "not matched": the case goes on without an enterprise
			requireLength("caseId", match.caseId(), 64);
		}
		else if (envelope.data() instanceof CheckFirstOffence check) {
			requireLength("caseId", check.caseId(), 64);
			requireLength("violationType", check.violationType(), 64);
			requireUscc("enterpriseUscc", check.enterpriseUscc());
		}
		this.triage.answer(envelope);
	}

	void complianceEvent(Envelope<?> envelope) {
		ComplianceEvents.entryOf(envelope).ifPresent((attributed) -> {
			requireUscc("enterpriseUscc", attributed.uscc());
			requireLength("caseId", attributed.entry().caseId(), 64);
			this.history.record(attributed.uscc(), attributed.entry());
			// also after a redelivery: an assessment lost to a crash after the history write is made now
			this.risk.reassess(attributed.uscc());
		});
	}

	private static void requireUscc(String field, String value) {
		if (!Uscc.isValid(value)) {
			throw new MalformedMessageException(field + " '" + value + "' fails the GB 32100-2015 check character");
		}
	}

	private static void requireLength(String field, String value, int max) {
		if (value != null && value.length() > max) {
			throw new MalformedMessageException(field + " is longer than " + max + " characters");
		}
	}

}
