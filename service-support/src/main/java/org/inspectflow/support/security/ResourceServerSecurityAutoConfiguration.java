package org.inspectflow.support.security;

import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The security every backend service runs with: a stateless JWT resource server trusting the InspectFlow Keycloak
 * realm (issuer and keys from {@code spring.security.oauth2.resourceserver.jwt.*}), roles from the {@code roles}
 * claim, health and info open for probes, every other actuator endpoint for {@code admin} only, and everything else
 * for authenticated callers unless a service narrows it with {@link EndpointAuthorizationRules}.
 */
@AutoConfiguration(before = { SecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class })
@ConditionalOnWebApplication(type = Type.SERVLET)
@EnableMethodSecurity
@Import(CallerController.class)
public class ResourceServerSecurityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(SecurityFilterChain.class)
	SecurityFilterChain inspectflowResourceServerChain(HttpSecurity http, ObjectMapper objectMapper,
			ObjectProvider<EndpointAuthorizationRules> serviceRules) throws Exception {
		ProblemDetailsSecurityHandlers problems = new ProblemDetailsSecurityHandlers(objectMapper);
		http.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests((requests) -> {
				requests.requestMatchers(EndpointRequest.to(HealthEndpoint.class, InfoEndpoint.class)).permitAll();
				requests.requestMatchers(EndpointRequest.toAnyEndpoint()).hasRole("admin");
				requests.requestMatchers("/error").permitAll();
				serviceRules.orderedStream().forEach((rules) -> rules.configure(requests));
				requests.anyRequest().authenticated();
			})
			.oauth2ResourceServer((resourceServer) -> resourceServer
				.jwt((jwt) -> jwt.jwtAuthenticationConverter(jwtAuthenticationConverter()))
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems));
		return http.build();
	}

	/**
	 * How far a token's {@code exp}/{@code nbf} may be off before it is refused ({@code inspectflow.security.clock-skew},
	 * 30 s by default; Spring's own check allows 60 s and runs too, so this can only narrow it). Spring Boot adds every
	 * {@code OAuth2TokenValidator<Jwt>} bean to the decoder's issuer and signature checks.
	 */
	@Bean
	OAuth2TokenValidator<Jwt> inspectflowTokenLifetimeValidator(
			@Value("${inspectflow.security.clock-skew:30s}") Duration clockSkew) {
		return new JwtTimestampValidator(clockSkew);
	}

	/**
	 * Only access tokens: Keycloak marks them {@code typ: Bearer}. Its ID tokens are signed by the same key, carry the
	 * same {@code roles} and reach the browser (the logout redirect's {@code id_token_hint}), so without this check an
	 * ID token would pass as an access token.
	 */
	@Bean
	OAuth2TokenValidator<Jwt> inspectflowAccessTokensOnly() {
		return new JwtClaimValidator<String>("typ", "Bearer"::equals);
	}

	static JwtAuthenticationConverter jwtAuthenticationConverter() {
		JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
		authorities.setAuthoritiesClaimName("roles");
		authorities.setAuthorityPrefix("ROLE_");
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(authorities);
		converter.setPrincipalClaimName("preferred_username");
		return converter;
	}

}
