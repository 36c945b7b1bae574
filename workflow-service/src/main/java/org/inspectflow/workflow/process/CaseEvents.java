package org.inspectflow.workflow.process;

import java.util.List;

import org.inspectflow.support.messaging.Envelopes;
import org.inspectflow.support.outbox.JdbcOutbox;
import org.operaton.bpm.engine.delegate.VariableScope;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes the events and commands of a case through the outbox, in the engine step's transaction.
 * <p>
 * Every message of a case carries the case's conversation as {@code correlationid}: the one kept with the case when
 * it was opened ({@code wf_case.correlation_id}) — the correlation id of the command that opened it, or the case id
 * for a case opened by a request — so that steps run later by a timer, the job executor or another request continue
 * it. Its {@code causationid} is the id of the message being handled when it was published (see
 * {@link #reactingTo}), null when a person, a timer or the engine's own continuation caused it.
 * <p>
 * A step run by the job executor has no request around it: its messages continue the trace of the request that
 * started the case (kept in the process variable {@code traceparent}).
 */
@Component
public class CaseEvents {

	public static final String VAR_TRACEPARENT = "traceparent";

	/** The id of the message the current thread is handling, while it is handled. */
	private static final ThreadLocal<String> CAUSE = new ThreadLocal<>();

	private final JdbcOutbox outbox;

	private final Envelopes envelopes;

	private final JdbcTemplate jdbc;

	CaseEvents(JdbcOutbox outbox, Envelopes envelopes, JdbcTemplate jdbc) {
		this.outbox = outbox;
		this.envelopes = envelopes;
		this.jdbc = jdbc;
	}

	public void publish(VariableScope execution, String type, String caseId, Object data) {
		String traceparent = this.envelopes.traceparent();
		if (traceparent == null && execution != null
				&& execution.getVariable(VAR_TRACEPARENT) instanceof String kept) {
			traceparent = kept;
		}
		this.outbox.append(this.envelopes.inConversation(type, caseId, data, correlationOf(caseId), CAUSE.get(),
				traceparent));
	}

	/**
	 * Runs {@code work} as the reaction to the message {@code messageId}: what cases publish meanwhile on this thread
	 * names that message as its cause. Nests: the cause before is restored afterwards.
	 */
	public static void reactingTo(String messageId, Runnable work) {
		String before = CAUSE.get();
		CAUSE.set(messageId);
		try {
			work.run();
		}
		finally {
			if (before == null) {
				CAUSE.remove();
			}
			else {
				CAUSE.set(before);
			}
		}
	}

	/** The case's conversation: kept with the case, the case id for a case kept without one (opened before). */
	private String correlationOf(String caseId) {
		List<String> kept = this.jdbc.queryForList("SELECT correlation_id FROM wf_case WHERE case_id = ?",
				String.class, caseId);
		return kept.isEmpty() || kept.get(0) == null ? caseId : kept.get(0);
	}

	/** The current request's trace, to keep with a new case. */
	public String currentTraceparent() {
		return this.envelopes.traceparent();
	}

}
