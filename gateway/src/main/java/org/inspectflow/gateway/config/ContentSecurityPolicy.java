package org.inspectflow.gateway.config;

import java.util.List;

/**
 * The Content-Security-Policy for the portal the gateway serves (Vue 3 + Element Plus, built by Vite). The build emits
 * only external module scripts and no {@code eval}, so scripts come from the gateway's own origin alone: an injected
 * inline script does not run. Styles allow {@code 'unsafe-inline'} because Element Plus positions popovers, dialogs and
 * tables with inline {@code style} attributes; a style cannot run code. Images, fonts and media also allow
 * {@code data:}/{@code blob:} for Element Plus's icons and the on-site camera's previews. Forms may post only to the
 * gateway and to Keycloak (the logout form is answered with a redirect to Keycloak's end-session endpoint). No site may
 * frame the portal.
 */
final class ContentSecurityPolicy {

	/**
	 * Browser features: the camera and geolocation for on-site inspections (photos with GPS), only on the portal's own
	 * origin; everything else the portal never uses is off.
	 */
	static final String PERMISSIONS_POLICY = String.join(", ", "camera=(self)", "geolocation=(self)",
			"microphone=()", "payment=()", "usb=()", "serial=()", "bluetooth=()", "hid=()", "midi=()",
			"magnetometer=()", "gyroscope=()", "accelerometer=()", "display-capture=()");

	private ContentSecurityPolicy() {
	}

	static String of(GatewayProperties.Keycloak keycloak) {
		return String.join("; ", List.of("default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'",
				"img-src 'self' data: blob:", "font-src 'self' data:", "media-src 'self' blob:", "connect-src 'self'",
				"worker-src 'self'", "manifest-src 'self'", "object-src 'none'", "base-uri 'self'",
				"form-action 'self' " + keycloak.publicOrigin(), "frame-ancestors 'none'"));
	}

}
