package org.inspectflow.gateway.config;

import java.net.URI;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint.DelegateEntry;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;

/**
 * The BFF's security (IETF OAuth 2.0 for Browser-Based Apps): authorization code with PKCE against Keycloak, the
 * tokens kept in the server-side session, a CSRF cookie the portal echoes back, RP-initiated logout that ends the
 * Keycloak session too. A browser without a session is sent to the Keycloak login; an API call without one gets a
 * 401 problem+json, so the portal can decide.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfig {

	static final String REGISTRATION_ID = "keycloak";

	private static final List<String> PRODUCT_ROLES = List.of("officer", "supervisor", "enterprise", "integrator",
			"admin");

	@Bean
	ReactiveClientRegistrationRepository clientRegistrationRepository(GatewayProperties properties) {
		GatewayProperties.Keycloak keycloak = properties.keycloak();
		String issuer = keycloak.issuer();
		String backChannel = keycloak.backChannelIssuer();
		ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION_ID)
			.clientName("Keycloak")
			.clientId(keycloak.clientId())
			.clientSecret(keycloak.clientSecret())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.scope("openid", "profile", "email")
			.issuerUri(issuer)
			.authorizationUri(issuer + "/protocol/openid-connect/auth")
			.tokenUri(backChannel + "/protocol/openid-connect/token")
			.jwkSetUri(backChannel + "/protocol/openid-connect/certs")
			.userInfoUri(backChannel + "/protocol/openid-connect/userinfo")
			.userNameAttributeName("preferred_username")
			.providerConfigurationMetadata(
					Map.of("end_session_endpoint", issuer + "/protocol/openid-connect/logout"))
			.build();
		return new InMemoryReactiveClientRegistrationRepository(registration);
	}

	@Bean
	ServerOAuth2AuthorizedClientRepository authorizedClientRepository() {
		return new WebSessionServerOAuth2AuthorizedClientRepository();
	}

	@Bean
	ReactiveOAuth2AuthorizedClientManager authorizedClientManager(ReactiveClientRegistrationRepository registrations,
			ServerOAuth2AuthorizedClientRepository authorizedClients) {
		DefaultReactiveOAuth2AuthorizedClientManager manager = new DefaultReactiveOAuth2AuthorizedClientManager(
				registrations, authorizedClients);
		manager.setAuthorizedClientProvider(
				ReactiveOAuth2AuthorizedClientProviderBuilder.builder().authorizationCode().refreshToken().build());
		return manager;
	}

	/** The product roles of the {@code roles} claim become {@code ROLE_x} authorities of the session. */
	@Bean
	GrantedAuthoritiesMapper rolesClaimAuthoritiesMapper() {
		return (authorities) -> {
			Set<GrantedAuthority> mapped = new HashSet<>(authorities);
			authorities.stream()
				.filter(OidcUserAuthority.class::isInstance)
				.map(OidcUserAuthority.class::cast)
				.map((authority) -> authority.getIdToken().getClaimAsStringList("roles"))
				.filter((roles) -> roles != null)
				.flatMap(Collection::stream)
				.filter(PRODUCT_ROLES::contains)
				.forEach((role) -> mapped.add(new SimpleGrantedAuthority("ROLE_" + role)));
			return mapped;
		};
	}

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http,
			ReactiveClientRegistrationRepository registrations, ObjectMapper objectMapper) {
		DefaultServerOAuth2AuthorizationRequestResolver pkce = new DefaultServerOAuth2AuthorizationRequestResolver(
				registrations);
		pkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());

		OidcClientInitiatedServerLogoutSuccessHandler logoutSuccess = new OidcClientInitiatedServerLogoutSuccessHandler(
				registrations);
		logoutSuccess.setPostLogoutRedirectUri("{baseUrl}/");

		ProblemResponses problems = new ProblemResponses(objectMapper);
		DelegatingServerAuthenticationEntryPoint entryPoint = new DelegatingServerAuthenticationEntryPoint(
				new DelegateEntry(new PathPatternParserServerWebExchangeMatcher("/api/**"), problems.unauthorized()));
		entryPoint.setDefaultEntryPoint(
				new RedirectServerAuthenticationEntryPoint("/oauth2/authorization/" + REGISTRATION_ID));

		CookieServerCsrfTokenRepository csrfTokens = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
		csrfTokens.setCookiePath("/");

		http.authorizeExchange((exchanges) -> exchanges
			.pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
			.permitAll()
			.pathMatchers("/actuator/**")
			.hasRole("admin")
			.anyExchange()
			.authenticated())
			.oauth2Login((login) -> login.authorizationRequestResolver(pkce))
			.oauth2Client((client) -> {
			})
			.logout((logout) -> logout.logoutSuccessHandler(logoutSuccess))
			.csrf((csrf) -> csrf.csrfTokenRepository(csrfTokens)
				.csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler()))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(problems.forbidden()));
		return http.build();
	}

	/** Writes the CSRF cookie on every response, so the portal has it before its first POST. */
	@Bean
	WebFilter csrfCookieWebFilter() {
		return (exchange, chain) -> {
			Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
			return (token != null ? token.then() : Mono.<Void>empty()).then(chain.filter(exchange));
		};
	}

	/** Refusals as RFC 9457 problem+json. */
	static final class ProblemResponses {

		private final ObjectMapper objectMapper;

		ProblemResponses(ObjectMapper objectMapper) {
			this.objectMapper = objectMapper;
		}

		ServerAuthenticationEntryPoint unauthorized() {
			return (exchange, ex) -> write(exchange, HttpStatus.UNAUTHORIZED,
					"You are not signed in, or your session has ended. Sign in again at /oauth2/authorization/keycloak.");
		}

		ServerAccessDeniedHandler forbidden() {
			return (exchange, ex) -> write(exchange, HttpStatus.FORBIDDEN,
					"Your role does not allow this request. Ask an administrator if you need access.");
		}

		private Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
			problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
			byte[] body;
			try {
				body = this.objectMapper.writeValueAsBytes(problem);
			}
			catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
				return Mono.error(ex);
			}
			exchange.getResponse().setStatusCode(status);
			exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
			DataBuffer buffer = exchange.getResponse().bufferFactory().wrap(body);
			return exchange.getResponse().writeWith(Mono.just(buffer));
		}

	}

}
