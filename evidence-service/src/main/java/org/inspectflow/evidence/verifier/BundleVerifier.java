package org.inspectflow.evidence.verifier;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.inspectflow.evidence.chain.domain.ChainEntry;
import org.inspectflow.evidence.chain.domain.HashChain;

/**
 * Checks an exported evidence bundle offline, without the server: the chain's links ({@code chain.json}), each
 * link's metadata against its digest ({@code manifest.json}), and each file's SHA-256. Run it as
 * {@code java -jar evidence-service.jar verify <bundle.zip>}: exit code 0 intact, 1 broken, 2 unreadable.
 */
public final class BundleVerifier {

	private static final ObjectMapper JSON = new ObjectMapper();

	private BundleVerifier() {
	}

	public static int run(String[] args) {
		if (args.length != 2) {
			System.err.println("usage: java -jar evidence-service.jar verify <bundle.zip>");
			return 2;
		}
		try {
			HashChain.Verdict verdict = verify(Path.of(args[1]));
			if (verdict.valid()) {
				System.out.println("intact: " + verdict.links() + " links, every file matches its link");
				return 0;
			}
			System.out.println("BROKEN at link " + verdict.broken().sequence() + ": " + verdict.broken().reason());
			return 1;
		}
		catch (IOException | RuntimeException ex) {
			System.err.println("cannot read " + args[1] + " as an evidence bundle: " + ex.getMessage());
			return 2;
		}
	}

	public static HashChain.Verdict verify(Path bundle) throws IOException {
		try (ZipFile zip = new ZipFile(bundle.toFile())) {
			List<ChainEntry> links = new ArrayList<>();
			for (JsonNode link : read(zip, "chain.json")) {
				links.add(new ChainEntry(link.get("sequence").asLong(), link.get("evidenceId").asText(),
						link.get("sha256").asText(), link.get("metadataDigest").asText(), link.get("actor").asText(),
						link.get("at").asText(), link.get("previousHash").asText(), link.get("hash").asText()));
			}
			HashChain.Verdict verdict = HashChain.verify(links);
			JsonNode manifest = read(zip, "manifest.json").get("entries");
			for (int i = 0; i < links.size(); i++) {
				long sequence = i + 1;
				if (!verdict.valid() && verdict.broken().sequence() <= sequence) {
					return verdict;
				}
				ChainEntry link = links.get(i);
				JsonNode described = find(manifest, link.evidenceId());
				if (described == null) {
					return new HashChain.Verdict(false, sequence - 1,
							new HashChain.Broken(sequence, "link " + sequence + " has no file in the bundle"));
				}
				Map<String, String> metadata = new TreeMap<>();
				described.get("metadata").fields().forEachRemaining((field) -> metadata.put(field.getKey(),
						field.getValue().asText()));
				if (!HashChain.digest(metadata).equals(link.metadataDigest())) {
					return new HashChain.Verdict(false, sequence - 1,
							new HashChain.Broken(sequence, "the metadata of link " + sequence + " was changed"));
				}
				ZipEntry file = zip.getEntry(described.get("file").asText());
				if (file == null || !sha256(zip, file).equals(link.sha256())) {
					return new HashChain.Verdict(false, sequence - 1,
							HashChain.Broken.file(sequence, link.evidenceId()));
				}
			}
			return verdict;
		}
	}

	private static JsonNode find(JsonNode manifest, String evidenceId) {
		for (JsonNode entry : manifest) {
			if (evidenceId.equals(entry.get("evidenceId").asText())) {
				return entry;
			}
		}
		return null;
	}

	private static JsonNode read(ZipFile zip, String name) throws IOException {
		ZipEntry entry = zip.getEntry(name);
		if (entry == null) {
			throw new IOException("no " + name + " in the bundle");
		}
		try (InputStream in = zip.getInputStream(entry)) {
			return JSON.readTree(in);
		}
	}

	private static String sha256(ZipFile zip, ZipEntry file) throws IOException {
		MessageDigest digest = HashChain.messageDigest();
		try (InputStream in = zip.getInputStream(file)) {
			byte[] buffer = new byte[256 * 1024];
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				digest.update(buffer, 0, read);
			}
		}
		return HashChain.hex(digest.digest());
	}

}
