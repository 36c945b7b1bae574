package org.inspectflow.evidence.chain.domain;

/**
 * One link of a case's evidence chain: which file (its SHA-256), described how (the digest of its metadata), added by
 * whom and when, after which link ({@code previousHash}); {@code hash} seals all of that.
 *
 * @param sequence 1, 2, 3 … without gaps
 * @param at ISO-8601 instant, as stored (the text is hashed, so it is kept as text)
 */
public record ChainEntry(long sequence, String evidenceId, String sha256, String metadataDigest, String actor,
		String at, String previousHash, String hash) {
}
