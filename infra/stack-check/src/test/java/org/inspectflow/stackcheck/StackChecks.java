package org.inspectflow.stackcheck;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The agreement checks between docker-compose.yml and the rest of the repository. Each returns the problems it found
 * as sentences a person can act on (empty when all agree); the test class turns them into failures, and its
 * self-tests feed them a broken compose file to prove they notice.
 */
final class StackChecks {

	static final String REALM = "inspectflow";

	static final String DOCKERFILE = "infra/docker/Dockerfile";

	/** The gateway's OAuth2 client registration id (SecurityConfig.REGISTRATION_ID), part of its redirect URI. */
	static final String REGISTRATION_ID = "keycloak";

	static final String REALM_IMPORT_DIR = "/opt/keycloak/data/import/";

	private static final String JWT = "spring.security.oauth2.resourceserver.jwt.";

	private static final String GATEWAY_KEYCLOAK = "inspectflow.gateway.keycloak.";

	private static final String GATEWAY_SERVICES = "inspectflow.services";

	private static final Pattern LOCAL_URL = Pattern
		.compile("https?://(?:localhost|127\\.0\\.0\\.1)(?::(\\d+))?(/[^\\s'\"]*)?");

	private static final ObjectMapper JSON = new ObjectMapper();

	private final Stack stack;

	StackChecks(Stack stack) {
		this.stack = stack;
	}

	// ------------------------------------------------------------------------------------------------ 1 modules

	List<String> composeRunsEveryServiceModule() {
		List<String> problems = new ArrayList<>();
		Path dockerfile = this.stack.file(DOCKERFILE);
		for (String module : this.stack.services().keySet()) {
			ComposeFile.Service service = this.stack.compose().service(module);
			if (service == null) {
				problems.add("docker-compose.yml has no service '" + module + "', so `docker compose up` runs the stack"
						+ " without the " + module + " module (compose services: " + this.stack.compose().serviceNames()
						+ ")");
				continue;
			}
			ComposeFile.Build build = service.build();
			if (build == null) {
				problems.add(module + ": no build section; it must be built from " + DOCKERFILE + " with MODULE="
						+ module + " (image: " + service.image() + ")");
			}
			else {
				Path context = this.stack.root().resolve(build.context()).normalize();
				if (!context.equals(this.stack.root())) {
					problems.add(module + ": build context is '" + build.context()
							+ "', but the Dockerfile builds from the repository root ('.')");
				}
				if (!context.resolve(build.dockerfile()).normalize().equals(dockerfile)) {
					problems.add(module + ": built from '" + build.dockerfile() + "' instead of " + DOCKERFILE);
				}
				if (!module.equals(build.args().get("MODULE"))) {
					problems.add(module + ": build arg MODULE is '" + build.args().get("MODULE") + "', so the image"
							+ " would contain " + (build.args().get("MODULE") == null ? "nothing" : "another module")
							+ "; it must be '" + module + "'");
				}
			}
			if (!Stack.profiles(service.environment()).contains("compose")) {
				problems.add(module + ": SPRING_PROFILES_ACTIVE is '" + service.environment().get("SPRING_PROFILES_ACTIVE")
						+ "'; without the profile 'compose' the service looks for localhost instead of the containers");
			}
			if (!this.stack.services().get(module).hasProfileDocument("compose")) {
				problems.add(module + ": " + this.stack.services().get(module).file()
						+ " has no document with spring.config.activate.on-profile: compose");
			}
		}
		if (!Files.isRegularFile(dockerfile)) {
			problems.add(DOCKERFILE + " does not exist");
		}
		return problems;
	}

	// ------------------------------------------------------------------------------------------------ 2 ports

	List<String> servicesPublishThePortsTheyListenOn() {
		List<String> problems = new ArrayList<>();
		for (Stack.Running running : this.stack.running()) {
			String module = running.module();
			SpringConfig.Effective config = running.config();
			int port = Integer.parseInt(config.get("server.port", "8080"));
			int managementPort = Integer.parseInt(config.get("management.server.port", String.valueOf(port)));
			String readiness = config.get("management.endpoints.web.base-path", "/actuator") + "/health/readiness";

			List<ComposeFile.PortMapping> ports = running.service().ports();
			if (ports.stream().noneMatch((mapping) -> mapping.target() == port)) {
				problems.add(module + " listens on " + port + " (" + config.origin("server.port")
						+ ") but docker-compose.yml publishes " + ports.stream().map(ComposeFile.PortMapping::spec).toList()
						+ ": nothing reaches it from the host");
			}
			String healthcheck = running.service().healthcheckCommand();
			if (healthcheck == null) {
				problems.add(module + " has no healthcheck; it must call http://localhost:" + managementPort + readiness);
				continue;
			}
			Matcher url = LOCAL_URL.matcher(healthcheck);
			boolean found = false;
			while (url.find()) {
				found = true;
				int called = (url.group(1) != null) ? Integer.parseInt(url.group(1)) : 80;
				if (called != managementPort) {
					problems.add(module + "'s healthcheck calls port " + called + " but the service answers on "
							+ managementPort + ": it would never turn healthy (" + healthcheck + ")");
				}
				if (!readiness.equals(url.group(2))) {
					problems.add(module + "'s healthcheck calls " + url.group(2) + " instead of the readiness probe "
							+ readiness);
				}
			}
			if (!found) {
				problems.add(module + "'s healthcheck does not call http://localhost:" + managementPort + readiness + ": "
						+ healthcheck);
			}
		}
		return problems;
	}

	// ------------------------------------------------------------------------------------------------ 3 infrastructure hosts

	List<String> servicesReachRabbitMqByItsComposeName() {
		List<String> problems = new ArrayList<>();
		for (Stack.Running running : this.stack.running()) {
			SpringConfig.Effective config = running.config();
			if (!config.has("spring.rabbitmq.host") && !config.has("spring.rabbitmq.addresses")) {
				continue;
			}
			for (HostPort address : rabbitAddresses(config)) {
				ComposeFile.Service rabbit = this.stack.compose().service(address.host());
				String origin = config.origin(config.has("spring.rabbitmq.addresses") ? "spring.rabbitmq.addresses"
						: "spring.rabbitmq.host");
				if (rabbit == null || !rabbit.isImage("rabbitmq")) {
					problems.add(running.module() + " connects to RabbitMQ at '" + address.host() + "' (" + origin
							+ "), but no RabbitMQ service of docker-compose.yml has that name (RabbitMQ services: "
							+ names(this.stack.compose().services((s) -> s.isImage("rabbitmq"))) + ")");
					continue;
				}
				int amqpPort = rabbitAmqpPort(rabbit);
				if (address.port() != amqpPort) {
					problems.add(running.module() + " connects to RabbitMQ on port " + address.port() + " but "
							+ rabbit.name() + " listens on " + amqpPort);
				}
			}
		}
		return problems;
	}

	List<String> servicesReachTheMongoReplicaSetByItsComposeName() {
		List<String> problems = new ArrayList<>();
		for (Stack.Running running : this.stack.running()) {
			SpringConfig.Effective config = running.config();
			String uri = config.get("spring.data.mongodb.uri");
			if (uri == null) {
				continue;
			}
			MongoUri mongo = MongoUri.parse(uri);
			for (HostPort host : mongo.hosts()) {
				ComposeFile.Service service = this.stack.compose().service(host.host());
				if (service == null || !service.isImage("mongo")) {
					problems.add(running.module() + " connects to MongoDB at '" + host.host() + "' ("
							+ config.origin("spring.data.mongodb.uri") + " = " + uri
							+ "), but no MongoDB service of docker-compose.yml has that name (MongoDB services: "
							+ names(this.stack.compose().services((s) -> s.isImage("mongo"))) + ")");
					continue;
				}
				int mongoPort = Integer.parseInt(orDefault(service.commandOption("--port"), "27017"));
				if (host.port() != mongoPort) {
					problems.add(running.module() + " connects to MongoDB on port " + host.port() + " but "
							+ service.name() + " listens on " + mongoPort);
				}
				String replicaSet = service.commandOption("--replSet");
				if (replicaSet != null && !replicaSet.equals(mongo.options().get("replicaSet"))) {
					problems.add(running.module() + "'s MongoDB URI " + uri + " does not name the replica set '"
							+ replicaSet + "' that " + service.name() + " runs (?replicaSet=" + replicaSet + ")");
				}
				String healthcheck = orDefault(service.healthcheckCommand(), "");
				Matcher member = Pattern.compile("host\\s*:\\s*['\"]([^'\"]+)['\"]").matcher(healthcheck);
				while (member.find()) {
					if (!member.group(1).equals(service.name() + ":" + mongoPort)) {
						problems.add(service.name() + " initiates its replica set with the member '" + member.group(1)
								+ "', but the services reach it as '" + service.name() + ":" + mongoPort
								+ "'; the driver would connect to a name that does not resolve");
					}
				}
			}
		}
		return problems;
	}

	List<String> servicesUseTheComposePostgresDatabase() {
		List<String> problems = new ArrayList<>();
		for (Stack.Running running : this.stack.running()) {
			SpringConfig.Effective config = running.config();
			String url = config.get("spring.datasource.url");
			if (url == null) {
				continue;
			}
			String origin = config.origin("spring.datasource.url");
			if (!url.startsWith("jdbc:postgresql://")) {
				problems.add(running.module() + " uses the database " + url + " in compose (" + origin
						+ "), not the PostgreSQL container: its data would stay inside the service container");
				continue;
			}
			URI jdbc = URI.create(url.substring("jdbc:".length()));
			ComposeFile.Service postgres = this.stack.compose().service(jdbc.getHost());
			if (postgres == null || !postgres.isImage("postgres")) {
				problems.add(running.module() + " connects to PostgreSQL at '" + jdbc.getHost() + "' (" + origin
						+ "), but no PostgreSQL service of docker-compose.yml has that name (PostgreSQL services: "
						+ names(this.stack.compose().services((s) -> s.isImage("postgres"))) + ")");
				continue;
			}
			int port = (jdbc.getPort() > 0) ? jdbc.getPort() : 5432;
			if (port != 5432) {
				problems.add(running.module() + " connects to PostgreSQL on port " + port + "; the container listens on"
						+ " 5432");
			}
			Map<String, String> env = postgres.environment();
			String user = env.getOrDefault("POSTGRES_USER", "postgres");
			String database = env.getOrDefault("POSTGRES_DB", user);
			String path = orDefault(jdbc.getPath(), "").replaceFirst("^/", "");
			if (!database.equals(path)) {
				problems.add(running.module() + " opens the database '" + path + "' but " + postgres.name()
						+ " creates '" + database + "' (POSTGRES_DB)");
			}
			String username = config.get("spring.datasource.username");
			if (!user.equals(username)) {
				problems.add(running.module() + " logs in to PostgreSQL as '" + username + "' ("
						+ config.origin("spring.datasource.username") + ") but " + postgres.name() + " creates the user '"
						+ user + "' (POSTGRES_USER)");
			}
			String password = config.get("spring.datasource.password", "");
			if (!password.equals(env.get("POSTGRES_PASSWORD"))) {
				problems.add(running.module() + "'s PostgreSQL password (" + config.origin("spring.datasource.password")
						+ ") is not the POSTGRES_PASSWORD of " + postgres.name() + " (with no variables set)");
			}
		}
		return problems;
	}

	List<String> servicesFetchTokenKeysFromTheKeycloakContainer() {
		List<String> problems = new ArrayList<>();
		ComposeFile.Service keycloak = keycloak(problems);
		if (keycloak == null) {
			return problems;
		}
		for (Stack.Running running : resourceServers()) {
			SpringConfig.Effective config = running.config();
			String jwkSetUri = config.get(JWT + "jwk-set-uri");
			if (jwkSetUri == null) {
				problems.add(running.module() + " has no " + JWT + "jwk-set-uri in compose: it would fetch the keys"
						+ " through the issuer " + config.get(JWT + "issuer-uri")
						+ ", which is the browsers' address and not reachable from a container");
				continue;
			}
			URI uri = URI.create(jwkSetUri);
			if (!keycloak.name().equals(uri.getHost()) || port(uri) != keycloakHttpPort(keycloak)) {
				problems.add(running.module() + " fetches token keys from " + uri.getHost() + ":" + port(uri) + " ("
						+ config.origin(JWT + "jwk-set-uri") + "), but Keycloak runs in compose as " + keycloak.name()
						+ ":" + keycloakHttpPort(keycloak));
			}
			if (!uri.getPath().startsWith("/realms/" + REALM + "/")) {
				problems.add(running.module() + "'s jwk-set-uri " + jwkSetUri + " is not in the realm " + REALM);
			}
		}
		return problems;
	}

	List<String> servicesAcceptTheIssuerKeycloakPutsInTokens() {
		List<String> problems = new ArrayList<>();
		ComposeFile.Service keycloak = keycloak(problems);
		if (keycloak == null) {
			return problems;
		}
		String hostname = keycloakHostname(keycloak, problems);
		if (hostname == null) {
			return problems;
		}
		String issuer = hostname + "/realms/" + REALM;
		for (Stack.Running running : resourceServers()) {
			String configured = running.config().get(JWT + "issuer-uri");
			if (!issuer.equals(configured)) {
				problems.add(running.module() + " expects tokens issued by " + configured + " ("
						+ running.config().origin(JWT + "issuer-uri") + ") but Keycloak issues them as " + issuer
						+ " (KC_HOSTNAME of " + keycloak.name() + "): every API call would be rejected with 401");
			}
		}
		URI browserUri = URI.create(hostname);
		Integer published = keycloak.publishedPort(keycloakHttpPort(keycloak));
		if (published == null || published != port(browserUri)) {
			problems.add("Browsers are sent to Keycloak at " + hostname + " (KC_HOSTNAME), but " + keycloak.name()
					+ " publishes its port " + keycloakHttpPort(keycloak) + " on the host as " + published);
		}
		return problems;
	}

	// ------------------------------------------------------------------------------------------------ 4 gateway

	List<String> gatewayRoutesToTheComposeServices() {
		List<String> problems = new ArrayList<>();
		List<Stack.Running> gateways = gateways();
		if (gateways.isEmpty()) {
			problems.add("No service module in compose has " + GATEWAY_SERVICES + ".* routes (expected: the gateway)");
		}
		for (Stack.Running gateway : gateways) {
			SpringConfig.Effective config = gateway.config();
			List<String> routed = new ArrayList<>();
			for (String key : config.childrenOf(GATEWAY_SERVICES)) {
				String property = GATEWAY_SERVICES + "." + key;
				String target = this.stack.services().containsKey(key + "-service") ? key + "-service" : key;
				routed.add(target);
				URI url = URI.create(config.get(property));
				Stack.Running service = running(target);
				if (service == null) {
					problems.add(gateway.module() + " routes '" + key + "' (" + property + "), but no service module '"
							+ target + "' runs in compose");
					continue;
				}
				int port = Integer.parseInt(service.config().get("server.port", "8080"));
				if (!target.equals(url.getHost()) || port(url) != port) {
					problems.add(gateway.module() + " routes /api/" + key + " to " + url.getHost() + ":" + port(url)
							+ " (" + config.origin(property) + "), but in compose that service is " + target + ":" + port);
				}
			}
			for (String module : this.stack.services().keySet()) {
				if (!module.equals(gateway.module()) && !routed.contains(module)) {
					problems.add(gateway.module() + " has no " + GATEWAY_SERVICES + " entry for " + module);
				}
			}

			ComposeFile.Service keycloak = keycloak(problems);
			if (keycloak == null || !config.has(GATEWAY_KEYCLOAK + "url")) {
				continue;
			}
			URI backChannel = URI.create(config.get(GATEWAY_KEYCLOAK + "url"));
			if (!keycloak.name().equals(backChannel.getHost()) || port(backChannel) != keycloakHttpPort(keycloak)) {
				problems.add(gateway.module() + " calls Keycloak at " + backChannel + " ("
						+ config.origin(GATEWAY_KEYCLOAK + "url") + "), but in compose it is http://" + keycloak.name()
						+ ":" + keycloakHttpPort(keycloak) + ": sign-in would fail at the token request");
			}
			String publicUrl = config.get(GATEWAY_KEYCLOAK + "public-url");
			String hostname = keycloakHostname(keycloak, problems);
			if (hostname != null && !hostname.equals(publicUrl)) {
				problems.add(gateway.module() + " sends browsers to Keycloak at " + publicUrl + " ("
						+ config.origin(GATEWAY_KEYCLOAK + "public-url") + "), but Keycloak's KC_HOSTNAME is " + hostname
						+ ": the ID token's issuer would not match");
			}
		}
		return problems;
	}

	// ------------------------------------------------------------------------------------------------ 5 depends_on

	List<String> dependenciesAreAwaitedUntilHealthy() {
		List<String> problems = new ArrayList<>();
		for (String name : this.stack.compose().serviceNames()) {
			ComposeFile.Service service = this.stack.compose().service(name);
			service.dependsOn().forEach((dependency, condition) -> {
				ComposeFile.Service target = this.stack.compose().service(dependency);
				if (target == null) {
					problems.add(name + " depends on '" + dependency + "', which docker-compose.yml does not define");
					return;
				}
				if (!"service_healthy".equals(condition)) {
					problems.add(name + " depends on " + dependency + " with "
							+ ((condition == null) ? "no condition" : "condition " + condition)
							+ ": it would start before " + dependency + " is ready (use condition: service_healthy)");
				}
				if (target.healthcheckCommand() == null) {
					problems.add(name + " waits for " + dependency + " to be healthy, but " + dependency
							+ " has no healthcheck: it never becomes healthy");
				}
			});
		}
		return problems;
	}

	List<String> servicesWaitForExactlyWhatTheyConnectTo() {
		List<String> problems = new ArrayList<>();
		for (Stack.Running running : this.stack.running()) {
			Map<String, String> connections = connections(running);
			Map<String, String> dependsOn = running.service().dependsOn();
			connections.forEach((host, what) -> {
				if (!dependsOn.containsKey(host)) {
					problems.add(running.module() + " connects to " + host + " (" + what + ") but does not depend_on it:"
							+ " it may start first and fail its readiness");
				}
			});
			dependsOn.keySet().forEach((dependency) -> {
				if (!connections.containsKey(dependency)) {
					problems.add(running.module() + " depends_on " + dependency + " but its compose configuration never"
							+ " connects to it: a needless wait");
				}
			});
		}
		return problems;
	}

	// ------------------------------------------------------------------------------------------------ 6 realm

	/** The realm file that compose mounts into Keycloak's import folder; null (with a problem) when none is. */
	Path mountedRealmFile(List<String> problems) {
		ComposeFile.Service keycloak = keycloak(problems);
		if (keycloak == null) {
			return null;
		}
		if (!keycloak.command().contains("--import-realm")) {
			problems.add(keycloak.name() + " is not started with --import-realm: the realm would not exist");
		}
		ComposeFile.Mount mount = keycloak.volumes()
			.stream()
			.filter((m) -> m.isBind() && m.target() != null && m.target().startsWith(REALM_IMPORT_DIR)
					&& m.target().endsWith(".json"))
			.findFirst()
			.orElse(null);
		if (mount == null) {
			problems.add(keycloak.name() + " mounts no realm file into " + REALM_IMPORT_DIR);
			return null;
		}
		return this.stack.root().resolve(mount.source()).normalize();
	}

	List<String> realmLetsTheGatewaySignIn(Path realmFile) {
		List<String> problems = new ArrayList<>();
		String name = this.stack.root().relativize(realmFile).toString();
		JsonNode realm;
		try {
			realm = JSON.readTree(realmFile.toFile());
		}
		catch (Exception ex) {
			problems.add(name + " is not valid JSON: " + ex.getMessage());
			return problems;
		}
		if (!REALM.equals(realm.path("realm").asText(null))) {
			problems.add(name + " defines the realm '" + realm.path("realm").asText(null) + "', but the services expect '"
					+ REALM + "'");
		}
		if (!realm.path("enabled").asBoolean(true)) {
			problems.add(name + ": the realm is disabled");
		}
		for (Stack.Running gateway : gateways()) {
			SpringConfig.Effective config = gateway.config();
			String clientId = config.get(GATEWAY_KEYCLOAK + "client-id");
			JsonNode client = null;
			for (JsonNode candidate : realm.path("clients")) {
				if (candidate.path("clientId").asText("").equals(clientId)) {
					client = candidate;
				}
			}
			if (client == null) {
				problems.add(name + " has no client '" + clientId + "' (" + config.origin(GATEWAY_KEYCLOAK + "client-id")
						+ "): nobody could sign in through " + gateway.module());
				continue;
			}
			if (!client.path("enabled").asBoolean(true)) {
				problems.add(name + ": the client " + clientId + " is disabled");
			}
			int port = Integer.parseInt(config.get("server.port", "8080"));
			Integer published = gateway.service().publishedPort(port);
			if (published == null) {
				problems.add(gateway.module() + " does not publish its port " + port + ": browsers cannot reach it");
				continue;
			}
			String base = "http://localhost:" + published;
			String redirect = base + "/login/oauth2/code/" + REGISTRATION_ID;
			List<String> redirectUris = texts(client.path("redirectUris"));
			if (!matchesAny(redirect, redirectUris)) {
				problems.add(name + ": the client " + clientId + " does not allow the redirect URI " + redirect
						+ " of the gateway published on port " + published + " (allowed: " + redirectUris
						+ "); Keycloak would answer 'Invalid parameter: redirect_uri'");
			}
			List<String> afterLogout = new ArrayList<>();
			for (String uri : client.path("attributes").path("post.logout.redirect.uris").asText("").split("##")) {
				if (uri.equals("+")) {
					afterLogout.addAll(redirectUris);
				}
				else if (!uri.isBlank()) {
					afterLogout.add(uri);
				}
			}
			if (!matchesAny(base + "/", afterLogout)) {
				problems.add(name + ": the client " + clientId + " does not allow the post-logout redirect " + base
						+ "/ that the gateway sends after sign-out (allowed: " + afterLogout + ")");
			}
			String secret = client.path("secret").asText(null);
			if (!client.path("publicClient").asBoolean(false) && secret != null
					&& !secret.equals(config.get(GATEWAY_KEYCLOAK + "client-secret"))) {
				problems.add(name + ": the secret of " + clientId + " is not the one " + gateway.module() + " uses in"
						+ " compose (" + config.origin(GATEWAY_KEYCLOAK + "client-secret") + "): the token request would"
						+ " fail with 401 unauthorized_client");
			}
		}
		return problems;
	}

	// ------------------------------------------------------------------------------------------------ 7 RabbitMQ users

	List<String> servicesLogInToRabbitMqWithADefinedUser() {
		List<String> problems = new ArrayList<>();
		for (Stack.Running running : this.stack.running()) {
			SpringConfig.Effective config = running.config();
			if (!config.has("spring.rabbitmq.host") && !config.has("spring.rabbitmq.addresses")) {
				continue;
			}
			String host = rabbitAddresses(config).get(0).host();
			ComposeFile.Service rabbit = this.stack.compose().service(host);
			if (rabbit == null || !rabbit.isImage("rabbitmq")) {
				continue; // reported by servicesReachRabbitMqByItsComposeName
			}
			JsonNode definitions = loadedDefinitions(rabbit, problems);
			if (definitions == null) {
				continue;
			}
			String user = config.get("spring.rabbitmq.username", "guest");
			String password = config.get("spring.rabbitmq.password", "guest");
			String vhost = config.get("spring.rabbitmq.virtual-host", "/");
			String who = running.module() + " logs in to RabbitMQ as '" + user + "' ("
					+ config.origin("spring.rabbitmq.username") + ")";

			JsonNode definedUser = null;
			for (JsonNode candidate : definitions.path("users")) {
				if (candidate.path("name").asText("").equals(user)) {
					definedUser = candidate;
				}
			}
			if (definedUser == null) {
				problems.add(who + ", but the definitions loaded by " + rabbit.name() + " have no such user"
						+ (user.equals("guest") ? " (and guest may only connect from localhost)" : "")
						+ "; set INSPECTFLOW_RABBITMQ_USER/_PASSWORD to a user of infra/rabbitmq/definitions.json");
				continue;
			}
			String mismatch = passwordMismatch(definedUser, password);
			if (mismatch != null) {
				problems.add(who + " with a password the definitions do not accept: " + mismatch + " ("
						+ config.origin("spring.rabbitmq.password") + ")");
			}
			boolean vhostDefined = false;
			for (JsonNode candidate : definitions.path("vhosts")) {
				vhostDefined |= candidate.path("name").asText("").equals(vhost);
			}
			if (!vhostDefined) {
				problems.add(running.module() + " uses the virtual host '" + vhost + "', which the definitions do not"
						+ " create");
			}
			boolean permitted = false;
			for (JsonNode permission : definitions.path("permissions")) {
				if (permission.path("user").asText("").equals(user) && permission.path("vhost").asText("").equals(vhost)) {
					permitted = grants(permission.path("configure")) && grants(permission.path("write"))
							&& grants(permission.path("read"));
				}
			}
			if (!permitted) {
				problems.add(who + ", but the definitions give '" + user + "' no configure/write/read permission on the"
						+ " virtual host '" + vhost + "': declaring its queues would fail with ACCESS_REFUSED");
			}
		}
		return problems;
	}

	/** The definitions.json that the rabbitmq.conf mounted into the container loads at boot; null with a problem. */
	JsonNode loadedDefinitions(ComposeFile.Service rabbit, List<String> problems) {
		Path conf = this.stack.file("infra/rabbitmq/rabbitmq.conf");
		ComposeFile.Mount confMount = rabbit.mountOf(this.stack.root(), conf);
		if (confMount == null || !(confMount.target().equals("/etc/rabbitmq/rabbitmq.conf")
				|| confMount.target().matches("/etc/rabbitmq/conf\\.d/[^/]+\\.conf"))) {
			problems.add(rabbit.name() + " does not mount infra/rabbitmq/rabbitmq.conf as /etc/rabbitmq/rabbitmq.conf or"
					+ " /etc/rabbitmq/conf.d/*.conf, so it loads no definitions");
			return null;
		}
		String loadDefinitions = null;
		for (String line : this.stack.read(conf).split("\n")) {
			String setting = line.replaceFirst("#.*", "").trim();
			if (setting.startsWith("load_definitions")) {
				loadDefinitions = setting.substring(setting.indexOf('=') + 1).trim();
			}
		}
		if (loadDefinitions == null) {
			problems.add("infra/rabbitmq/rabbitmq.conf has no load_definitions: the users would not exist");
			return null;
		}
		ComposeFile.Mount definitionsMount = rabbit.mountAt(loadDefinitions);
		if (definitionsMount == null || !definitionsMount.isBind()) {
			problems.add("rabbitmq.conf loads definitions from " + loadDefinitions + ", but " + rabbit.name()
					+ " mounts no file there");
			return null;
		}
		Path file = this.stack.root().resolve(definitionsMount.source()).normalize();
		try {
			return JSON.readTree(file.toFile());
		}
		catch (Exception ex) {
			problems.add(this.stack.root().relativize(file) + " is not readable JSON: " + ex.getMessage());
			return null;
		}
	}

	// ------------------------------------------------------------------------------------------------ versions

	List<String> imagesUseTheVersionsTheBuildUses() {
		List<String> problems = new ArrayList<>();
		String dockerfile = this.stack.read(this.stack.file(DOCKERFILE));
		Matcher jar = Pattern.compile("\\$\\{?MODULE}?-([^\\s\"/]+)\\.jar").matcher(dockerfile);
		if (!jar.find()) {
			problems.add(DOCKERFILE + " does not copy a $MODULE-<version>.jar");
		}
		else {
			String version = jar.group(1);
			if (version.matches("\\$\\{?VERSION}?")) {
				Matcher arg = Pattern.compile("(?m)^ARG VERSION=(\\S+)").matcher(dockerfile);
				version = arg.find() ? arg.group(1) : null;
			}
			if (!this.stack.pom().version().equals(version)) {
				problems.add(DOCKERFILE + " copies the jar of version " + version + ", but the build makes "
						+ this.stack.pom().version() + " (root pom <version>): the image build would fail");
			}
		}
		List<ComposeFile.Service> keycloaks = this.stack.compose().services((s) -> s.isImage("keycloak/keycloak"));
		String pomKeycloak = this.stack.pom().properties().get("keycloak.version");
		Matcher script = Pattern.compile("(?m)^KEYCLOAK_VERSION=(\\S+)").matcher(this.stack.read(this.stack.file("inspectflow")));
		String scriptKeycloak = script.find() ? script.group(1) : null;
		for (ComposeFile.Service keycloak : keycloaks) {
			String tag = keycloak.imageTag();
			if (pomKeycloak != null && !pomKeycloak.equals(tag)) {
				problems.add(keycloak.name() + " runs Keycloak " + tag + ", but the build pins " + pomKeycloak
						+ " (keycloak.version in pom.xml), the version the realm file is tested with");
			}
			if (scriptKeycloak != null && !scriptKeycloak.equals(tag)) {
				problems.add(keycloak.name() + " runs Keycloak " + tag + ", but ./inspectflow runs " + scriptKeycloak
						+ " (KEYCLOAK_VERSION)");
			}
		}
		return problems;
	}

	// ------------------------------------------------------------------------------------------------ helpers

	private List<Stack.Running> resourceServers() {
		return this.stack.running()
			.stream()
			.filter((r) -> r.config().has(JWT + "issuer-uri") || r.config().has(JWT + "jwk-set-uri"))
			.toList();
	}

	private List<Stack.Running> gateways() {
		return this.stack.running().stream().filter((r) -> !r.config().childrenOf(GATEWAY_SERVICES).isEmpty()).toList();
	}

	private Stack.Running running(String module) {
		return this.stack.running().stream().filter((r) -> r.module().equals(module)).findFirst().orElse(null);
	}

	/** The compose services a service module connects to, by host name, with what it uses them for. */
	Map<String, String> connections(Stack.Running running) {
		SpringConfig.Effective config = running.config();
		Map<String, String> hosts = new LinkedHashMap<>();
		if (config.has("spring.rabbitmq.host") || config.has("spring.rabbitmq.addresses")) {
			rabbitAddresses(config).forEach((a) -> hosts.put(a.host(), "RabbitMQ"));
		}
		if (config.has("spring.data.mongodb.uri")) {
			MongoUri.parse(config.get("spring.data.mongodb.uri")).hosts().forEach((h) -> hosts.put(h.host(), "MongoDB"));
		}
		String jdbc = config.get("spring.datasource.url");
		if (jdbc != null && jdbc.startsWith("jdbc:postgresql://")) {
			hosts.put(URI.create(jdbc.substring(5)).getHost(), "PostgreSQL");
		}
		String keys = config.get(JWT + "jwk-set-uri", config.get(JWT + "issuer-uri"));
		if (keys != null) {
			hosts.put(URI.create(keys).getHost(), "token keys");
		}
		if (config.has(GATEWAY_KEYCLOAK + "url")) {
			hosts.put(URI.create(config.get(GATEWAY_KEYCLOAK + "url")).getHost(), "Keycloak");
		}
		for (String key : config.childrenOf(GATEWAY_SERVICES)) {
			hosts.put(URI.create(config.get(GATEWAY_SERVICES + "." + key)).getHost(), "route " + key);
		}
		hosts.keySet().retainAll(this.stack.compose().serviceNames());
		return hosts;
	}

	private ComposeFile.Service keycloak(List<String> problems) {
		List<ComposeFile.Service> keycloaks = this.stack.compose().services((s) -> s.isImage("keycloak/keycloak"));
		if (keycloaks.size() != 1) {
			String problem = "docker-compose.yml must run exactly one Keycloak (quay.io/keycloak/keycloak), runs "
					+ names(keycloaks);
			if (!problems.contains(problem)) {
				problems.add(problem);
			}
			return null;
		}
		return keycloaks.get(0);
	}

	private static int keycloakHttpPort(ComposeFile.Service keycloak) {
		return Integer.parseInt(orDefault(keycloak.commandOption("--http-port"),
				keycloak.environment().getOrDefault("KC_HTTP_PORT", "8080")));
	}

	/** KC_HOSTNAME as a full URL without a trailing slash; null (with a problem) when it is not one. */
	private static String keycloakHostname(ComposeFile.Service keycloak, List<String> problems) {
		String hostname = orDefault(keycloak.commandOption("--hostname"), keycloak.environment().get("KC_HOSTNAME"));
		if (hostname == null || !hostname.matches("https?://.+")) {
			String problem = keycloak.name() + " needs KC_HOSTNAME as a full URL (http://localhost:8180): without it the"
					+ " token issuer depends on who asks, and browsers and services ask by different names";
			if (!problems.contains(problem)) {
				problems.add(problem);
			}
			return null;
		}
		return hostname.replaceFirst("/+$", "");
	}

	private List<HostPort> rabbitAddresses(SpringConfig.Effective config) {
		String addresses = config.get("spring.rabbitmq.addresses");
		int defaultPort = Integer.parseInt(config.get("spring.rabbitmq.port", "5672"));
		List<HostPort> result = new ArrayList<>();
		if (addresses != null && !addresses.isBlank()) {
			for (String address : addresses.split(",")) {
				result.add(HostPort.parse(address.trim().replaceFirst("^amqps?://", "").replaceFirst("^[^@]*@", "")
					.replaceFirst("/.*$", ""), defaultPort));
			}
		}
		else {
			result.add(new HostPort(config.get("spring.rabbitmq.host", "localhost"), defaultPort));
		}
		return result;
	}

	private int rabbitAmqpPort(ComposeFile.Service rabbit) {
		Path conf = this.stack.file("infra/rabbitmq/rabbitmq.conf");
		if (rabbit.mountOf(this.stack.root(), conf) != null) {
			for (String line : this.stack.read(conf).split("\n")) {
				String setting = line.replaceFirst("#.*", "").trim();
				if (setting.startsWith("listeners.tcp.default")) {
					String value = setting.substring(setting.indexOf('=') + 1).trim();
					return Integer.parseInt(value.substring(value.lastIndexOf(':') + 1));
				}
			}
		}
		return 5672;
	}

	/** Null when the definitions accept the password, else why not. */
	static String passwordMismatch(JsonNode user, String password) {
		if (user.has("password")) {
			return user.path("password").asText().equals(password) ? null : "the plain password differs";
		}
		String hash = user.path("password_hash").asText("");
		if (hash.isEmpty()) {
			return "the user has no password";
		}
		String algorithm = switch (user.path("hashing_algorithm").asText("rabbit_password_hashing_sha256")) {
			case "rabbit_password_hashing_sha256" -> "SHA-256";
			case "rabbit_password_hashing_sha512" -> "SHA-512";
			case "rabbit_password_hashing_md5" -> "MD5";
			default -> null;
		};
		if (algorithm == null) {
			return "unknown hashing_algorithm " + user.path("hashing_algorithm").asText();
		}
		byte[] stored = Base64.getDecoder().decode(hash);
		byte[] salt = Arrays.copyOf(stored, 4);
		try {
			MessageDigest digest = MessageDigest.getInstance(algorithm);
			digest.update(salt);
			byte[] computed = digest.digest(password.getBytes(StandardCharsets.UTF_8));
			byte[] expected = Arrays.copyOfRange(stored, 4, stored.length);
			return MessageDigest.isEqual(computed, expected) ? null : "password_hash is the hash of another password";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean grants(JsonNode pattern) {
		String regex = pattern.asText("");
		return !regex.isEmpty() && !regex.equals("^$");
	}

	/** Keycloak's redirect URI matching: exact, or a prefix when the allowed URI ends with '*'. */
	static boolean matchesAny(String uri, List<String> allowed) {
		for (String pattern : allowed) {
			if (pattern.equals(uri) || (pattern.endsWith("*") && uri.startsWith(pattern.substring(0, pattern.length() - 1)))) {
				return true;
			}
		}
		return false;
	}

	private static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach((node) -> texts.add(node.asText()));
		return texts;
	}

	private static List<String> names(List<ComposeFile.Service> services) {
		return services.stream().map(ComposeFile.Service::name).toList();
	}

	private static int port(URI uri) {
		if (uri.getPort() > 0) {
			return uri.getPort();
		}
		return "https".equals(uri.getScheme()) ? 443 : 80;
	}

	private static String orDefault(String value, String defaultValue) {
		return (value != null) ? value : defaultValue;
	}

	record HostPort(String host, int port) {

		static HostPort parse(String hostPort, int defaultPort) {
			int colon = hostPort.lastIndexOf(':');
			return (colon < 0) ? new HostPort(hostPort, defaultPort)
					: new HostPort(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
		}

	}

	/** mongodb://[user:password@]host[:port][,host[:port]...][/database][?options] */
	record MongoUri(List<HostPort> hosts, Map<String, String> options) {

		static MongoUri parse(String uri) {
			String rest = uri.replaceFirst("^mongodb(\\+srv)?://", "");
			rest = rest.replaceFirst("^[^@/]*@", "");
			int end = rest.length();
			for (char c : new char[] { '/', '?' }) {
				int i = rest.indexOf(c);
				if (i >= 0 && i < end) {
					end = i;
				}
			}
			List<HostPort> hosts = new ArrayList<>();
			for (String host : rest.substring(0, end).split(",")) {
				hosts.add(HostPort.parse(host, 27017));
			}
			Map<String, String> options = new LinkedHashMap<>();
			int query = rest.indexOf('?');
			if (query >= 0) {
				for (String option : rest.substring(query + 1).split("&")) {
					int eq = option.indexOf('=');
					if (eq > 0) {
						options.put(option.substring(0, eq), option.substring(eq + 1));
					}
				}
			}
			return new MongoUri(hosts, options);
		}

	}

}
