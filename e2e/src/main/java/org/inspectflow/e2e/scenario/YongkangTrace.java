package org.inspectflow.e2e.scenario;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.inspectflow.e2e.stack.Await;
import org.inspectflow.e2e.stack.BusEvent;
import org.inspectflow.e2e.stack.Json;
import org.inspectflow.e2e.stack.Response;
import org.inspectflow.e2e.stack.Stack;
import org.inspectflow.e2e.stack.StepFailure;
import org.inspectflow.e2e.stack.UserSession;

/**
 * Yongkang: one enterprise's acceptance test report turns out faked by its third-party monitoring company, and the
 * investigators trace every enterprise that company served in the period. The platform makes the trace one action:
 * company → its client enterprises → a clue (and a case) for each.
 */
public final class YongkangTrace implements Scenario {

	/** The demo register's first monitoring company (60 engagements): 深圳市恒信环境检测技术有限公司. */
	static final String COMPANY = DemoData.synthetic("440305", 9_000_000);

	static final LocalDate FROM = LocalDate.of(2024, 1, 1);

	@Override
	public String id() {
		return "yongkang";
	}

	@Override
	public String title() {
		return "Yongkang trace: a faked test report → every client of the monitoring company gets a clue (第三方检测造假)";
	}

	@Override
	public Outcome run(Stack stack, Narrator out) {
		Outcome outcome = new Outcome(id());
		Cases cases = new Cases(stack, out, outcome);
		out.scenario(title(), "An enterprise's acceptance test report was produced by a third-party monitoring company"
				+ " that reported one day of sampling as two. The supervisor opens a case for that finding, lists the"
				+ " company's client enterprises in the period, and traces them all: one clue per client, each opening"
				+ " a case in its district's queue.");
		UserSession supervisor = cases.user(DemoData.SUPERVISOR1);
		LocalDate to = LocalDate.now(Cases.CHINA);

		JsonNode clients = StepFailure.require(supervisor.get("/api/enterprise/monitoring-companies/" + COMPANY
				+ "/clients?from=" + FROM + "&to=" + to), "the monitoring company's clients", "enterprise-service")
			.json();
		List<JsonNode> inScope = Json.list(clients.path("clients"));
		String company = Json.text(clients, "companyName");
		out.step(supervisor.who(), "looks up " + company + " (" + COMPANY + "): " + inScope.size() + " client"
				+ " enterprises in Shenzhen served between " + FROM + " and " + to
				+ (clients.path("outsideScope").asInt() > 0 ? " (" + clients.path("outsideScope").asInt()
						+ " outside the city, not named)" : ""));
		if (inScope.isEmpty()) {
			throw new StepFailure("clients of " + COMPANY + " in the demo register", Json.write(clients),
					"enterprise-service");
		}

		// the source case: the faked report of one client (one without such a case open from an earlier run)
		Set<String> openSources = openSourceCases(supervisor);
		JsonNode source = inScope.stream()
			.filter((c) -> !openSources.contains(Json.text(c, "enterpriseUscc")) && Json.text(c, "district") != null)
			.findFirst()
			.orElseThrow(() -> new StepFailure("a client without an open source case", "all have one",
					"workflow-service"));
		String sourceCaseId = cases.report(supervisor, "opens a case on a referral: the acceptance test report of "
				+ Json.text(source, "name") + " was faked by " + company + " (one day of sampling reported as two)",
				Json.object("source", "REFERRAL", "enterpriseUscc", Json.text(source, "enterpriseUscc"), "district",
						Json.text(source, "district"), "problemType", "ACCEPTANCE_REPORT_FALSIFIED", "description",
						"验收监测报告造假：" + company + " 将一天的采样报告为两天，排气筒高度与环评批复不符。The acceptance"
								+ " test report by " + company + " reported one day of sampling as two; the stack"
								+ " heights contradict the approval."));
		cases.awaitTriage(sourceCaseId);

		out.step(supervisor.who(), "traces every client of " + company + " in the period from case " + sourceCaseId);
		Response traced = StepFailure.require(supervisor.post("/api/enterprise/monitoring-companies/" + COMPANY
				+ "/trace", Json.object("from", FROM.toString(), "to", to.toString(), "sourceCaseId", sourceCaseId,
						"reason", "验收监测报告造假 faked acceptance test report")),
				"enterprise-service to run the trace (201)", "enterprise-service", 201);
		String traceId = Json.text(traced.json(), "traceId");
		Map<String, String> clueToEnterprise = new LinkedHashMap<>();
		for (JsonNode clue : Json.list(traced.json().path("clues"))) {
			clueToEnterprise.put(Json.text(clue, "clueId"), Json.text(clue, "enterpriseUscc"));
		}
		out.detail("trace " + traceId + ": " + clueToEnterprise.size() + " clues (workflow.ReportClue.v1) sent in one"
				+ " outbox write");
		if (clueToEnterprise.size() != inScope.size()) {
			throw new StepFailure("one clue per client (" + inScope.size() + ")", clueToEnterprise.size() + " clues",
					"enterprise-service");
		}

		// every clue opens a case, which is triaged into its district (or joins an open case of the same problem)
		Duration longer = Await.STEP.multipliedBy(2);
		List<BusEvent> reported = Await.until(clueToEnterprise.size() + " cases opened (ClueReported) for the trace's"
				+ " clues", longer, "workflow-service (queue workflow-service.commands)", () -> {
					List<BusEvent> found = reportedFor(stack, clueToEnterprise.keySet());
					return found.size() == clueToEnterprise.size() ? Optional.of(found) : Optional.empty();
				}, () -> reportedFor(stack, clueToEnterprise.keySet()).size() + " so far");
		Set<String> caseIds = new HashSet<>();
		reported.forEach((e) -> caseIds.add(e.subject()));
		List<BusEvent> settled = Await.until("each of the " + caseIds.size() + " cases triaged or merged", longer,
				"enterprise-service, workflow-service", () -> {
					List<BusEvent> found = settledFor(stack, caseIds);
					return found.size() == caseIds.size() ? Optional.of(found) : Optional.empty();
				}, () -> settledFor(stack, caseIds).size() + " so far");
		Map<String, Integer> byDistrict = new TreeMap<>();
		int merged = 0;
		for (BusEvent event : settled) {
			if (event.is("workflow.ClueMerged.v1")) {
				merged++;
			}
			else {
				byDistrict.merge(event.field("district"), 1, Integer::sum);
			}
		}
		for (BusEvent example : reported.subList(0, Math.min(3, reported.size()))) {
			out.event(example);
		}
		out.detail("… " + reported.size() + " ClueReported (source FRAUD_TRACE) in all");
		out.detail("triaged into the districts' queues: " + byDistrict
				+ (merged > 0 ? "; " + merged + " joined an open case of the same enterprise and problem" : ""));
		out.check(reported.size() + " clients → " + reported.size() + " cases opened, each for its own clue of the trace"
				+ " (clue id " + "derived from the trace and the enterprise)");
		long correlated = reported.stream().filter((e) -> traceId.equals(e.correlationId())).count();
		if (correlated < reported.size()) {
			// docs/integrators.md: "all events of a case carry the correlationid of the conversation that opened it"
			out.detail("gap: " + (reported.size() - correlated) + " of these cases' events carry their own case id as"
					+ " correlation id, not the trace's (" + traceId + "): on the bus they are followed back to the trace"
					+ " by clue id only");
		}
		Response again = StepFailure.require(supervisor.post("/api/enterprise/monitoring-companies/" + COMPANY
				+ "/trace", Json.object("from", FROM.toString(), "to", to.toString(), "sourceCaseId", sourceCaseId,
						"reason", "验收监测报告造假 faked acceptance test report")),
				"the same trace again to answer 200 with the same clues", "enterprise-service", 200);
		if (again.json().path("created").asBoolean() || !traceId.equals(Json.text(again.json(), "traceId"))) {
			throw new StepFailure("the repeated trace to send nothing (created false, same trace id)",
					again.describe(), "enterprise-service");
		}
		out.check("the same trace again sends nothing: 200, trace " + traceId + ", created=false");

		cases.remember("source", sourceCaseId, supervisor);
		outcome.fact("traceId", traceId);
		outcome.fact("clients", inScope.size());
		outcome.fact("casesOpened", reported.size());
		outcome.fact("merged", merged);
		outcome.fact("byDistrict", byDistrict);
		outcome.fact("correlatedWithTrace", correlated);
		return outcome;
	}

	/** Enterprises with an open referral about a faked report (the source cases of earlier runs). */
	private static Set<String> openSourceCases(UserSession supervisor) {
		Set<String> open = new HashSet<>();
		for (int page = 0; page < 20; page++) {
			JsonNode tasks = StepFailure.require(supervisor.get("/api/workflow/tasks?scope=all&source=REFERRAL&size=200"
					+ "&page=" + page), "the city's open referral tasks", "workflow-service").json();
			List<JsonNode> items = Json.list(tasks.path("items"));
			for (JsonNode task : items) {
				if ("ACCEPTANCE_REPORT_FALSIFIED".equals(Json.text(task, "problemType"))) {
					open.add(Json.text(task, "enterpriseUscc"));
				}
			}
			if (items.size() < 200) {
				break;
			}
		}
		return open;
	}

	private static List<BusEvent> reportedFor(Stack stack, Set<String> clueIds) {
		List<BusEvent> found = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (BusEvent event : stack.bus().all()) {
			if (event.is("workflow.ClueReported.v1") && clueIds.contains(event.field("clueId"))
					&& seen.add(event.field("clueId"))) {
				found.add(event);
			}
		}
		return found;
	}

	private static List<BusEvent> settledFor(Stack stack, Set<String> caseIds) {
		List<BusEvent> found = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (BusEvent event : stack.bus().all()) {
			if ((event.is("workflow.ClueTriaged.v1") || event.is("workflow.ClueMerged.v1"))
					&& caseIds.contains(event.subject()) && seen.add(event.subject())) {
				found.add(event);
			}
		}
		return found;
	}

}
