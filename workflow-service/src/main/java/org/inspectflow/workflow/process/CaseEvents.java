package org.inspectflow.workflow.process;

import org.inspectflow.contracts.Envelope;
import org.inspectflow.support.messaging.Envelopes;
import org.inspectflow.support.outbox.JdbcOutbox;
import org.operaton.bpm.engine.delegate.VariableScope;

import org.springframework.stereotype.Component;

/**
 * Publishes the events and commands of a case through the outbox, in the engine step's transaction. A step run by
 * the job executor has no request around it: its messages continue the trace of the request that started the case
 * (kept in the process variable {@code traceparent}).
 */
@Component
public class CaseEvents {

	public static final String VAR_TRACEPARENT = "traceparent";

	private final JdbcOutbox outbox;

	private final Envelopes envelopes;

	CaseEvents(JdbcOutbox outbox, Envelopes envelopes) {
		this.outbox = outbox;
		this.envelopes = envelopes;
	}

	public void publish(VariableScope execution, String type, String caseId, Object data) {
		Envelope<Object> envelope = this.envelopes.of(type, caseId, data);
		if (envelope.traceparent() == null && execution != null
				&& execution.getVariable(VAR_TRACEPARENT) instanceof String traceparent) {
			envelope = Envelope.of(type, envelope.source(), caseId, data, envelope.correlationid(), null, traceparent);
		}
		this.outbox.append(envelope);
	}

	/** The current request's trace, to keep with a new case. */
	public String currentTraceparent() {
		return this.envelopes.traceparent();
	}

}
