package org.inspectflow.enterprise.draw.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The verifiable double-random draw (双随机一公开), algorithm {@value #ALGORITHM}. Anyone holding the revealed seed
 * and the snapshot re-runs it and gets the same targets and officers; the hashes of both were published before the
 * draw, so neither can have been chosen after seeing the result.
 *
 * <ol>
 * <li><b>Snapshot</b>: the candidates sorted by USCC, one line {@code E,<uscc>,<weight>\n} each, then the officer
 * pool sorted by id, one line {@code O,<officerId>,<conflicting USCCs joined by ;>\n} each, UTF-8. Its SHA-256 (hex)
 * is the snapshot hash. The seed commitment is the SHA-256 (hex) of the seed's UTF-8 text.</li>
 * <li><b>Random stream</b>: SHA-256 in counter mode: block {@code i} = SHA-256(seed ‖ "\n" ‖ snapshotHash ‖ "\n" ‖
 * label ‖ i as 8 bytes big-endian); each block gives four 64-bit big-endian numbers {@code x}, each turned into
 * {@code u = ((x >>> 11) + 0.5) / 2^53}, uniform in (0, 1). Label {@code targets} for step 3, {@code officers} for
 * step 4.</li>
 * <li><b>Targets</b>: weighted sampling without replacement by Efraimidis–Spirakis: candidate {@code k} (snapshot
 * order) gets the key {@code ln(u_k) / w_k}; the N largest keys are drawn, listed by descending key (ties: USCC).</li>
 * <li><b>Officers</b>: the pool without every officer who declared a conflict with a drawn target; each gets the key
 * {@code ln(u_k)} (weight 1, pool order); the M largest are drawn, by descending key.</li>
 * <li><b>Teams</b>: target {@code t} (0-based, draw order) is inspected by officers {@code (2t) mod M} and
 * {@code (2t + 1) mod M} of the drawn list (one officer when M = 1): on-site inspections need two officers.</li>
 * </ol>
 * Weights by risk tier: HIGH 4, MEDIUM 2, LOW 1 (an unassessed enterprise counts as MEDIUM), so that a high-risk
 * enterprise is about four times as likely as a low-risk one, and the positive list (which lowers the tier) means
 * fewer inspections, as the source describes.
 */
public final class DoubleRandomDraw {

	public static final String ALGORITHM = "inspectflow-draw-v1 (SHA-256 counter-mode stream, Efraimidis-Spirakis)";

	private DoubleRandomDraw() {
	}

	/** An enterprise that may be drawn, with its weight. */
	public record Candidate(String uscc, int weight) {
	}

	/** An officer of the roster, and the enterprises the officer declared a conflict of interest with. */
	public record Officer(String id, Set<String> conflicts) {

		public Officer {
			conflicts = Set.copyOf(conflicts);
		}

	}

	/** The drawn targets each with its officers, and the drawn officers in draw order. */
	public record Result(List<Team> targets, List<String> officers) {
	}

	/** One target and its officers. */
	public record Team(String enterpriseUscc, List<String> officerIds) {
	}

	public static int weightOf(String riskTier) {
		if ("HIGH".equals(riskTier)) {
			return 4;
		}
		return "LOW".equals(riskTier) ? 1 : 2;
	}

	/** Candidates and officers in snapshot order (the order the hash and the draw use). */
	public static List<Candidate> sortedCandidates(List<Candidate> candidates) {
		List<Candidate> sorted = new ArrayList<>(candidates);
		// the register hands the population over in USCC order already: check in one pass rather than sort again
		for (int i = 1; i < sorted.size(); i++) {
			if (sorted.get(i - 1).uscc().compareTo(sorted.get(i).uscc()) > 0) {
				sorted.sort(Comparator.comparing(Candidate::uscc));
				break;
			}
		}
		return sorted;
	}

	public static List<Officer> sortedOfficers(List<Officer> officers) {
		List<Officer> sorted = new ArrayList<>(officers);
		sorted.sort(Comparator.comparing(Officer::id));
		return sorted;
	}

	/** SHA-256 (hex) of the snapshot text; the lists must be in snapshot order. */
	public static String snapshotHash(List<Candidate> candidates, List<Officer> officers) {
		MessageDigest digest = sha256();
		StringBuilder line = new StringBuilder(64);
		// the same bytes as one UTF-8 line per candidate, hashed in large blocks (a million small updates are slow)
		java.io.ByteArrayOutputStream block = new java.io.ByteArrayOutputStream(1 << 20);
		for (Candidate candidate : candidates) {
			line.setLength(0);
			line.append("E,").append(candidate.uscc()).append(',').append(candidate.weight()).append('\n');
			block.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
			if (block.size() >= (1 << 20) - 128) {
				digest.update(block.toByteArray());
				block.reset();
			}
		}
		digest.update(block.toByteArray());
		for (Officer officer : officers) {
			line.setLength(0);
			line.append("O,").append(officer.id()).append(',')
				.append(String.join(";", officer.conflicts().stream().sorted().toList()))
				.append('\n');
			digest.update(line.toString().getBytes(StandardCharsets.UTF_8));
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	public static String commitment(String seed) {
		return HexFormat.of().formatHex(sha256().digest(seed.getBytes(StandardCharsets.UTF_8)));
	}

	/** Draws N targets and M officers; the lists must be in snapshot order. */
	public static Result draw(String seed, List<Candidate> candidates, List<Officer> officers, int targetCount,
			int officerCount) {
		String snapshot = snapshotHash(candidates, officers);
		Stream targetStream = new Stream(seed, snapshot, "targets");
		List<Integer> targetIndexes = topByKey(candidates.size(), targetCount, targetStream,
				(k) -> candidates.get(k).weight(), (k) -> candidates.get(k).uscc());
		List<String> targets = targetIndexes.stream().map((k) -> candidates.get(k).uscc()).toList();
		Set<String> drawn = Set.copyOf(targets);
		List<Officer> pool = officers.stream()
			.filter((o) -> o.conflicts().stream().noneMatch(drawn::contains))
			.toList();
		Stream officerStream = new Stream(seed, snapshot, "officers");
		List<String> chosen = topByKey(pool.size(), officerCount, officerStream, (k) -> 1, (k) -> pool.get(k).id())
			.stream()
			.map((k) -> pool.get(k).id())
			.toList();
		List<Team> teams = new ArrayList<>();
		for (int t = 0; t < targets.size(); t++) {
			List<String> team = chosen.isEmpty() ? List.of()
					: chosen.size() == 1 ? List.of(chosen.get(0))
							: List.of(chosen.get((2 * t) % chosen.size()), chosen.get((2 * t + 1) % chosen.size()));
			teams.add(new Team(targets.get(t), team));
		}
		return new Result(teams, chosen);
	}

	private static List<Integer> topByKey(int size, int count, Stream stream,
			java.util.function.IntUnaryOperator weight, java.util.function.IntFunction<String> name) {
		Comparator<Keyed> byKey = Comparator.comparingDouble(Keyed::key)
			.thenComparing((Keyed k) -> name.apply(k.index()), Comparator.reverseOrder());
		PriorityQueue<Keyed> best = new PriorityQueue<>(Math.max(1, count), byKey);
		for (int k = 0; k < size; k++) {
			double key = Math.log(stream.next()) / weight.applyAsInt(k);
			if (best.size() < count) {
				best.add(new Keyed(k, key));
			}
			else if (count > 0 && byKey.compare(new Keyed(k, key), best.peek()) > 0) {
				best.poll();
				best.add(new Keyed(k, key));
			}
		}
		List<Keyed> sorted = new ArrayList<>(best);
		sorted.sort(byKey.reversed());
		return sorted.stream().map(Keyed::index).toList();
	}

	private record Keyed(int index, double key) {
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

	/** The SHA-256 counter-mode stream of uniform numbers in (0, 1). */
	static final class Stream {

		private final MessageDigest digest = sha256();

		private final byte[] prefix;

		private final ByteBuffer counter = ByteBuffer.allocate(8);

		private ByteBuffer block = ByteBuffer.allocate(0);

		private long next;

		Stream(String seed, String snapshotHash, String label) {
			this.prefix = (seed + "\n" + snapshotHash + "\n" + label).getBytes(StandardCharsets.UTF_8);
		}

		double next() {
			if (this.block.remaining() < 8) {
				this.digest.update(this.prefix);
				this.counter.clear();
				this.counter.putLong(this.next++);
				this.digest.update(this.counter.array());
				this.block = ByteBuffer.wrap(this.digest.digest());
			}
			long x = this.block.getLong();
			return ((x >>> 11) + 0.5) / (double) (1L << 53);
		}

	}

}
