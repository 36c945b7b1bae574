package org.inspectflow.workflow.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.inspectflow.support.security.EndpointAuthorizationRules;
import org.inspectflow.support.web.KnownFieldsOnly;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Which role may call which endpoint of workflow-service. Whose data (jurisdiction, city, enterprise) is checked
 * next to the data, in CaseAccess and TaskAccess.
 */
@Configuration(proxyBeanMethods = false)
class WorkflowSecurityConfig {

	/** Request bodies carry only the fields of their request records (mass assignment is refused with 400). */
	@Bean
	KnownFieldsOnly knownFieldsOnly(ObjectMapper json) {
		return new KnownFieldsOnly(json, "org.inspectflow.workflow.");
	}

	@Bean
	EndpointAuthorizationRules workflowEndpointRules() {
		return (requests) -> requests
			.requestMatchers("/integrations/**").hasRole("integrator")
			.requestMatchers(HttpMethod.PUT, "/calendars/**").hasRole("admin")
			.requestMatchers("/calendars/**").hasAnyRole("officer", "supervisor", "admin")
			.requestMatchers("/statistics/**").hasAnyRole("supervisor", "admin")
			.requestMatchers(HttpMethod.GET, "/cases/*/access-log").hasAnyRole("supervisor", "admin")
			.requestMatchers("/clues/**", "/tasks/**", "/cases/**").hasAnyRole("officer", "supervisor", "admin")
			.requestMatchers("/engine-rest/**").hasRole("admin")
			// the YAML twin of the description too: "/v3/api-docs/**" does not match "/v3/api-docs.yaml"
			.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/v3/api-docs.yaml/**")
			.hasAnyRole("officer", "supervisor", "admin", "integrator");
	}

}
