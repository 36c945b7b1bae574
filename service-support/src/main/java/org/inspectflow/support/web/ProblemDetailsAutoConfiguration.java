package org.inspectflow.support.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every Spring MVC error (bad JSON, a missing parameter, an unknown path, a wrong method) answers as RFC 9457
 * problem+json, in every service, without each service remembering {@code spring.mvc.problemdetails.enabled}.
 */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
public class ProblemDetailsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
	ProblemDetailsExceptionHandler problemDetailsExceptionHandler() {
		return new ProblemDetailsExceptionHandler();
	}

	@ControllerAdvice
	static class ProblemDetailsExceptionHandler extends ResponseEntityExceptionHandler {

	}

}
