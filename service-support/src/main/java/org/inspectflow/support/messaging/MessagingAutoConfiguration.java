package org.inspectflow.support.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.amqp.support.converter.Jackson2JsonMessageConverter;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.amqp.RabbitAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Messages on the bus are JSON (the CloudEvents-style envelope of the contracts module), written with the service's
 * own Jackson settings, so that Java time types and records look the same on the wire from every service.
 */
@AutoConfiguration(before = RabbitAutoConfiguration.class, after = JacksonAutoConfiguration.class)
@ConditionalOnClass(MessageConverter.class)
public class MessagingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(MessageConverter.class)
	MessageConverter jsonMessageConverter(ObjectMapper objectMapper) {
		return new Jackson2JsonMessageConverter(objectMapper);
	}

}
