package org.inspectflow.gateway.portal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The portal is a single-page app: its own routes ({@code /cases/42}) exist only in the browser, so any page request
 * that is not an API, login, asset or actuator path gets {@code index.html}, and a reload keeps the user's place.
 */
@Configuration(proxyBeanMethods = false)
class PortalRoutes {

	@Bean
	RouterFunction<ServerResponse> portalPages(@Value("classpath:/static/index.html") Resource index) {
		return RouterFunctions.route(RequestPredicates.GET("/**")
			.and(RequestPredicates.accept(MediaType.TEXT_HTML))
			.and((request) -> isPortalPage(request.path())),
				(request) -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(index));
	}

	static boolean isPortalPage(String path) {
		return !(path.startsWith("/api/") || path.startsWith("/oauth2/") || path.startsWith("/login")
				|| path.startsWith("/logout") || path.startsWith("/actuator") || path.startsWith("/assets/")
				|| path.lastIndexOf('.') > path.lastIndexOf('/'));
	}

}
