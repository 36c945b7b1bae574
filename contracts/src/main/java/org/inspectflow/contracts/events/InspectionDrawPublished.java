package org.inspectflow.contracts.events;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The result of a double-random draw (双随机一公开), made public: random enterprises from the register and random
 * officers from the roster. The seed was committed to before the draw, so anyone can check that the published seed
 * matches the commitment and reproduces the result.
 *
 * @param drawId the draw
 * @param district administrative division code of the jurisdiction drawn in
 * @param seedCommitment SHA-256 of the seed (hex), published before the draw
 * @param seed the seed, revealed with the result
 * @param algorithm name and version of the drawing procedure that turns the seed into the picks
 * @param registerSize how many enterprises the targets were drawn from
 * @param officers every officer drawn, in draw order
 * @param targets the enterprises drawn, each with its team
 * @param drawnBy user name of the supervisor who ran the draw
 */
public record InspectionDrawPublished(String drawId, String district, String seedCommitment, String seed,
		String algorithm, int registerSize, List<String> officers, List<Target> targets, OffsetDateTime drawnAt,
		String drawnBy) {

	public static final String TYPE = "enterprise.InspectionDrawPublished.v1";

	public InspectionDrawPublished {
		officers = List.copyOf(officers);
		targets = List.copyOf(targets);
	}

	/**
	 * One enterprise drawn and the officers drawn to inspect it.
	 */
	public record Target(String enterpriseUscc, List<String> officerIds) {

		public Target {
			officerIds = List.copyOf(officerIds);
		}

	}

}
