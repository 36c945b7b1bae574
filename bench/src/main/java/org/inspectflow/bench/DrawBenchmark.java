package org.inspectflow.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

import org.inspectflow.enterprise.draw.domain.DoubleRandomDraw;

/**
 * The double-random draw (双随机) over a population of a million enterprises, as enterprise-service runs it: the
 * population (read from the register in USCC order) checked to be in snapshot order, the snapshot hashed, N targets
 * drawn by weight and M officers from the roster (the draw hashes the snapshot again to seed its streams).
 * Prints the time of each round and the median against the 1 s target.
 * <p>
 * {@code bench/run draw} ({@code ENTERPRISES=1000000 ROUNDS=5}).
 */
public final class DrawBenchmark {

	private DrawBenchmark() {
	}

	public static void main(String[] args) {
		int enterprises = Integer.getInteger("enterprises", 1_000_000);
		int rounds = Integer.getInteger("rounds", 5);
		RandomGenerator random = RandomGenerator.of("L64X128MixRandom");
		String[] tiers = { "HIGH", "MEDIUM", "MEDIUM", "LOW", "LOW", "LOW" };
		List<DoubleRandomDraw.Candidate> population = new ArrayList<>(enterprises);
		for (int i = 0; i < enterprises; i++) {
			population.add(new DoubleRandomDraw.Candidate(String.format("914403%012d", i),
					DoubleRandomDraw.weightOf(tiers[random.nextInt(tiers.length)])));
		}
		// in USCC order, as the register hands it over (DrawService queries sorted by _id)
		List<DoubleRandomDraw.Officer> roster = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			roster.add(new DoubleRandomDraw.Officer("officer-" + i, Set.of()));
		}
		System.out.printf("double-random draw over %,d enterprises and %d officers (100 targets, 10 officers),"
				+ " %d rounds%n", enterprises, roster.size(), rounds);
		run(population, roster, "warm-up");
		List<Double> seconds = new ArrayList<>();
		for (int round = 1; round <= rounds; round++) {
			double s = run(population, roster, "seed-" + round);
			seconds.add(s);
			System.out.printf("round %d: %.3f s%n", round, s);
		}
		Collections.sort(seconds);
		double median = seconds.get(seconds.size() / 2);
		System.out.printf("median: %.3f s — %.2f of the 1 s target%n", median, median / 1.0);
	}

	private static double run(List<DoubleRandomDraw.Candidate> population, List<DoubleRandomDraw.Officer> roster,
			String seed) {
		long start = System.nanoTime();
		List<DoubleRandomDraw.Candidate> candidates = DoubleRandomDraw.sortedCandidates(population);
		List<DoubleRandomDraw.Officer> officers = DoubleRandomDraw.sortedOfficers(roster);
		long sorted = System.nanoTime();
		String snapshot = DoubleRandomDraw.snapshotHash(candidates, officers);
		long hashed = System.nanoTime();
		DoubleRandomDraw.Result result = DoubleRandomDraw.draw(seed, candidates, officers, 100, 10);
		long drawn = System.nanoTime();
		double seconds = (drawn - start) / 1e9;
		System.out.printf("  order check %.3f s, snapshot hash %.3f s (%s…), draw incl. its own hash %.3f s%n",
				(sorted - start) / 1e9, (hashed - sorted) / 1e9, snapshot.substring(0, 8), (drawn - hashed) / 1e9);
		if (result.targets().size() != 100) {
			throw new IllegalStateException("the draw gave " + result.targets().size() + " targets");
		}
		return seconds;
	}

}
