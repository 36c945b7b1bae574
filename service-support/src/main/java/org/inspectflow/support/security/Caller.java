package org.inspectflow.support.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling, as the platform's authorization rules need it: the product roles and the data scope that Keycloak
 * puts into every token ({@code district}, {@code city} for officers and supervisors, {@code enterprise_id} for
 * enterprise users). Every service reads the caller the same way, so one rule means the same thing everywhere.
 *
 * @param username the {@code preferred_username} claim (a service account for client-credentials tokens)
 * @param roles the caller's product roles (Keycloak's own default roles are left out)
 * @param district the jurisdiction's district code, for officers
 * @param city the jurisdiction's city code, for officers and supervisors
 * @param enterpriseId the enterprise's unified social credit code, for enterprise users
 */
public record Caller(String username, Set<String> roles, String district, String city, String enterpriseId) {

	/** The roles the product knows; anything else in the {@code roles} claim is Keycloak's own. */
	public static final List<String> PRODUCT_ROLES = List.of("officer", "supervisor", "enterprise", "integrator",
			"admin");

	public static Caller from(Jwt jwt) {
		return new Caller(jwt.getClaimAsString("preferred_username"), productRoles(jwt.getClaimAsStringList("roles")),
				jwt.getClaimAsString("district"), jwt.getClaimAsString("city"), jwt.getClaimAsString("enterprise_id"));
	}

	static Set<String> productRoles(Collection<String> claimed) {
		Set<String> roles = new TreeSet<>();
		if (claimed != null) {
			claimed.stream().filter(PRODUCT_ROLES::contains).forEach(roles::add);
		}
		return Set.copyOf(roles);
	}

	public boolean hasRole(String role) {
		return this.roles.contains(role);
	}

}
