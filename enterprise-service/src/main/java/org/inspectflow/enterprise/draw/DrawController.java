package org.inspectflow.enterprise.draw;

import java.util.List;

import org.bson.Document;
import org.inspectflow.enterprise.draw.domain.DoubleRandomDraw;
import org.inspectflow.enterprise.register.domain.DivisionCodes;
import org.inspectflow.support.web.Problems;
import org.inspectflow.support.security.Caller;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The double-random draw's API. Create and reveal: {@code supervisor} of the district's city, or {@code admin}.
 * Read and verify: anyone, without a token (一公开: the result and the means to check it are public); the seed is
 * shown only after the reveal.
 */
@RestController
@RequestMapping("/draws")
class DrawController {

	static final int MAX_TARGETS = 1000;

	static final int MAX_OFFICERS = 200;

	private final DrawService draws;

	DrawController(DrawService draws) {
		this.draws = draws;
	}

	/** Freezes the snapshot and commits to a seed: answers both hashes, before anything is drawn. */
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	PublicDraw create(@AuthenticationPrincipal Jwt jwt, @RequestBody DrawRequest request) {
		if (!DivisionCodes.isDistrict(request.district())) {
			throw Problems.badRequest("district must be a six-digit district code, e.g. 440304");
		}
		String industryCode = blankToNull(request.industryCode());
		if (industryCode != null && !industryCode.matches("[A-T][0-9]{2,4}")) {
			throw Problems.badRequest("industryCode must be a GB/T 4754 code such as C3360");
		}
		if (request.targets() < 1 || request.targets() > MAX_TARGETS || request.officers() < 1
				|| request.officers() > MAX_OFFICERS) {
			throw Problems.badRequest("targets must be 1.." + MAX_TARGETS + " and officers 1.." + MAX_OFFICERS);
		}
		Caller caller = Caller.from(jwt);
		requireScope(caller, request.district());
		try {
			return PublicDraw.of(this.draws.create(request.district(), industryCode,
					request.targets(), request.officers(), caller.username()));
		}
		catch (DrawService.DrawRefused ex) {
			throw Problems.problem(HttpStatus.UNPROCESSABLE_ENTITY, "Nothing to draw", ex.getMessage());
		}
	}

	/** Reveals the seed and draws; the result is published. Repeating it answers the same result. */
	@PostMapping("/{drawId}/reveal")
	PublicDraw reveal(@AuthenticationPrincipal Jwt jwt, @PathVariable String drawId) {
		Caller caller = Caller.from(jwt);
		Document draw = this.draws.find(drawId).orElseThrow(() -> Problems.notFound("no draw " + drawId));
		requireScope(caller, draw.getString("district"));
		try {
			return PublicDraw.of(this.draws.reveal(draw, caller.username()));
		}
		catch (DrawService.DrawRefused ex) {
			throw Problems.conflict(ex.getMessage());
		}
	}

	@GetMapping("/{drawId}")
	PublicDraw read(@PathVariable String drawId) {
		return PublicDraw.of(this.draws.find(drawId).orElseThrow(() -> Problems.notFound("no draw " + drawId)));
	}

	/** Re-runs the revealed draw from its seed and snapshot and says whether everything matches. */
	@GetMapping("/{drawId}/verify")
	Verification verify(@PathVariable String drawId) {
		Document draw = this.draws.find(drawId).orElseThrow(() -> Problems.notFound("no draw " + drawId));
		if (!Boolean.TRUE.equals(draw.getBoolean("revealed"))) {
			throw Problems.conflict("draw " + drawId + " is not revealed yet: its seed is still secret");
		}
		String seed = draw.getString("seed");
		boolean seedMatches = DoubleRandomDraw.commitment(seed).equals(draw.getString("seedCommitment"));
		boolean snapshotMatches = DoubleRandomDraw
			.snapshotHash(DrawService.candidates(draw), DrawService.officers(draw))
			.equals(draw.getString("snapshotHash"));
		DoubleRandomDraw.Result rerun = DrawService.run(draw);
		List<String> targets = rerun.targets().stream().map(DoubleRandomDraw.Team::enterpriseUscc).toList();
		List<String> stored = draw.getList("targets", Document.class)
			.stream()
			.map((t) -> t.getString("enterpriseUscc"))
			.toList();
		boolean resultMatches = targets.equals(stored) && rerun.officers().equals(draw.getList("officers", String.class));
		return new Verification(drawId, seed, draw.getString("seedCommitment"), seedMatches,
				draw.getString("snapshotHash"), snapshotMatches, resultMatches, targets, rerun.officers(),
				seedMatches && snapshotMatches && resultMatches);
	}

	private static void requireScope(Caller caller, String district) {
		if (caller.hasRole("admin")) {
			return;
		}
		String city = DivisionCodes.isCity(caller.city()) ? caller.city()
				: DivisionCodes.isDistrict(caller.district()) ? DivisionCodes.cityOf(caller.district()) : null;
		if (!caller.hasRole("supervisor") || city == null || !city.equals(DivisionCodes.cityOf(district))) {
			throw Problems.forbidden("only a supervisor of the district's city, or an admin, draws in " + district);
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	/** @param industryCode optional: only enterprises of this industry */
	record DrawRequest(String district, String industryCode, int targets, int officers) {
	}

	/**
	 * What anyone may see: the commitments always, the seed and result after the reveal.
	 */
	record PublicDraw(String drawId, String district, String industryCode, int populationSize, int officerPoolSize,
			int targetCount, int officerCount, String algorithm, String seedCommitment, String snapshotHash,
			boolean revealed, String seed, List<Document> targets, List<String> officers) {

		static PublicDraw of(Document d) {
			boolean revealed = Boolean.TRUE.equals(d.getBoolean("revealed"));
			return new PublicDraw(d.getString("_id"), d.getString("district"), d.getString("industryCode"),
					d.getList("population", Document.class).size(), d.getList("officerPool", Document.class).size(),
					d.getInteger("targetCount"), d.getInteger("officerCount"), d.getString("algorithm"),
					d.getString("seedCommitment"), d.getString("snapshotHash"), revealed,
					revealed ? d.getString("seed") : null, revealed ? d.getList("targets", Document.class) : null,
					revealed ? d.getList("officers", String.class) : null);
		}

	}

	record Verification(String drawId, String seed, String seedCommitment, boolean seedMatchesCommitment,
			String snapshotHash, boolean snapshotMatchesHash, boolean resultMatches, List<String> targets,
			List<String> officers, boolean verified) {
	}

}
