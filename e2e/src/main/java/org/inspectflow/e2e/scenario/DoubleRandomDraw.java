package org.inspectflow.e2e.scenario;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.inspectflow.e2e.stack.Await;
import org.inspectflow.e2e.stack.BusEvent;
import org.inspectflow.e2e.stack.Json;
import org.inspectflow.e2e.stack.Response;
import org.inspectflow.e2e.stack.Stack;
import org.inspectflow.e2e.stack.StepFailure;
import org.inspectflow.e2e.stack.UserSession;

/**
 * The double-random draw (双随机一公开): random targets from a district's register and random officers from its roster,
 * committed to before the draw (the seed's SHA-256 and the snapshot's hash are published first) and checkable by
 * anyone after the reveal. Each drawn target starts a case for the officers drawn for it.
 */
public final class DoubleRandomDraw implements Scenario {

	static final int TARGETS = 3;

	static final int OFFICERS = 2;

	@Override
	public String id() {
		return "draw";
	}

	@Override
	public String title() {
		return "Double-random draw: commit, reveal, check the seed against its commitment (双随机一公开)";
	}

	@Override
	public Outcome run(Stack stack, Narrator out) {
		Outcome outcome = new Outcome(id());
		Cases cases = new Cases(stack, out, outcome);
		out.scenario(title(), "The supervisor draws " + TARGETS + " enterprises of Nanshan's register and " + OFFICERS
				+ " officers of its roster. Before anything is drawn, the platform publishes a commitment to its"
				+ " random seed and the hash of the frozen register; after the reveal anyone can check that the seed"
				+ " matches the commitment and re-run the draw. Each drawn enterprise gets a case for the officers drawn"
				+ " for it.");
		UserSession supervisor = cases.user(DemoData.SUPERVISOR1);

		out.step(supervisor.who(), "creates a draw over Nanshan (南山区): " + TARGETS + " targets, " + OFFICERS
				+ " officers");
		JsonNode created = StepFailure.require(supervisor.post("/api/enterprise/draws", Json.object("district",
				DemoData.NANSHAN, "targets", TARGETS, "officers", OFFICERS)), "enterprise-service to freeze the draw (201)",
				"enterprise-service", 201).json();
		String drawId = Json.text(created, "drawId");
		String commitment = Json.text(created, "seedCommitment");
		if (commitment == null || Json.text(created, "seed") != null || created.path("revealed").asBoolean()) {
			throw new StepFailure("a commitment without the seed before the reveal", Json.write(created),
					"enterprise-service");
		}
		out.detail("draw " + drawId + " frozen over " + created.path("populationSize").asInt() + " enterprises and "
				+ created.path("officerPoolSize").asInt() + " officers; published before the draw:");
		out.detail("  seed commitment SHA-256(seed) = " + commitment);
		out.detail("  register snapshot hash        = " + Json.text(created, "snapshotHash"));

		out.step(supervisor.who(), "reveals the seed and draws");
		JsonNode revealed = StepFailure.require(supervisor.post("/api/enterprise/draws/" + drawId + "/reveal", null),
				"enterprise-service to reveal and draw", "enterprise-service").json();
		String seed = Json.text(revealed, "seed");
		List<JsonNode> teams = Json.list(revealed.path("targets"));
		for (JsonNode team : teams) {
			out.detail("target " + Json.text(team, "enterpriseUscc") + " ← officers "
					+ Json.texts(team.path("officerIds")));
		}
		String recomputed = Cases.sha256(seed.getBytes(StandardCharsets.UTF_8));
		if (!recomputed.equals(commitment)) {
			throw new StepFailure("SHA-256 of the revealed seed to equal the commitment " + commitment, recomputed,
					"enterprise-service");
		}
		out.check("the revealed seed " + Cases.abbreviate(seed) + " hashes (SHA-256, computed here) to the commitment"
				+ " published before the draw");
		JsonNode verified = StepFailure.require(supervisor.get("/api/enterprise/draws/" + drawId + "/verify"),
				"the draw's public verification", "enterprise-service").json();
		if (!verified.path("verified").asBoolean()) {
			throw new StepFailure("the re-run of the draw to match (verified)", Json.write(verified), "enterprise-service");
		}
		out.check("GET /draws/" + drawId + "/verify re-ran the draw from seed and snapshot: seed ✓ snapshot ✓ result ✓");
		// 一公开: anyone may read the record and check the seed against its commitment, without an account
		Response anonymous = anonymousRead(stack, drawId);
		if (!anonymous.ok() || !seed.equals(Json.text(anonymous.json(), "seed"))) {
			throw new StepFailure("the public record of the draw, with its seed, to anyone through the gateway (200)",
					anonymous.status() + " " + anonymous.body(), "gateway, enterprise-service");
		}
		out.check("the public record read without signing in, through the gateway: 200, the same seed");

		BusEvent published = cases.awaitEvent(drawId, "enterprise.InspectionDrawPublished.v1");
		if (!commitment.equals(published.field("seedCommitment")) || !seed.equals(published.field("seed"))) {
			throw new StepFailure("the published result to carry the same seed and commitment", published.raw(),
					"enterprise-service");
		}
		List<String> caseIds = new ArrayList<>();
		for (JsonNode team : teams) {
			String target = Json.text(team, "enterpriseUscc");
			String clueId = UUID.nameUUIDFromBytes((drawId + "|" + target).getBytes(StandardCharsets.UTF_8)).toString();
			BusEvent reported = stack.bus()
				.await("ClueReported for drawn target " + target, Await.STEP, "workflow-service",
						(e) -> e.is("workflow.ClueReported.v1") && clueId.equals(e.field("clueId")));
			out.event(reported);
			String caseId = reported.subject();
			caseIds.add(caseId);
			BusEvent triaged = stack.bus()
				.await("ClueTriaged or ClueMerged for " + caseId, Await.STEP, "workflow-service",
						(e) -> caseId.equals(e.subject())
								&& (e.is("workflow.ClueTriaged.v1") || e.is("workflow.ClueMerged.v1")));
			if (triaged.is("workflow.ClueMerged.v1")) {
				out.event(triaged);
				continue;
			}
			List<String> officers = Json.texts(team.path("officerIds"));
			BusEvent assigned = cases.awaitEvent(caseId, "workflow.InspectionAssigned.v1",
					(e) -> "DOUBLE_RANDOM_DRAW".equals(e.field("method")), "InspectionAssigned to the drawn officers");
			if (!Json.texts(assigned.data().path("officerIds")).equals(officers)) {
				throw new StepFailure("the inspection of " + target + " assigned to " + officers,
						Json.write(assigned.data()), "workflow-service");
			}
		}
		out.check(teams.size() + " targets → " + caseIds.size() + " cases, each inspection assigned to the officers"
				+ " drawn for it");
		outcome.fact("drawId", drawId);
		outcome.fact("seedMatchesCommitment", true);
		outcome.fact("verified", verified.path("verified").asBoolean());
		outcome.fact("cases", caseIds);
		outcome.fact("anonymousReadStatus", anonymous.status());
		return outcome;
	}

	private static Response anonymousRead(Stack stack, String drawId) {
		try {
			java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
				.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(stack.config().gateway()
						+ "/api/enterprise/draws/" + drawId))
					.header("Accept", "application/json")
					.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
			return new Response("GET", "/api/enterprise/draws/" + drawId, response.statusCode(), response.body(),
					response.headers());
		}
		catch (java.io.IOException ex) {
			throw new StepFailure("an answer from the gateway", ex.toString(), "gateway");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
