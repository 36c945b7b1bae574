package org.inspectflow.gateway.me;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/me}: who is signed in, for the portal's header and menus. Any signed-in user may call it and sees
 * only their own identity, roles and data scope (the ID token's claims; the tokens themselves stay in the session).
 */
@RestController
class MeController {

	private static final List<String> PRODUCT_ROLES = List.of("officer", "supervisor", "enterprise", "integrator",
			"admin");

	@GetMapping("/api/me")
	Me me(@AuthenticationPrincipal OidcUser user) {
		List<String> roles = user.getClaimAsStringList("roles");
		return new Me(user.getPreferredUsername(), displayName(user.getFamilyName(), user.getGivenName(), user.getFullName()),
				user.getEmail(),
				roles == null ? List.of() : roles.stream().filter(PRODUCT_ROLES::contains).sorted().toList(),
				user.getClaimAsString("district"), user.getClaimAsString("city"),
				user.getClaimAsString("enterprise_id"));
	}

	/**
	 * Chinese names are written family name first and without a space (张伟), while Keycloak's {@code name} claim is
	 * always "given family" (伟 张); other names keep Keycloak's form.
	 */
	static String displayName(String family, String given, String fullName) {
		if (family != null && given != null && isHan(family) && isHan(given)) {
			return family + given;
		}
		return fullName;
	}

	private static boolean isHan(String text) {
		return !text.isBlank() && text.codePoints()
			.allMatch((c) -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN || c == '·');
	}

	/** The signed-in user as the portal shows them. */
	record Me(String username, String name, String email, List<String> roles, String district, String city,
			String enterpriseId) {
	}

}
