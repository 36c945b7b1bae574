package org.inspectflow.support.messaging;

import java.time.Duration;

import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.amqp.RabbitAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Every service declares its part of the topology at start, publishes with broker confirms, and checks what it
 * receives against the AsyncAPI schemas. Messages travel as the bytes of the contracts' JSON envelope: the outbox
 * writes them and the {@link Inbox} reads them, so no message converter stands in between (one that parsed bodies
 * before the inbox would drop malformed messages without saying why).
 */
@AutoConfiguration(after = RabbitAutoConfiguration.class)
@ConditionalOnClass(RabbitTemplate.class)
public class MessagingAutoConfiguration {

	@Bean
	Declarables inspectflowTopology(@Value("${spring.application.name}") String service) {
		return new Declarables(TopologyDeclarations.forService(service));
	}

	@Bean
	@ConditionalOnMissingBean
	ConfirmedPublisher confirmedPublisher(RabbitTemplate rabbitTemplate,
			@Value("${inspectflow.messaging.confirm-timeout:10s}") Duration timeout) {
		return new ConfirmedPublisher(rabbitTemplate, timeout);
	}

	/** The outbox relays' publisher: batches on a confirm channel of its own. */
	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	BatchConfirmPublisher batchConfirmPublisher(CachingConnectionFactory connectionFactory,
			@Value("${inspectflow.messaging.confirm-timeout:10s}") Duration timeout) {
		return new BatchConfirmPublisher(connectionFactory.getRabbitConnectionFactory(), timeout);
	}

	@Bean
	@ConditionalOnMissingBean
	Envelopes envelopes(@Value("${spring.application.name}") String service,
			org.springframework.beans.factory.ObjectProvider<io.micrometer.tracing.Tracer> tracer) {
		return new Envelopes(service, tracer.getIfAvailable(() -> io.micrometer.tracing.Tracer.NOOP));
	}

	@Bean
	@ConditionalOnMissingBean
	MessageSchemas messageSchemas() {
		return MessageSchemas.fromClasspath();
	}

}
