package org.inspectflow.gateway.config;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.inspectflow.gateway.web.ProblemWriter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint.DelegateEntry;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.session.CookieWebSessionIdResolver;
import org.springframework.web.server.session.WebSessionIdResolver;

/**
 * The gateway's two ways in, each its own filter chain.
 * <ul>
 * <li>{@code /api/integrations/**}: integrators' systems, as an OAuth2 resource server. A client-credentials bearer
 * token of the realm with the {@code integrator} role is required; nothing is kept between requests (no session, no
 * CSRF, since no cookie authenticates anything there) and the token goes on to the service unchanged.</li>
 * <li>everything else: the browser, as a BFF (IETF OAuth 2.0 for Browser-Based Apps): authorization code with PKCE
 * against Keycloak, the tokens kept in the server-side session, a CSRF cookie the portal echoes back on every
 * state-changing call, RP-initiated logout that ends the Keycloak session too. A bearer token opens nothing here. A
 * browser without a session is sent to the Keycloak login; an API call without one gets a 401 problem+json, so the
 * portal can decide, except the reads of a draw's public record ({@link #PUBLIC_DRAW_READS}), which anyone may make.</li>
 * </ul>
 * Both chains write the same security headers on every response.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfig {

	static final String REGISTRATION_ID = "keycloak";

	static final String INTEGRATIONS = "/api/integrations/**";

	/**
	 * The only API calls open without a session: a draw's public record and its verification (enterprise-service's
	 * {@code GET /draws/{drawId}} and {@code GET /draws/{drawId}/verify}, which it permits to anyone). Exactly these two
	 * GETs, one path segment for the id: making or revealing a draw, and every other enterprise path, still need a
	 * session.
	 */
	static final String[] PUBLIC_DRAW_READS = { "/api/enterprise/draws/{drawId}",
			"/api/enterprise/draws/{drawId}/verify" };

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

	/**
	 * The session cookie: {@code HttpOnly} (no script reads it), {@code SameSite=Lax} (not sent on cross-site
	 * sub-requests or posts), {@code Secure} over https or when configured. Spring Session on Redis uses this resolver
	 * too.
	 */
	@Bean
	WebSessionIdResolver webSessionIdResolver(GatewayProperties properties) {
		CookieWebSessionIdResolver resolver = new CookieWebSessionIdResolver();
		resolver.setCookieName("SESSION");
		resolver.addCookieInitializer((cookie) -> {
			cookie.httpOnly(true).sameSite("Lax").path("/");
			if (properties.secureCookies()) {
				cookie.secure(true);
			}
		});
		return resolver;
	}

	/**
	 * No Micrometer observation of Spring Security's own steps: with a tracer on the classpath Spring Security wraps
	 * every filter of both chains, every authentication and every authorization decision in an observation (a span and
	 * a timer each, a dozen per request), which took about a tenth of the gateway's CPU time under load and tells
	 * nobody anything the request's own span ({@code http.server.requests}) and the routed call's span do not. The
	 * request's trace and its continuation to the service are unaffected.
	 */
	@Bean
	static SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/** The integrators' API: stateless bearer-token access for the {@code integrator} role. */
	@Bean
	@Order(1)
	SecurityWebFilterChain integratorSecurityWebFilterChain(ServerHttpSecurity http, GatewayProperties properties,
			ProblemWriter problemWriter, @Value("${inspectflow.security.clock-skew:30s}") Duration clockSkew) {
		BearerProblems problems = new BearerProblems(problemWriter);
		http.securityMatcher(new PathPatternParserServerWebExchangeMatcher(INTEGRATIONS))
			.authorizeExchange((exchanges) -> exchanges.anyExchange().hasRole("integrator"))
			.oauth2ResourceServer((resourceServer) -> resourceServer.bearerTokenConverter(new BearerTokenFromHeader())
				.jwt((jwt) -> jwt.jwtDecoder(integratorTokenDecoder(properties.keycloak(), clockSkew))
					.jwtAuthenticationConverter(integratorAuthentication()))
				.authenticationEntryPoint(problems.unauthorized())
				.accessDeniedHandler(problems.forbidden()))
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.headers(securityHeaders(properties))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(problems.unauthorized())
				.accessDeniedHandler(problems.forbidden()));
		return http.build();
	}

	/** The browser's way in: the BFF session. */
	@Bean
	@Order(2)
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http,
			ReactiveClientRegistrationRepository registrations, GatewayProperties properties,
			ProblemWriter problemWriter) {
		DefaultServerOAuth2AuthorizationRequestResolver pkce = new DefaultServerOAuth2AuthorizationRequestResolver(
				registrations);
		pkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());

		OidcClientInitiatedServerLogoutSuccessHandler logoutSuccess = new OidcClientInitiatedServerLogoutSuccessHandler(
				registrations);
		logoutSuccess.setPostLogoutRedirectUri("{baseUrl}/");

		SessionProblems problems = new SessionProblems(problemWriter);
		DelegatingServerAuthenticationEntryPoint entryPoint = new DelegatingServerAuthenticationEntryPoint(
				new DelegateEntry(new PathPatternParserServerWebExchangeMatcher("/api/**"), problems.unauthorized()));
		entryPoint.setDefaultEntryPoint(
				new RedirectServerAuthenticationEntryPoint("/oauth2/authorization/" + REGISTRATION_ID));

		http.authorizeExchange((exchanges) -> exchanges
			.pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
			.permitAll()
			// the public record of a double-random draw (一公开): anyone may read it and check the seed commitment
			// without signing in, as enterprise-service allows; a signed-in user's token is still relayed
			.pathMatchers(HttpMethod.GET, PUBLIC_DRAW_READS)
			.permitAll()
			.pathMatchers("/actuator/**")
			.hasRole("admin")
			.anyExchange()
			.authenticated())
			.oauth2Login((login) -> login.authorizationRequestResolver(pkce))
			.oauth2Client((client) -> {
			})
			.logout((logout) -> logout.logoutSuccessHandler(logoutSuccess))
			.csrf((csrf) -> csrf.csrfTokenRepository(csrfTokenRepository(properties))
				.csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
				.accessDeniedHandler(problems.csrfRefused()))
			.headers(securityHeaders(properties))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(problems.forbidden()));
		return http.build();
	}

	/**
	 * The CSRF cookie ({@code XSRF-TOKEN}): the portal reads it and echoes it in {@code X-XSRF-TOKEN} on every POST,
	 * PUT, PATCH and DELETE, so script must be able to read it; {@code SameSite=Lax} and {@code Secure} like the
	 * session cookie.
	 */
	static CookieServerCsrfTokenRepository csrfTokenRepository(GatewayProperties properties) {
		CookieServerCsrfTokenRepository csrfTokens = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
		csrfTokens.setCookiePath("/");
		csrfTokens.setCookieCustomizer((cookie) -> {
			cookie.sameSite("Lax");
			if (properties.secureCookies()) {
				cookie.secure(true);
			}
		});
		return csrfTokens;
	}

	/**
	 * The headers every response carries: the Content-Security-Policy of {@link ContentSecurityPolicy}, no framing,
	 * no MIME sniffing, no referrer to other sites, and browser features off except the camera and geolocation the
	 * portal's on-site inspection uses on its own origin.
	 */
	static Customizer<ServerHttpSecurity.HeaderSpec> securityHeaders(GatewayProperties properties) {
		return (headers) -> headers
			.contentSecurityPolicy((csp) -> csp.policyDirectives(ContentSecurityPolicy.of(properties.keycloak())))
			.frameOptions((frames) -> frames.mode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
			.permissionsPolicy((permissions) -> permissions.policy(ContentSecurityPolicy.PERMISSIONS_POLICY));
	}

	/**
	 * Integrators' tokens: signed by the realm's key (fetched from the back channel), issued by the realm as browsers
	 * and clients know it, inside their lifetime give or take {@code inspectflow.security.clock-skew} (the services'
	 * setting, 30 s by default), and access tokens ({@code typ} Bearer): an ID token of the realm, which the logout
	 * redirect shows the browser, is not one. The {@code roles} claim gives the authorities; the principal is the client
	 * ({@code azp}), which the rate limiter counts by. A token that passed is remembered until it expires
	 * ({@link CachedJwtDecoder}): integrators send the same token with every call.
	 */
	static ReactiveJwtDecoder integratorTokenDecoder(GatewayProperties.Keycloak keycloak, Duration clockSkew) {
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
			.withJwkSetUri(keycloak.backChannelIssuer() + "/protocol/openid-connect/certs")
			.build();
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtIssuerValidator(keycloak.issuer()),
				new JwtTimestampValidator(clockSkew), new JwtClaimValidator<String>("typ", "Bearer"::equals)));
		return new CachedJwtDecoder(decoder, clockSkew, Clock.systemUTC());
	}

	static ReactiveJwtAuthenticationConverterAdapter integratorAuthentication() {
		JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
		authorities.setAuthoritiesClaimName("roles");
		authorities.setAuthorityPrefix("ROLE_");
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(authorities);
		converter.setPrincipalClaimName("azp");
		return new ReactiveJwtAuthenticationConverterAdapter(converter);
	}

	/**
	 * Spring Security's firewall refuses requests whose path could mean something else further on (encoded slashes or
	 * dots, {@code ..} segments, e.g. {@code /api/integrations/%2e%2e/workflow/cases}) before any rule sees them; the
	 * refusal is a 400 problem+json like the gateway's others.
	 */
	@Bean
	ServerExchangeRejectedHandler exchangeRejectedHandler(ProblemWriter problems) {
		return (exchange, ex) -> problems.write(exchange, HttpStatus.BAD_REQUEST,
				"The request's path is not allowed (encoded or relative path segments).");
	}

	/** Writes the CSRF cookie on every response, so the portal has it before its first POST. */
	@Bean
	WebFilter csrfCookieWebFilter() {
		return (exchange, chain) -> {
			Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
			return (token != null ? token.then() : Mono.<Void>empty()).then(chain.filter(exchange));
		};
	}

	/** The browser session's refusals. */
	static final class SessionProblems {

		private final ProblemWriter problems;

		SessionProblems(ProblemWriter problems) {
			this.problems = problems;
		}

		ServerAuthenticationEntryPoint unauthorized() {
			return (exchange, ex) -> this.problems.write(exchange, HttpStatus.UNAUTHORIZED,
					"You are not signed in, or your session has ended. Sign in again at /oauth2/authorization/keycloak.");
		}

		ServerAccessDeniedHandler forbidden() {
			return (exchange, ex) -> this.problems.write(exchange, HttpStatus.FORBIDDEN,
					"Your role does not allow this request. Ask an administrator if you need access.");
		}

		ServerAccessDeniedHandler csrfRefused() {
			return (exchange, ex) -> this.problems.write(exchange, HttpStatus.FORBIDDEN,
					"The CSRF token is missing or wrong: send the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header.");
		}

	}

	/** The integrators' refusals, with the RFC 6750 {@code WWW-Authenticate} challenge OAuth2 clients expect. */
	static final class BearerProblems {

		private final ProblemWriter problems;

		BearerProblems(ProblemWriter problems) {
			this.problems = problems;
		}

		ServerAuthenticationEntryPoint unauthorized() {
			return (exchange, ex) -> {
				boolean tokenPresent = exchange.getRequest().getHeaders().containsKey(HttpHeaders.AUTHORIZATION);
				String challenge = tokenPresent
						? "Bearer error=\"invalid_token\", error_description=\"The token was rejected\"" : "Bearer";
				String detail = tokenPresent
						? "The bearer token was rejected (expired, tampered with, or from another issuer). Request a new token with your client credentials."
						: "The integration API needs a bearer token of the InspectFlow Keycloak realm: request one with your client credentials (grant_type=client_credentials).";
				return this.problems.write(exchange, HttpStatus.UNAUTHORIZED, detail,
						(headers) -> headers.set(HttpHeaders.WWW_AUTHENTICATE, challenge));
			};
		}

		ServerAccessDeniedHandler forbidden() {
			return (exchange, ex) -> this.problems.write(exchange, HttpStatus.FORBIDDEN,
					"The integration API is for integrator clients (client credentials with the integrator role).",
					(headers) -> headers.set(HttpHeaders.WWW_AUTHENTICATE,
							"Bearer error=\"insufficient_scope\", error_description=\"The integrator role is required\""));
		}

	}

}
