package org.inspectflow.support.outbox;

import java.util.Collections;
import java.util.List;

import org.inspectflow.support.messaging.BatchConfirmPublisher;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Publishes {@code inspectflow_outbox} in insertion order, a batch at a time, grouped by case ({@code subject}) so
 * that a refused event holds back only its own case's later events; deletes the confirmed rows with one statement.
 */
public class JdbcOutboxRelay extends OutboxRelay {

	private static final int BATCH = 1000;

	private static final String SELECT = "SELECT id, type, exchange_name, routing_key, subject, traceparent, body "
			+ "FROM inspectflow_outbox ORDER BY seq LIMIT " + BATCH;

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	private final BatchConfirmPublisher publisher;

	public JdbcOutboxRelay(JdbcTemplate jdbc, BatchConfirmPublisher publisher, long intervalMillis) {
		super(intervalMillis);
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
		this.publisher = publisher;
	}

	@Override
	protected int relayRound() {
		int published = 0;
		while (true) {
			List<OutboxBatch.Pending> batch = this.jdbc.query(SELECT,
					(row, i) -> new OutboxBatch.Pending(row.getString("id"), groupOf(row.getString("subject")),
							row.getString("type"), row.getString("exchange_name"), row.getString("routing_key"),
							row.getString("subject"), row.getString("traceparent"), row.getString("body")));
			if (batch.isEmpty()) {
				return published;
			}
			List<OutboxBatch.Pending> confirmed = OutboxBatch.publish(this.publisher, batch);
			if (!confirmed.isEmpty()) {
				this.named.update("DELETE FROM inspectflow_outbox WHERE id IN (:ids)", new MapSqlParameterSource("ids",
						confirmed.stream().map(OutboxBatch.Pending::id).toList()));
			}
			published += confirmed.size();
			if (confirmed.isEmpty() || batch.size() < BATCH) {
				return published;
			}
		}
	}

	private static Object groupOf(String subject) {
		return subject != null ? subject : Collections.emptyList();
	}

}
