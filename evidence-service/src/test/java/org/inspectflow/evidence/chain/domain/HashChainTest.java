package org.inspectflow.evidence.chain.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The chain's own checks: an edit, a deletion and a reordering are each found at the right link. */
class HashChainTest {

	private static List<ChainEntry> chainOf(int links) {
		List<ChainEntry> chain = new ArrayList<>();
		ChainEntry previous = null;
		for (int i = 1; i <= links; i++) {
			previous = HashChain.next(previous, "EV-" + i, HashChain.sha256("file " + i),
					HashChain.digest(Map.of("filename", "photo-" + i + ".jpg")), "officer1",
					"2026-03-10T02:0" + i + ":00Z");
			chain.add(previous);
		}
		return chain;
	}

	@Test
	void anUntouchedChainVerifies() {
		assertThat(HashChain.verify(chainOf(5))).isEqualTo(new HashChain.Verdict(true, 5, null));
		assertThat(chainOf(1).get(0).previousHash()).isEqualTo(HashChain.GENESIS);
	}

	@Test
	void anEditedLinkIsFoundWhereItWasEdited() {
		List<ChainEntry> chain = chainOf(5);
		ChainEntry third = chain.get(2);
		chain.set(2, new ChainEntry(third.sequence(), third.evidenceId(), HashChain.sha256("another file"),
				third.metadataDigest(), third.actor(), third.at(), third.previousHash(), third.hash()));
		HashChain.Verdict verdict = HashChain.verify(chain);
		assertThat(verdict.valid()).isFalse();
		assertThat(verdict.broken().sequence()).isEqualTo(3);
		assertThat(verdict.broken().reason()).contains("changed");
	}

	@Test
	void aDeletedLinkIsFoundWhereTheGapIs() {
		List<ChainEntry> chain = chainOf(5);
		chain.remove(1);
		assertThat(HashChain.verify(chain).broken().sequence()).isEqualTo(2);
	}

	@Test
	void reorderedLinksAreFound() {
		List<ChainEntry> chain = chainOf(5);
		ChainEntry fourth = chain.get(3);
		chain.set(3, chain.get(4));
		chain.set(4, fourth);
		assertThat(HashChain.verify(chain).broken().sequence()).isEqualTo(4);
	}

	@Test
	void aMetadataDigestDoesNotDependOnTheOrderOfItsKeys() {
		assertThat(HashChain.digest(Map.of("a", "1", "b", "2"))).isEqualTo(HashChain.digest(Map.of("b", "2", "a", "1")))
			.isNotEqualTo(HashChain.digest(Map.of("a", "1", "b", "3")));
	}

}
