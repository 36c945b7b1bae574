package org.inspectflow.e2e.stack;

import java.util.Map;

/**
 * Where the running platform is, read from the same {@code INSPECTFLOW_*} variables {@code ./inspectflow} sets
 * (defaults: the ports of {@code ./inspectflow up}). The gateway is the way in for people; Keycloak issues the
 * integrator's token; RabbitMQ is read as an integrator reads it; the mail and SMS stand-ins are read back through
 * their own APIs. The services' own ports are only used when the gateway lacks an integrator route.
 */
public record StackConfig(String gateway, String keycloak, String workflowService, String notificationService,
		Rabbit rabbit, String mailApi, String smsApi) {

	/** The demo users' password (demo realm only). */
	public static final String DEMO_PASSWORD = "demo123";

	/** The demo integrator client (client credentials), see docs/integrators.md. */
	public static final String INTEGRATOR_CLIENT = "inspectflow-integrator-demo";

	public static final String INTEGRATOR_SECRET = "integrator-demo-secret";

	/**
	 * @param integratorUser the read-only RabbitMQ user integrators get (may bind its own {@code integrator.*} queues)
	 * @param user the broker user the services use, tried when the integrator user is not set up on this broker
	 */
	public record Rabbit(String host, int port, String vhost, String integratorUser, String integratorPassword,
			String user, String password) {
	}

	public static StackConfig fromEnvironment() {
		return from(System.getenv());
	}

	static StackConfig from(Map<String, String> env) {
		String gateway = "http://localhost:" + env.getOrDefault("INSPECTFLOW_GATEWAY_PORT", "8080");
		String keycloak = env.getOrDefault("INSPECTFLOW_KEYCLOAK_URL",
				"http://localhost:" + env.getOrDefault("INSPECTFLOW_KEYCLOAK_PORT", "8180"));
		String workflow = "http://localhost:" + env.getOrDefault("INSPECTFLOW_WORKFLOW_PORT", "8081");
		String notification = "http://localhost:" + env.getOrDefault("INSPECTFLOW_NOTIFICATION_PORT", "8084");
		Rabbit rabbit = new Rabbit(env.getOrDefault("INSPECTFLOW_RABBITMQ_HOST", "127.0.0.1"),
				Integer.parseInt(env.getOrDefault("INSPECTFLOW_RABBITMQ_PORT", "5672")),
				env.getOrDefault("INSPECTFLOW_RABBITMQ_VHOST", "/"), "integrator", "integrator",
				env.getOrDefault("INSPECTFLOW_RABBITMQ_USER", "guest"),
				env.getOrDefault("INSPECTFLOW_RABBITMQ_PASSWORD", "guest"));
		// GreenMail's API sits at the SMTP port + 15000 when the local stand-in runs (not for a real SMTP server)
		String mailHost = env.getOrDefault("INSPECTFLOW_MAIL_HOST", "127.0.0.1");
		boolean localMail = mailHost.equals("127.0.0.1") || mailHost.equals("localhost");
		int mailPort = Integer.parseInt(env.getOrDefault("INSPECTFLOW_MAIL_PORT", "3025"));
		String mailApi = localMail ? "http://127.0.0.1:" + (mailPort + 15000) : null;
		// the SMS gateway's stand-in is the monitoring WireMock, unless a real gateway is configured
		String monitoring = "http://127.0.0.1:" + env.getOrDefault("INSPECTFLOW_MONITORING_PORT", "8099");
		String sms = env.get("INSPECTFLOW_SMS_BASE_URL");
		String smsApi = sms == null || sms.isBlank() || sms.replace("localhost", "127.0.0.1").startsWith(monitoring)
				? monitoring : null;
		return new StackConfig(gateway, keycloak, workflow, notification, rabbit, mailApi, smsApi);
	}

}
