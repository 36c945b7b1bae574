package org.inspectflow.support.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's own URL rules (which role may call which endpoint), applied by the shared security chain after the
 * actuator rules and before the closing "everything else needs an authenticated caller". Data-scope checks (whose
 * data) belong in the service code, next to the data.
 */
@FunctionalInterface
public interface EndpointAuthorizationRules {

	void configure(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);

}
