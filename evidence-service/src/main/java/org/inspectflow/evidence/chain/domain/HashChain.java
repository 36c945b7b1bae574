package org.inspectflow.evidence.chain.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rules of the evidence chain, the same on the server and in the offline verifier: how a link is sealed, how a
 * metadata map is digested, and how a chain is checked. Anyone can re-implement them from this description:
 * <ul>
 * <li>a link's hash is the SHA-256 (lower-case hex) of the UTF-8 text
 * {@code sequence|evidenceId|sha256|metadataDigest|actor|at|previousHash};</li>
 * <li>the first link's previous hash is 64 zeros;</li>
 * <li>a metadata digest is the SHA-256 of the lines {@code key=value\n} for each entry, keys sorted, values as
 * text.</li>
 * </ul>
 */
public final class HashChain {

	public static final String GENESIS = "0".repeat(64);

	private HashChain() {
	}

	/** The next link after {@code previous} (null for the first). */
	public static ChainEntry next(ChainEntry previous, String evidenceId, String sha256, String metadataDigest,
			String actor, String at) {
		long sequence = previous == null ? 1 : previous.sequence() + 1;
		String previousHash = previous == null ? GENESIS : previous.hash();
		return new ChainEntry(sequence, evidenceId, sha256, metadataDigest, actor, at, previousHash,
				seal(sequence, evidenceId, sha256, metadataDigest, actor, at, previousHash));
	}

	public static String seal(long sequence, String evidenceId, String sha256, String metadataDigest, String actor,
			String at, String previousHash) {
		return sha256(sequence + "|" + evidenceId + "|" + sha256 + "|" + metadataDigest + "|" + actor + "|" + at + "|"
				+ previousHash);
	}

	public static String digest(Map<String, ?> metadata) {
		StringBuilder lines = new StringBuilder();
		new TreeMap<>(metadata).forEach((key, value) -> lines.append(key).append('=').append(value).append('\n'));
		return sha256(lines.toString());
	}

	/**
	 * Checks the links in the order given: each in sequence, each chained to the one before, each sealed over its own
	 * content. Stored files are checked by the caller ({@link Broken#file}).
	 */
	public static Verdict verify(List<ChainEntry> entries) {
		String previousHash = GENESIS;
		for (int i = 0; i < entries.size(); i++) {
			ChainEntry entry = entries.get(i);
			long expected = i + 1;
			if (entry.sequence() != expected) {
				return Verdict.broken(expected, "link " + expected + " is missing or out of order (found "
						+ entry.sequence() + ")");
			}
			if (!entry.previousHash().equals(previousHash)) {
				return Verdict.broken(expected, "link " + expected + " does not follow link " + (expected - 1));
			}
			String sealed = seal(entry.sequence(), entry.evidenceId(), entry.sha256(), entry.metadataDigest(),
					entry.actor(), entry.at(), entry.previousHash());
			if (!sealed.equals(entry.hash())) {
				return Verdict.broken(expected, "link " + expected + " was changed after it was sealed");
			}
			previousHash = entry.hash();
		}
		return new Verdict(true, entries.size(), null);
	}

	public static String sha256(String text) {
		return hex(messageDigest().digest(text.getBytes(StandardCharsets.UTF_8)));
	}

	public static MessageDigest messageDigest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java has SHA-256", ex);
		}
	}

	public static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(bytes);
	}

	/**
	 * @param valid true when every link (and every file checked) is intact
	 * @param links how many links were checked
	 * @param broken the first problem, null when valid
	 */
	public record Verdict(boolean valid, long links, Broken broken) {

		static Verdict broken(long sequence, String reason) {
			return new Verdict(false, sequence - 1, new Broken(sequence, reason));
		}

		/** The same verdict, or the file problem when the links are fine. */
		public Verdict withFile(Broken file) {
			return this.valid && file != null ? new Verdict(false, this.links, file) : this;
		}

	}

	/** The first broken link: its sequence number and what is wrong. */
	public record Broken(long sequence, String reason) {

		public static Broken file(long sequence, String evidenceId) {
			return new Broken(sequence, "the file of link " + sequence + " (" + evidenceId
					+ ") is not the one that was stored: its SHA-256 differs");
		}

	}

}
