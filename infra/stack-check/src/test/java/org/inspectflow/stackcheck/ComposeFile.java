package org.inspectflow.stackcheck;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A docker-compose.yml as {@code docker compose} sees it when no variables are set: every {@code ${VAR:-default}}
 * interpolated to its default, {@code $$} to {@code $}. The raw map is kept so that a test can change a copy and
 * check the changed file.
 */
final class ComposeFile {

	private final Map<String, Object> raw;

	private final Map<String, Object> interpolated;

	@SuppressWarnings("unchecked")
	ComposeFile(Map<String, Object> raw) {
		this.raw = raw;
		this.interpolated = (Map<String, Object>) interpolateAll(raw);
	}

	static ComposeFile read(Path file) {
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		try (Reader reader = Files.newBufferedReader(file)) {
			Map<String, Object> map = new Yaml(new SafeConstructor(options)).load(reader);
			if (map == null) {
				throw new IllegalStateException(file + " is empty");
			}
			return new ComposeFile(map);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + file, ex);
		}
	}

	/** A deep copy of the file as written (before interpolation), for tests that check a changed file. */
	@SuppressWarnings("unchecked")
	Map<String, Object> copyOfRaw() {
		return (Map<String, Object>) deepCopy(this.raw);
	}

	Set<String> serviceNames() {
		return services().keySet();
	}

	Service service(String name) {
		Object service = services().get(name);
		return (service instanceof Map<?, ?> map) ? new Service(name, cast(map)) : null;
	}

	List<Service> services(java.util.function.Predicate<Service> filter) {
		List<Service> found = new ArrayList<>();
		for (String name : serviceNames()) {
			Service service = service(name);
			if (service != null && filter.test(service)) {
				found.add(service);
			}
		}
		return found;
	}

	private Map<String, Object> services() {
		Object services = this.interpolated.get("services");
		return (services instanceof Map<?, ?> map) ? cast(map) : Map.of();
	}

	// ------------------------------------------------------------------------------------------------ service

	/** One service of the file, with the short and long syntaxes of Compose read into one shape. */
	record Service(String name, Map<String, Object> map) {

		String image() {
			return string(this.map.get("image"));
		}

		boolean isImage(String repository) {
			String image = image();
			if (image == null) {
				return false;
			}
			String withoutTag = image.replaceFirst("[:@][^/]*$", "");
			return withoutTag.equals(repository) || withoutTag.endsWith("/" + repository);
		}

		String imageTag() {
			String image = image();
			if (image == null || !image.matches(".*:[^/]+$")) {
				return null;
			}
			return image.substring(image.lastIndexOf(':') + 1);
		}

		Build build() {
			Object build = this.map.get("build");
			if (build == null) {
				return null;
			}
			if (build instanceof String context) {
				return new Build(context, "Dockerfile", Map.of());
			}
			Map<String, Object> b = cast((Map<?, ?>) build);
			String context = (b.get("context") != null) ? string(b.get("context")) : ".";
			String dockerfile = (b.get("dockerfile") != null) ? string(b.get("dockerfile")) : "Dockerfile";
			return new Build(context, dockerfile, keyValues(b.get("args")));
		}

		Map<String, String> environment() {
			return keyValues(this.map.get("environment"));
		}

		List<String> command() {
			Object command = this.map.get("command");
			if (command == null) {
				return List.of();
			}
			if (command instanceof List<?> list) {
				return list.stream().map(ComposeFile::string).toList();
			}
			return Arrays.asList(string(command).trim().split("\\s+"));
		}

		/** The value of {@code --name value} or {@code --name=value} in the command, or null. */
		String commandOption(String name) {
			List<String> command = command();
			for (int i = 0; i < command.size(); i++) {
				String arg = command.get(i);
				if (arg.equals(name) && i + 1 < command.size()) {
					return command.get(i + 1);
				}
				if (arg.startsWith(name + "=")) {
					return arg.substring(name.length() + 1);
				}
			}
			return null;
		}

		List<PortMapping> ports() {
			Object ports = this.map.get("ports");
			List<PortMapping> mappings = new ArrayList<>();
			if (!(ports instanceof List<?> list)) {
				return mappings;
			}
			for (Object port : list) {
				if (port instanceof Map<?, ?> longSyntax) {
					Integer published = (longSyntax.get("published") != null)
							? Integer.valueOf(string(longSyntax.get("published"))) : null;
					mappings.add(new PortMapping(published, Integer.parseInt(string(longSyntax.get("target"))),
							string(port)));
					continue;
				}
				String spec = string(port).replaceFirst("/(tcp|udp|sctp)$", "");
				String[] parts = spec.split(":");
				try {
					int target = Integer.parseInt(parts[parts.length - 1]);
					Integer published = (parts.length >= 2 && !parts[parts.length - 2].isEmpty())
							? Integer.valueOf(parts[parts.length - 2]) : null;
					mappings.add(new PortMapping(published, target, string(port)));
				}
				catch (NumberFormatException ex) {
					mappings.add(new PortMapping(null, -1, string(port)));
				}
			}
			return mappings;
		}

		/** The port the host publishes for a container port, or null. */
		Integer publishedPort(int containerPort) {
			return ports().stream()
				.filter((mapping) -> mapping.target() == containerPort && mapping.published() != null)
				.map(PortMapping::published)
				.findFirst()
				.orElse(null);
		}

		/** The healthcheck's command as one string, or null when there is none (or it is disabled). */
		String healthcheckCommand() {
			Object healthcheck = this.map.get("healthcheck");
			if (!(healthcheck instanceof Map<?, ?> h) || Boolean.TRUE.equals(h.get("disable"))) {
				return null;
			}
			Object test = h.get("test");
			if (test instanceof List<?> list) {
				if (list.isEmpty() || "NONE".equals(list.get(0))) {
					return null;
				}
				List<String> words = list.stream().map(ComposeFile::string).toList();
				if (words.get(0).equals("CMD") || words.get(0).equals("CMD-SHELL")) {
					words = words.subList(1, words.size());
				}
				return String.join(" ", words);
			}
			return (test != null) ? string(test) : null;
		}

		/** depends_on as service name to condition; the condition is null for the short (list) syntax. */
		Map<String, String> dependsOn() {
			Object dependsOn = this.map.get("depends_on");
			Map<String, String> result = new LinkedHashMap<>();
			if (dependsOn instanceof List<?> list) {
				list.forEach((name) -> result.put(string(name), null));
			}
			else if (dependsOn instanceof Map<?, ?> map) {
				map.forEach((name, spec) -> result.put(string(name),
						(spec instanceof Map<?, ?> s && s.get("condition") != null) ? string(s.get("condition")) : null));
			}
			return result;
		}

		List<Mount> volumes() {
			Object volumes = this.map.get("volumes");
			List<Mount> mounts = new ArrayList<>();
			if (!(volumes instanceof List<?> list)) {
				return mounts;
			}
			for (Object volume : list) {
				if (volume instanceof Map<?, ?> longSyntax) {
					mounts.add(new Mount(string(longSyntax.get("source")), string(longSyntax.get("target"))));
					continue;
				}
				String[] parts = string(volume).split(":");
				if (parts.length == 1) {
					mounts.add(new Mount(null, parts[0]));
				}
				else {
					mounts.add(new Mount(parts[0], parts[1]));
				}
			}
			return mounts;
		}

		/** A bind mount whose target is the given container path, or null. */
		Mount mountAt(String target) {
			return volumes().stream().filter((mount) -> target.equals(mount.target())).findFirst().orElse(null);
		}

		/** The bind mount whose source is this repository file, or null. */
		Mount mountOf(Path root, Path file) {
			return volumes().stream()
				.filter((mount) -> mount.source() != null && mount.isBind()
						&& root.resolve(mount.source()).normalize().equals(file.normalize()))
				.findFirst()
				.orElse(null);
		}

	}

	record Build(String context, String dockerfile, Map<String, String> args) {
	}

	/** {@code published} is null when Compose picks a random host port. */
	record PortMapping(Integer published, int target, String spec) {
	}

	record Mount(String source, String target) {

		boolean isBind() {
			return this.source != null && (this.source.startsWith(".") || this.source.startsWith("/"));
		}

	}

	// ------------------------------------------------------------------------------------------------ helpers

	private static Map<String, String> keyValues(Object value) {
		Map<String, String> result = new LinkedHashMap<>();
		if (value instanceof Map<?, ?> map) {
			map.forEach((k, v) -> {
				if (v != null) {
					result.put(string(k), string(v));
				}
			});
		}
		else if (value instanceof List<?> list) {
			for (Object item : list) {
				String entry = string(item);
				int eq = entry.indexOf('=');
				if (eq > 0) {
					result.put(entry.substring(0, eq), entry.substring(eq + 1));
				}
			}
		}
		return result;
	}

	static String string(Object value) {
		return (value != null) ? String.valueOf(value) : null;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> cast(Map<?, ?> map) {
		return (Map<String, Object>) map;
	}

	private static Object deepCopy(Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> copy = new LinkedHashMap<>();
			map.forEach((k, v) -> copy.put(string(k), deepCopy(v)));
			return copy;
		}
		if (value instanceof List<?> list) {
			List<Object> copy = new ArrayList<>();
			list.forEach((v) -> copy.add(deepCopy(v)));
			return copy;
		}
		return value;
	}

	private static Object interpolateAll(Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> result = new LinkedHashMap<>();
			map.forEach((k, v) -> result.put(string(k), interpolateAll(v)));
			return result;
		}
		if (value instanceof List<?> list) {
			List<Object> result = new ArrayList<>();
			list.forEach((v) -> result.add(interpolateAll(v)));
			return result;
		}
		if (value instanceof String text) {
			return interpolate(text);
		}
		return value;
	}

	/**
	 * Compose's interpolation with an empty environment: {@code ${VAR:-default}} and {@code ${VAR-default}} give the
	 * default, {@code ${VAR}} and {@code $VAR} give "", {@code ${VAR:?message}} fails, {@code $$} is a literal $.
	 */
	static String interpolate(String text) {
		StringBuilder out = new StringBuilder();
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c != '$' || i + 1 >= text.length()) {
				out.append(c);
				i++;
				continue;
			}
			char next = text.charAt(i + 1);
			if (next == '$') {
				out.append('$');
				i += 2;
			}
			else if (next == '{') {
				int end = matchingBrace(text, i + 1);
				if (end < 0) {
					throw new IllegalStateException("Unclosed ${ in docker-compose.yml value: " + text);
				}
				out.append(expression(text.substring(i + 2, end), text));
				i = end + 1;
			}
			else if (Character.isLetter(next) || next == '_') {
				int end = i + 1;
				while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
					end++;
				}
				i = end; // an unset $VAR is empty
			}
			else {
				out.append(c);
				i++;
			}
		}
		return out.toString();
	}

	private static String expression(String expression, String whole) {
		int operator = 0;
		while (operator < expression.length()
				&& (Character.isLetterOrDigit(expression.charAt(operator)) || expression.charAt(operator) == '_')) {
			operator++;
		}
		String rest = expression.substring(operator);
		if (rest.isEmpty() || rest.startsWith(":+") || rest.startsWith("+")) {
			return ""; // unset, or "alternative if set"
		}
		if (rest.startsWith(":-")) {
			return interpolate(rest.substring(2));
		}
		if (rest.startsWith("-")) {
			return interpolate(rest.substring(1));
		}
		if (rest.startsWith(":?") || rest.startsWith("?")) {
			throw new IllegalStateException("docker-compose.yml requires the variable " + expression.substring(0, operator)
					+ " to be set: " + whole);
		}
		throw new IllegalStateException("Cannot interpolate ${" + expression + "} in docker-compose.yml: " + whole);
	}

	static int matchingBrace(String text, int open) {
		int depth = 0;
		for (int i = open; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '{') {
				depth++;
			}
			else if (c == '}') {
				depth--;
				if (depth == 0) {
					return i;
				}
			}
		}
		return -1;
	}

}
