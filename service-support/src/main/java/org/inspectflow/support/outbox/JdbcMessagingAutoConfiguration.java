package org.inspectflow.support.outbox;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.inspectflow.support.messaging.BatchConfirmPublisher;
import org.inspectflow.support.messaging.ConfirmedPublisher;
import org.inspectflow.support.messaging.Inbox;
import org.inspectflow.support.messaging.JdbcProcessedMessages;
import org.inspectflow.support.messaging.MessageSchemas;
import org.inspectflow.support.messaging.MessagingAutoConfiguration;
import org.inspectflow.support.messaging.ProcessedMessages;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * For a service whose state is in a relational database (workflow-service): the outbox table and the handled-message
 * table in that database, the relay, and an inbox that handles each message in one transaction with its record.
 */
@AutoConfiguration(after = { DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
		TransactionAutoConfiguration.class, MessagingAutoConfiguration.class, MongoMessagingAutoConfiguration.class })
@ConditionalOnClass(JdbcTemplate.class)
@ConditionalOnBean({ DataSource.class, ConfirmedPublisher.class })
public class JdbcMessagingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	JdbcOutboxRelay outboxRelay(JdbcTemplate jdbc, DataSource dataSource, BatchConfirmPublisher publisher,
			@Value("${inspectflow.messaging.outbox-interval:2s}") java.time.Duration interval,
			@Value("${inspectflow.messaging.outbox-relay.enabled:true}") boolean enabled) {
		new ResourceDatabasePopulator(new ClassPathResource("inspectflow/messaging-schema.sql")).execute(dataSource);
		JdbcOutboxRelay relay = new JdbcOutboxRelay(jdbc, publisher, interval.toMillis());
		relay.setAutoStartup(enabled);
		return relay;
	}

	@Bean
	@ConditionalOnMissingBean
	JdbcOutbox jdbcOutbox(JdbcTemplate jdbc, ObjectMapper objectMapper, JdbcOutboxRelay relay) {
		return new JdbcOutbox(jdbc, objectMapper, relay::wake);
	}

	@Bean
	@ConditionalOnMissingBean
	ProcessedMessages processedMessages(JdbcTemplate jdbc, JdbcOutboxRelay schemaCreated) {
		return new JdbcProcessedMessages(jdbc);
	}

	@Bean
	@ConditionalOnMissingBean
	Inbox inbox(ObjectMapper objectMapper, MessageSchemas schemas, ProcessedMessages processed,
			ConfirmedPublisher publisher, ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator,
			PlatformTransactionManager transactionManager) {
		return new Inbox(objectMapper, schemas, processed, publisher, new TransactionTemplate(transactionManager))
			.tracing(tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
	}

}
