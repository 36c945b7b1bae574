package org.inspectflow.support.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.inspectflow.support.messaging.BatchConfirmPublisher;
import org.inspectflow.support.messaging.ConfirmedPublisher;
import org.inspectflow.support.messaging.Inbox;
import org.inspectflow.support.messaging.MessageSchemas;
import org.inspectflow.support.messaging.MessagingAutoConfiguration;
import org.inspectflow.support.messaging.MongoProcessedMessages;
import org.inspectflow.support.messaging.ProcessedMessages;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.amqp.RabbitAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * For a MongoDB-backed service: the outbox in the changed documents with its relay, and the inbox that records handled
 * messages in the same database.
 */
@AutoConfiguration(after = { MongoDataAutoConfiguration.class, RabbitAutoConfiguration.class,
		MessagingAutoConfiguration.class })
@ConditionalOnClass(MongoTemplate.class)
@ConditionalOnBean({ MongoTemplate.class, ConfirmedPublisher.class })
public class MongoMessagingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MongoOutboxRelay outboxRelay(MongoTemplate mongo, BatchConfirmPublisher publisher,
			@Value("${inspectflow.messaging.outbox-interval:2s}") java.time.Duration interval,
			@Value("${inspectflow.messaging.outbox-relay.enabled:true}") boolean enabled) {
		MongoOutboxRelay relay = new MongoOutboxRelay(mongo, publisher, interval.toMillis());
		relay.setAutoStartup(enabled);
		return relay;
	}

	@Bean
	@ConditionalOnMissingBean
	MongoOutbox mongoOutbox(MongoTemplate mongo, ObjectMapper objectMapper, MongoOutboxRelay relay) {
		return new MongoOutbox(mongo, objectMapper, relay::wake);
	}

	@Bean
	@ConditionalOnMissingBean
	ProcessedMessages processedMessages(MongoTemplate mongo) {
		return new MongoProcessedMessages(mongo);
	}

	@Bean
	@ConditionalOnMissingBean
	Inbox inbox(ObjectMapper objectMapper, MessageSchemas schemas, ProcessedMessages processed,
			ConfirmedPublisher publisher, ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		return new Inbox(objectMapper, schemas, processed, publisher)
			.tracing(tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
	}

}
