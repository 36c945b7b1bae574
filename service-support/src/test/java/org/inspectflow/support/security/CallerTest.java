package org.inspectflow.support.security;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

class CallerTest {

	@Test
	void readsTheProductRolesAndTheOfficersJurisdiction() {
		Caller caller = Caller.from(jwt().claim("preferred_username", "officer1")
			.claim("roles", List.of("officer", "offline_access", "default-roles-inspectflow", "uma_authorization"))
			.claim("district", "440304")
			.claim("city", "440300")
			.build());
		assertThat(caller.username()).isEqualTo("officer1");
		assertThat(caller.roles()).containsExactly("officer");
		assertThat(caller.hasRole("officer")).isTrue();
		assertThat(caller.hasRole("admin")).isFalse();
		assertThat(caller.district()).isEqualTo("440304");
		assertThat(caller.enterpriseId()).isNull();
	}

	@Test
	void readsTheEnterpriseOfAnEnterpriseUser() {
		Caller caller = Caller.from(jwt().claim("preferred_username", "enterprise1")
			.claim("roles", List.of("enterprise"))
			.claim("enterprise_id", "914403040000DM001P")
			.build());
		assertThat(caller.enterpriseId()).isEqualTo("914403040000DM001P");
		assertThat(caller.district()).isNull();
	}

	@Test
	void hasNoRolesWhenTheTokenCarriesNone() {
		assertThat(Caller.from(jwt().claim("preferred_username", "someone").build()).roles()).isEmpty();
	}

	private static Jwt.Builder jwt() {
		return Jwt.withTokenValue("t").header("alg", "RS256").issuedAt(Instant.now()).subject("s");
	}

}
