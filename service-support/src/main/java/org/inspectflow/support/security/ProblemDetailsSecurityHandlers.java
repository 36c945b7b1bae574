package org.inspectflow.support.security;

import java.io.IOException;
import java.net.URI;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Refusals as RFC 9457 problem+json, so that a client learns what went wrong and what to do next, while keeping the
 * {@code WWW-Authenticate} header that OAuth2 clients rely on (RFC 6750).
 */
final class ProblemDetailsSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();

	private final BearerTokenAccessDeniedHandler bearerDeniedHandler = new BearerTokenAccessDeniedHandler();

	private final ObjectMapper objectMapper;

	ProblemDetailsSecurityHandlers(ObjectMapper objectMapper) {
		this.objectMapper = objectMapper;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		this.bearerEntryPoint.commence(request, response, authException);
		boolean tokenPresent = request.getHeader("Authorization") != null;
		String detail = tokenPresent
				? "The bearer token was rejected (expired, tampered with, or from another issuer). Sign in again or request a new token."
				: "This endpoint needs a bearer token from the InspectFlow Keycloak realm. Sign in through the portal or request a token.";
		write(request, response, HttpStatus.UNAUTHORIZED, detail);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		this.bearerDeniedHandler.handle(request, response, accessDeniedException);
		write(request, response, HttpStatus.FORBIDDEN,
				"Your role or data scope does not allow this request. Ask an administrator if you need access.");
	}

	private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
			throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setInstance(URI.create(request.getRequestURI()));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.objectMapper.writeValue(response.getOutputStream(), problem);
	}

}
