package org.inspectflow.stackcheck;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A service's application.yml (all its documents), and the values Spring Boot would bind from it for a set of active
 * profiles and an environment: the container's environment variables first (exact names for placeholders, Boot's
 * relaxed names for properties), then the profile documents, then the default document; {@code ${NAME:default}}
 * placeholders resolved, nested ones too.
 */
final class SpringConfig {

	private static final String ON_PROFILE = "spring.config.activate.on-profile";

	private final String file;

	/** Each document flattened to dotted keys, in file order. */
	private final List<Map<String, String>> documents;

	private SpringConfig(String file, List<Map<String, String>> documents) {
		this.file = file;
		this.documents = documents;
	}

	/** @param root the repository root, for the file's name in messages */
	static SpringConfig read(Path root, Path file) {
		List<Map<String, String>> documents = new ArrayList<>();
		try (Reader reader = Files.newBufferedReader(file)) {
			for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
				Map<String, String> flat = new LinkedHashMap<>();
				if (document instanceof Map<?, ?> map) {
					flatten("", map, flat);
				}
				documents.add(flat);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + file, ex);
		}
		return new SpringConfig(root.relativize(file).toString(), documents);
	}

	String file() {
		return this.file;
	}

	boolean hasProfileDocument(String profile) {
		return this.documents.stream().anyMatch((document) -> profilesOf(document).contains(profile));
	}

	/** The configuration as a service started with these profiles and this environment sees it. */
	Effective effective(Set<String> activeProfiles, Map<String, String> environment) {
		List<Map<String, String>> active = new ArrayList<>();
		for (Map<String, String> document : this.documents) {
			Set<String> profiles = profilesOf(document);
			if (profiles.isEmpty() || profiles.stream().anyMatch(activeProfiles::contains)) {
				active.add(document);
			}
		}
		return new Effective(this.file, active, environment);
	}

	private static Set<String> profilesOf(Map<String, String> document) {
		String onProfile = document.get(ON_PROFILE);
		Set<String> profiles = new LinkedHashSet<>();
		if (onProfile != null) {
			Arrays.stream(onProfile.split(",")).map(String::trim).filter((p) -> !p.isEmpty()).forEach(profiles::add);
		}
		return profiles;
	}

	private static void flatten(String prefix, Map<?, ?> map, Map<String, String> out) {
		map.forEach((key, value) -> {
			String name = prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key;
			if (value instanceof Map<?, ?> nested) {
				flatten(name, nested, out);
			}
			else if (value instanceof List<?> list) {
				for (int i = 0; i < list.size(); i++) {
					Object item = list.get(i);
					if (item instanceof Map<?, ?> nested) {
						flatten(name + "[" + i + "]", nested, out);
					}
					else {
						out.put(name + "[" + i + "]", String.valueOf(item));
					}
				}
			}
			else {
				out.put(name, (value != null) ? String.valueOf(value) : "");
			}
		});
	}

	/** The resolved view; {@link #get} gives what Spring would bind, or null when nothing sets the property. */
	static final class Effective {

		private final String file;

		private final List<Map<String, String>> activeDocuments;

		private final Map<String, String> environment;

		Effective(String file, List<Map<String, String>> activeDocuments, Map<String, String> environment) {
			this.file = file;
			this.activeDocuments = activeDocuments;
			this.environment = environment;
		}

		String get(String property) {
			String raw = lookup(property);
			return (raw != null) ? resolve(raw, 0) : null;
		}

		String get(String property, String defaultValue) {
			String value = get(property);
			return (value != null) ? value : defaultValue;
		}

		boolean has(String property) {
			return lookup(property) != null;
		}

		/** Where a property's value comes from, for failure messages. */
		String origin(String property) {
			for (String name : environmentNames(property)) {
				if (this.environment.containsKey(name)) {
					return "environment variable " + name + " in docker-compose.yml";
				}
			}
			for (int i = this.activeDocuments.size() - 1; i >= 0; i--) {
				Map<String, String> document = this.activeDocuments.get(i);
				String raw = document.get(property);
				if (raw != null) {
					String profile = document.get(ON_PROFILE);
					String origin = property + " in " + this.file + ((profile != null) ? " (profile " + profile + ")" : "");
					if (raw.contains("${")) {
						origin += " = " + raw;
						List<String> set = this.environment.keySet().stream().filter((name) -> raw.contains("${" + name))
							.toList();
						if (!set.isEmpty()) {
							origin += ", with " + String.join(", ", set) + " set in docker-compose.yml";
						}
					}
					return origin;
				}
			}
			return property + " (not set)";
		}

		/** The direct children of a map-valued property, e.g. {@code inspectflow.services} gives workflow, ... */
		Set<String> childrenOf(String prefix) {
			Set<String> children = new LinkedHashSet<>();
			for (Map<String, String> document : this.activeDocuments) {
				for (String key : document.keySet()) {
					if (key.startsWith(prefix + ".")) {
						children.add(key.substring(prefix.length() + 1).split("[.\\[]")[0]);
					}
				}
			}
			return children;
		}

		private String lookup(String property) {
			for (String name : environmentNames(property)) {
				String value = this.environment.get(name);
				if (value != null) {
					return value;
				}
			}
			for (int i = this.activeDocuments.size() - 1; i >= 0; i--) {
				String value = this.activeDocuments.get(i).get(property);
				if (value != null) {
					return value;
				}
			}
			return null;
		}

		/**
		 * The names under which an environment variable sets a property: the name itself (what a placeholder like
		 * {@code ${INSPECTFLOW_X_PORT}} asks for) and Boot's relaxed forms ({@code a.b-c} from {@code A_BC} and
		 * {@code A_B_C}).
		 */
		private static List<String> environmentNames(String property) {
			Set<String> names = new LinkedHashSet<>();
			names.add(property);
			names.add(property.replace('.', '_').replace("-", "").toUpperCase(Locale.ROOT));
			names.add(property.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT));
			return new ArrayList<>(names);
		}

		private String resolve(String value, int depth) {
			if (depth > 20) {
				throw new IllegalStateException("Circular placeholder in " + this.file + ": " + value);
			}
			StringBuilder out = new StringBuilder();
			int i = 0;
			while (i < value.length()) {
				int start = value.indexOf("${", i);
				if (start < 0) {
					out.append(value, i, value.length());
					break;
				}
				out.append(value, i, start);
				int end = ComposeFile.matchingBrace(value, start + 1);
				if (end < 0) {
					throw new IllegalStateException("Unclosed ${ in " + this.file + ": " + value);
				}
				String inner = value.substring(start + 2, end);
				int colon = separator(inner);
				String name = resolve((colon < 0) ? inner : inner.substring(0, colon), depth + 1);
				String found = lookup(name);
				if (found != null) {
					out.append(resolve(found, depth + 1));
				}
				else if (colon >= 0) {
					out.append(resolve(inner.substring(colon + 1), depth + 1));
				}
				else {
					throw new IllegalStateException("Spring could not resolve ${" + inner + "} in " + this.file
							+ ": nothing sets " + name + " and there is no default");
				}
				i = end + 1;
			}
			return out.toString();
		}

		/** The first ':' outside nested placeholders. */
		private static int separator(String inner) {
			int depth = 0;
			for (int i = 0; i < inner.length(); i++) {
				char c = inner.charAt(i);
				if (c == '{') {
					depth++;
				}
				else if (c == '}') {
					depth--;
				}
				else if (c == ':' && depth == 0) {
					return i;
				}
			}
			return -1;
		}

	}

}
