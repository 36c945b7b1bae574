package org.inspectflow.evidence.messaging;

import org.inspectflow.contracts.Queues;
import org.inspectflow.contracts.events.CaseClosed;
import org.inspectflow.contracts.events.ClueDismissed;
import org.inspectflow.contracts.events.ClueMerged;
import org.inspectflow.contracts.events.ClueReported;
import org.inspectflow.contracts.events.ClueTriaged;
import org.inspectflow.contracts.events.InspectionRecorded;
import org.inspectflow.contracts.events.RectificationOrdered;
import org.inspectflow.evidence.cases.CaseDirectory;
import org.inspectflow.support.messaging.Inbox;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

/** Thin adapter: the workflow's case events, through the inbox, into the case directory. */
@Component
class EvidenceListeners {

	private final Inbox inbox;

	private final CaseDirectory cases;

	EvidenceListeners(Inbox inbox, CaseDirectory cases) {
		this.inbox = inbox;
		this.cases = cases;
	}

	@RabbitListener(queues = Queues.EVIDENCE_CASES)
	void onCaseEvent(Message message) {
		this.inbox.receive(Queues.EVIDENCE_CASES, message, (envelope) -> {
			Object data = envelope.data();
			if (data instanceof ClueReported reported) {
				this.cases.record(reported.caseId(), reported.district(), reported.enterpriseUscc(),
						reported.location() == null ? null : reported.location().latitude(),
						reported.location() == null ? null : reported.location().longitude());
			}
			else if (data instanceof ClueTriaged triaged) {
				this.cases.record(triaged.caseId(), triaged.district(), triaged.enterpriseUscc(), null, null);
			}
			else if (data instanceof InspectionRecorded recorded) {
				this.cases.record(recorded.caseId(), null, recorded.enterpriseUscc(), null, null);
			}
			else if (data instanceof RectificationOrdered ordered) {
				this.cases.ordered(ordered.caseId(), ordered.enterpriseUscc(), envelope.time().toInstant());
			}
			else if (data instanceof ClueMerged merged) {
				this.cases.ended(merged.caseId());
			}
			else if (data instanceof ClueDismissed dismissed) {
				this.cases.ended(dismissed.caseId());
			}
			else if (data instanceof CaseClosed closed) {
				this.cases.ended(closed.caseId());
			}
		});
	}

}
