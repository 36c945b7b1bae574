package org.inspectflow.enterprise.draw.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.inspectflow.enterprise.draw.domain.DoubleRandomDraw.Candidate;
import org.inspectflow.enterprise.draw.domain.DoubleRandomDraw.Officer;
import org.inspectflow.enterprise.draw.domain.DoubleRandomDraw.Result;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DoubleRandomDrawTest {

	static List<Candidate> population(int size) {
		List<Candidate> candidates = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			candidates.add(new Candidate(String.format("E%06d", i), i % 10 == 0 ? 4 : i % 3 == 0 ? 2 : 1));
		}
		return DoubleRandomDraw.sortedCandidates(candidates);
	}

	static List<Officer> roster() {
		return DoubleRandomDraw.sortedOfficers(List.of(new Officer("officer1", Set.of()),
				new Officer("officer2", Set.of()), new Officer("440304-03", Set.of("E000010")),
				new Officer("440304-04", Set.of()), new Officer("440304-05", Set.of())));
	}

	@Test
	void theSameSeedAndSnapshotGiveTheSameDraw() {
		Result first = DoubleRandomDraw.draw("seed-1", population(500), roster(), 20, 4);
		Result again = DoubleRandomDraw.draw("seed-1", population(500), roster(), 20, 4);
		assertThat(again).isEqualTo(first);
		assertThat(first.targets()).hasSize(20);
		assertThat(first.officers()).hasSize(4).doesNotHaveDuplicates();
		assertThat(first.targets().stream().map(DoubleRandomDraw.Team::enterpriseUscc)).doesNotHaveDuplicates();
		assertThat(first.targets()).allSatisfy((team) -> assertThat(team.officerIds()).hasSize(2)
			.doesNotHaveDuplicates()
			.isSubsetOf(first.officers()));
	}

	@Test
	void aDifferentSeedOrSnapshotGivesADifferentDraw() {
		Result first = DoubleRandomDraw.draw("seed-1", population(500), roster(), 20, 4);
		assertThat(DoubleRandomDraw.draw("seed-2", population(500), roster(), 20, 4).targets())
			.isNotEqualTo(first.targets());
		assertThat(DoubleRandomDraw.draw("seed-1", population(501), roster(), 20, 4).targets())
			.as("one more enterprise changes the snapshot hash and so the stream")
			.isNotEqualTo(first.targets());
	}

	@Test
	void theCommitmentsAreTheHashesOfTheRevealedValues() {
		assertThat(DoubleRandomDraw.commitment("abc"))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
		String hash = DoubleRandomDraw.snapshotHash(List.of(new Candidate("E1", 4)), List.of(new Officer("o1", Set.of())));
		// sha256("E,E1,4\nO,o1,\n")
		assertThat(hash).isEqualTo(org.apache.commons.codec.digest.DigestUtils.sha256Hex("E,E1,4\nO,o1,\n"));
	}

	@Test
	void highRiskEnterprisesAreDrawnMoreOftenAndConflictsAreExcluded() {
		List<Candidate> candidates = DoubleRandomDraw.sortedCandidates(List.of(new Candidate("HIGH", 4),
				new Candidate("LOW", 1)));
		int high = 0;
		for (int i = 0; i < 2000; i++) {
			Result result = DoubleRandomDraw.draw("s" + i, candidates, roster(), 1, 2);
			if (result.targets().get(0).enterpriseUscc().equals("HIGH")) {
				high++;
			}
		}
		// P(HIGH first) = 4 / 5 under Efraimidis–Spirakis
		assertThat(high).isBetween(1500, 1700);

		for (int i = 0; i < 50; i++) {
			Result result = DoubleRandomDraw.draw("c" + i, population(50), roster(), 10, 5);
			boolean conflicted = result.targets().stream().anyMatch((t) -> t.enterpriseUscc().equals("E000010"));
			if (conflicted) {
				assertThat(result.officers()).doesNotContain("440304-03").hasSize(4);
			}
		}
	}

	@Test
	void drawsAllWhenAskedForMoreThanThereAre() {
		Result result = DoubleRandomDraw.draw("s", population(3), roster(), 10, 10);
		assertThat(result.targets()).hasSize(3);
		assertThat(result.officers()).hasSize(5);
	}

}
