package org.inspectflow.gateway.portal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PortalRoutesTest {

	@ParameterizedTest(name = "{0} is a portal page: {1}")
	@CsvSource({ "/, true", "/cases/42, true", "/inbox, true", "/api/me, false", "/api/workflow/cases, false",
			"/oauth2/authorization/keycloak, false", "/login/oauth2/code/keycloak, false", "/logout, false",
			"/actuator/health, false", "/assets/index-abc.js, false", "/favicon.svg, false" })
	void servesIndexHtmlOnlyForThePortalsOwnRoutes(String path, boolean portalPage) {
		assertThat(PortalRoutes.isPortalPage(path)).isEqualTo(portalPage);
	}

}
