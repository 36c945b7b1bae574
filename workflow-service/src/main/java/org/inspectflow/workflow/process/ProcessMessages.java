package org.inspectflow.workflow.process;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.inspectflow.support.messaging.MalformedMessageException;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.ExecutionListener;
import org.operaton.bpm.model.bpmn.instance.ReceiveTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers messages to the process of a case, and keeps the ones that arrive before the process waits for them: a
 * reply that overtakes its process, or a submission sent while the process is still between steps, is stored and
 * correlated when the process gets to the receive task (the task's start listener looks for it; a sweep catches the
 * race where both happen at once).
 * <p>
 * Bean name {@code pendingMessages}: the receive tasks of the BPMN name it as their start listener.
 */
@Component("pendingMessages")
public class ProcessMessages implements ExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(ProcessMessages.class);

	private static final TypeReference<Map<String, Object>> VARIABLES = new TypeReference<>() {
	};

	/** Id prefix of an answer the process gives itself, kept like a message: no message on the bus caused it. */
	private static final String OWN_ANSWER = "no-enterprise-";

	/** A message no process waited for in this time (a late reply to a case that moved on) is dropped, logged. */
	private static final Duration KEPT_AT_MOST = Duration.ofDays(7);

	private final RuntimeService runtime;

	private final JdbcTemplate jdbc;

	private final ObjectMapper json;

	private final TransactionTemplate transactions;

	ProcessMessages(RuntimeService runtime, JdbcTemplate jdbc, ObjectMapper json,
			PlatformTransactionManager transactionManager) {
		this.runtime = runtime;
		this.jdbc = jdbc;
		this.json = json;
		// its own transaction: it runs after another one committed, which it must not join
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Correlates the message with the case's process if it waits for it, or keeps it until it does. Must run in a
	 * transaction: the correlation (or the kept message) commits with the caller's own changes.
	 *
	 * @param messageId the id of the message, so that a repeat is kept once
	 * @return true when correlated now, false when kept for later
	 */
	public boolean correlate(String caseId, String messageName, String messageId, Map<String, Object> variables) {
		if (this.runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).count() == 0) {
			throw new MalformedMessageException("case " + caseId + " has no running process: " + messageName
					+ " comes too late");
		}
		if (isWaiting(caseId, messageName)) {
			this.runtime.createMessageCorrelation(messageName)
				.processInstanceBusinessKey(caseId)
				.setVariables(variables)
				.correlateWithResult();
			return true;
		}
		Integer kept = this.jdbc.queryForObject("SELECT COUNT(*) FROM wf_pending_message WHERE message_id = ?",
				Integer.class, messageId);
		if (kept == null || kept == 0) {
			this.jdbc.update("INSERT INTO wf_pending_message (message_id, case_id, message_name, variables,"
					+ " received_at) VALUES (?, ?, ?, ?, ?)", messageId, caseId, messageName, write(variables),
					Timestamp.from(Instant.now()));
			log.info("{}: kept {} {} until the process waits for it", caseId, messageName, messageId);
		}
		return false;
	}

	/** The message id under which a case keeps an answer it gives itself (there is no enterprise to ask). */
	public static String ownAnswerId(String caseId) {
		return OWN_ANSWER + caseId;
	}

	/** Whether the case's process waits for this message now. */
	public boolean isWaiting(String caseId, String messageName) {
		return this.runtime.createExecutionQuery()
			.processInstanceBusinessKey(caseId)
			.messageEventSubscriptionName(messageName)
			.count() > 0;
	}

	/** A receive task started: if its message came early, deliver it once this step has committed. */
	@Override
	public void notify(DelegateExecution execution) {
		if (!(execution.getBpmnModelElementInstance() instanceof ReceiveTask task) || task.getMessage() == null) {
			return;
		}
		String caseId = execution.getProcessBusinessKey();
		String messageName = task.getMessage().getName();
		List<String> early = this.jdbc.queryForList("SELECT message_id FROM wf_pending_message WHERE case_id = ?"
				+ " AND message_name = ? ORDER BY received_at", String.class, caseId, messageName);
		if (early.isEmpty() || !TransactionSynchronizationManager.isSynchronizationActive()) {
			return;
		}
		String messageId = early.get(0);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				deliverKept(messageId);
			}
		});
	}

	/** Delivers kept messages whose process waits by now (the race the start listener cannot see). */
	@Scheduled(fixedDelayString = "${inspectflow.workflow.pending-message-sweep:PT10S}",
			initialDelayString = "${inspectflow.workflow.pending-message-sweep:PT10S}")
	public void sweep() {
		Timestamp stale = Timestamp.from(Instant.now().minus(KEPT_AT_MOST));
		for (var row : this.jdbc.queryForList("SELECT message_id, case_id, message_name FROM wf_pending_message"
				+ " WHERE received_at < ?", stale)) {
			log.warn("{}: dropped {} {}: kept {} and never waited for", row.get("case_id"), row.get("message_name"),
					row.get("message_id"), KEPT_AT_MOST);
			this.jdbc.update("DELETE FROM wf_pending_message WHERE message_id = ?", row.get("message_id"));
		}
		Timestamp settled = Timestamp.from(Instant.now().minus(Duration.ofSeconds(1)));
		this.jdbc.queryForList("SELECT message_id FROM wf_pending_message WHERE received_at < ? ORDER BY received_at",
				String.class, settled)
			.forEach(this::deliverKept);
	}

	/** Correlates one kept message if its process waits; it stays kept otherwise. */
	public void deliverKept(String messageId) {
		try {
			this.transactions.executeWithoutResult((status) -> {
				List<Map<String, Object>> rows = this.jdbc.queryForList(
						"SELECT case_id, message_name, variables FROM wf_pending_message WHERE message_id = ?",
						messageId);
				if (rows.isEmpty()) {
					return;
				}
				String caseId = (String) rows.get(0).get("case_id");
				String messageName = (String) rows.get(0).get("message_name");
				if (!isWaiting(caseId, messageName)) {
					return;
				}
				if (this.jdbc.update("DELETE FROM wf_pending_message WHERE message_id = ?", messageId) == 1) {
					// what the process publishes now reacts to the kept message, late as it is delivered
					CaseEvents.reactingTo(messageId.startsWith(OWN_ANSWER) ? null : messageId,
							() -> this.runtime.createMessageCorrelation(messageName)
								.processInstanceBusinessKey(caseId)
								.setVariables(read(rows.get(0).get("variables").toString()))
								.correlateWithResult());
					log.info("{}: delivered kept {} {}", caseId, messageName, messageId);
				}
			});
		}
		catch (RuntimeException ex) {
			log.warn("kept message {} not delivered yet, tried again at the next sweep: {}", messageId,
					ex.getMessage());
		}
	}

	private String write(Map<String, Object> variables) {
		try {
			return this.json.writeValueAsString(variables);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("variables of a kept message must be JSON values", ex);
		}
	}

	private Map<String, Object> read(String variables) {
		try {
			return this.json.readValue(variables, VARIABLES);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("a kept message's variables are not JSON", ex);
		}
	}

}
