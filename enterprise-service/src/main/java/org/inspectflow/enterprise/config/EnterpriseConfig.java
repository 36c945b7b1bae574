package org.inspectflow.enterprise.config;

import java.time.Clock;

import org.inspectflow.enterprise.draw.DrawService;
import org.inspectflow.enterprise.monitoring.MonitoringRegister;
import org.inspectflow.enterprise.portal.PortalOrders;
import org.inspectflow.enterprise.register.EnterpriseRegister;
import org.inspectflow.enterprise.seed.SeedLoader;
import org.inspectflow.enterprise.triage.TriageService;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.inspectflow.support.security.EndpointAuthorizationRules;
import org.inspectflow.support.web.KnownFieldsOnly;

import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Which role may call which endpoint (whose data is checked next to the data, in {@code EnterpriseAccess}), the
 * clock the rules count days on, and what must exist before the service takes work: its indexes and, on an empty
 * register, the demo data.
 */
@Configuration(proxyBeanMethods = false)
class EnterpriseConfig {

	/** Request bodies carry only the fields of their request records (mass assignment is refused with 400). */
	@Bean
	KnownFieldsOnly knownFieldsOnly(ObjectMapper json) {
		return new KnownFieldsOnly(json, "org.inspectflow.enterprise.");
	}

	@Bean
	EndpointAuthorizationRules enterpriseEndpointRules() {
		return (requests) -> requests
			.requestMatchers(HttpMethod.POST, "/enterprises/import").hasRole("admin")
			.requestMatchers(HttpMethod.GET, "/enterprises/export").hasAnyRole("supervisor", "admin")
			.requestMatchers("/enterprises/*/positive-list").hasAnyRole("supervisor", "admin")
			.requestMatchers(HttpMethod.GET, "/enterprises").hasAnyRole("officer", "supervisor", "admin")
			.requestMatchers(HttpMethod.GET, "/enterprises/*", "/enterprises/*/compliance")
			.hasAnyRole("officer", "supervisor", "enterprise", "admin")
			.requestMatchers("/enterprises/**").denyAll()
			// the enterprise portal: enterprise users only, scoped to the token's enterprise_id in PortalController
			.requestMatchers(HttpMethod.GET, "/portal/orders", "/portal/orders/*", "/portal/history")
			.hasRole("enterprise")
			.requestMatchers(HttpMethod.POST, "/portal/orders/*/submissions").hasRole("enterprise")
			.requestMatchers("/portal/**").denyAll()
			// the fraud trace: supervisors (clients in their city) and admins, scoped in TraceController
			.requestMatchers(HttpMethod.GET, "/monitoring-companies/*/clients").hasAnyRole("supervisor", "admin")
			.requestMatchers(HttpMethod.POST, "/monitoring-companies/*/trace").hasAnyRole("supervisor", "admin")
			.requestMatchers("/monitoring-companies/**").denyAll()
			// double-random draws: made by supervisors (their city) and admins; read and verified by anyone (一公开)
			.requestMatchers(HttpMethod.POST, "/draws", "/draws/*/reveal").hasAnyRole("supervisor", "admin")
			.requestMatchers(HttpMethod.GET, "/draws/*", "/draws/*/verify").permitAll()
			.requestMatchers("/draws/**").denyAll();
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/** Before listeners and requests are served: the indexes, then the demo data if the register is empty. */
	@Bean
	ApplicationRunner enterpriseStartup(EnterpriseRegister register, TriageService triage,
			MonitoringRegister monitoring, PortalOrders orders, DrawService draws, SeedLoader seed) {
		return (args) -> {
			register.ensureIndexes();
			triage.ensureIndexes();
			monitoring.ensureIndexes();
			orders.ensureIndexes();
			seed.seedIfEmpty();
			draws.seedRosterIfEmpty();
		};
	}

}
