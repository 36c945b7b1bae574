package org.inspectflow.support.messaging;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Handled message ids in {@code inspectflow_processed_message}, keyed by (queue, id). Written in the transaction of
 * the handling, so the change and the record of the message commit together.
 */
public class JdbcProcessedMessages implements ProcessedMessages {

	private final JdbcTemplate jdbc;

	public JdbcProcessedMessages(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean isHandled(String queue, String messageId) {
		Integer count = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM inspectflow_processed_message WHERE queue_name = ? AND message_id = ?",
				Integer.class, queue, messageId);
		return count != null && count > 0;
	}

	@Override
	public boolean markHandled(String queue, String messageId, String type) {
		try {
			this.jdbc.update("INSERT INTO inspectflow_processed_message (queue_name, message_id, type, handled_at) "
					+ "VALUES (?, ?, ?, ?)", queue, messageId, type, Timestamp.from(Instant.now()));
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

}
