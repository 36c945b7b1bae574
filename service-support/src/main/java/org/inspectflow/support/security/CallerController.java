package org.inspectflow.support.security;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /me}: the caller as this service sees it. Any authenticated role may call it; it shows only the
 * caller's own claims. Behind the gateway ({@code /api/<service>/me}) it proves that the relayed token arrives and
 * that roles and data scope are read the same way in every service.
 */
@RestController
class CallerController {

	@GetMapping("/me")
	Caller me(@AuthenticationPrincipal Jwt jwt) {
		return Caller.from(jwt);
	}

}
