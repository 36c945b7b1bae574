package org.inspectflow.stackcheck;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Everything the checks compare, read from the repository: docker-compose.yml, the root pom, and the application.yml
 * of every service module (a module of the root pom with {@code src/main/resources/application.yml}).
 */
record Stack(Path root, ComposeFile compose, Pom pom, Map<String, SpringConfig> services) {

	static Stack load() {
		Path root = findRoot();
		Pom pom = Pom.read(root.resolve("pom.xml"));
		Map<String, SpringConfig> services = new LinkedHashMap<>();
		for (String module : pom.modules()) {
			Path config = root.resolve(module).resolve("src/main/resources/application.yml");
			if (Files.isRegularFile(config)) {
				services.put(Paths.get(module).getFileName().toString(), SpringConfig.read(root, config));
			}
		}
		return new Stack(root, ComposeFile.read(root.resolve("docker-compose.yml")), pom, services);
	}

	/** The same repository with a changed compose file: how the self-tests feed the checks a broken stack. */
	Stack withCompose(Map<String, Object> rawCompose) {
		return new Stack(this.root, new ComposeFile(rawCompose), this.pom, this.services);
	}

	/** A service module as it runs in compose: its compose service and the configuration it sees there. */
	record Running(String module, ComposeFile.Service service, SpringConfig.Effective config) {
	}

	/** The service modules that have a compose service of their name (the others are reported by one check). */
	List<Running> running() {
		List<Running> running = new ArrayList<>();
		this.services.forEach((module, config) -> {
			ComposeFile.Service service = this.compose.service(module);
			if (service != null) {
				Map<String, String> environment = service.environment();
				running.add(new Running(module, service, config.effective(profiles(environment), environment)));
			}
		});
		return running;
	}

	static Set<String> profiles(Map<String, String> environment) {
		String active = environment.getOrDefault("SPRING_PROFILES_ACTIVE", "");
		Set<String> profiles = new LinkedHashSet<>();
		Arrays.stream(active.split(",")).map(String::trim).filter((p) -> !p.isEmpty()).forEach(profiles::add);
		return profiles;
	}

	Path file(String relative) {
		return this.root.resolve(relative).normalize();
	}

	String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + file, ex);
		}
	}

	/** Walks up from the working directory (Surefire runs in the module) to the folder with the compose file. */
	private static Path findRoot() {
		Path start = Paths.get("").toAbsolutePath();
		for (Path dir = start; dir != null; dir = dir.getParent()) {
			if (Files.isRegularFile(dir.resolve("docker-compose.yml")) && Files.isRegularFile(dir.resolve("inspectflow"))) {
				return dir;
			}
		}
		throw new IllegalStateException("No folder with docker-compose.yml and inspectflow above " + start);
	}

	/** What the checks need from the root pom. */
	record Pom(String version, Map<String, String> properties, List<String> modules) {

		static Pom read(Path file) {
			try {
				DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
				factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
				Document document = factory.newDocumentBuilder().parse(file.toFile());
				Element project = document.getDocumentElement();
				String version = text(child(project, "version"));
				Map<String, String> properties = new LinkedHashMap<>();
				Element props = child(project, "properties");
				if (props != null) {
					for (Element property : children(props)) {
						properties.put(property.getTagName(), text(property));
					}
				}
				List<String> modules = new ArrayList<>();
				Element mods = child(project, "modules");
				if (mods != null) {
					children(mods).forEach((module) -> modules.add(text(module)));
				}
				return new Pom(version, properties, modules);
			}
			catch (Exception ex) {
				throw new IllegalStateException("Cannot read " + file, ex);
			}
		}

		private static Element child(Element parent, String name) {
			return children(parent).stream().filter((e) -> e.getTagName().equals(name)).findFirst().orElse(null);
		}

		private static List<Element> children(Element parent) {
			List<Element> elements = new ArrayList<>();
			NodeList nodes = parent.getChildNodes();
			for (int i = 0; i < nodes.getLength(); i++) {
				if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
					elements.add((Element) nodes.item(i));
				}
			}
			return elements;
		}

		private static String text(Element element) {
			return (element != null) ? element.getTextContent().trim() : null;
		}

	}

}
