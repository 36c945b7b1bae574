package org.inspectflow.e2e.scenario;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.inspectflow.e2e.stack.Await;
import org.inspectflow.e2e.stack.BusEvent;
import org.inspectflow.e2e.stack.Json;
import org.inspectflow.e2e.stack.Response;
import org.inspectflow.e2e.stack.Stack;
import org.inspectflow.e2e.stack.StepFailure;
import org.inspectflow.e2e.stack.UserSession;

/**
 * A rectification deadline passes: the reminder goes out before it, the overdue case escalates to the supervisors
 * and a penalty case opens; the officer re-inspects and the penalty case is decided. Beside it, a minor first
 * offence on the province's list is exempted from penalty by the first-offence table (首违免罚).
 */
public final class OverdueEscalation implements Scenario {

	static final String OVERDUE_VIOLATION = "SWL_112_6";

	static final String EXEMPT_VIOLATION = "HAZARDOUS_WASTE_LABEL_MISSING";

	@Override
	public String id() {
		return "overdue";
	}

	@Override
	public String title() {
		return "Overdue: reminder → deadline passed → escalation → penalty case; a first offence exempted (首违免罚)";
	}

	@Override
	public Outcome run(Stack stack, Narrator out) {
		Outcome outcome = new Outcome(id());
		Cases cases = new Cases(stack, out, outcome);
		out.scenario(title(), "A remote-sensing patch (遥感图斑) shows waste drums stored in the open at a plating works"
				+ " in Futian. The violation is minor and the firm's first, so it is only ordered to rectify (10 working"
				+ " days on the legal calendar). It lets the deadline pass: the reminder goes out, then the overdue"
				+ " case escalates to the supervisors and a penalty case opens. Time is compressed: the engine fires"
				+ " the timers by itself on a stack whose working day lasts seconds (INSPECTFLOW_COMPRESSED_WORKING_DAY),"
				+ " else an admin runs them now. In another case in Nanshan, unlabelled hazardous-waste drums — a minor first"
				+ " offence on the province's list — are exempted from penalty by the rule.");
		overdue(cases, out, outcome);
		exempt(cases, out, outcome);
		return outcome;
	}

	private void overdue(Cases cases, Narrator out, Outcome outcome) {
		UserSession officer = cases.user(DemoData.OFFICER1);
		// the story needs a first offence (else the penalty case opens at once, not on escalation): enterprise1's
		// plating works unless an earlier run already recorded this violation there
		String uscc = DemoData.FUTIAN_PLATING;
		String name = "福田示范电镀有限公司";
		double[] site = DemoData.FUTIAN_PLATING_SITE;
		DemoData.Person enterpriseUser = DemoData.ENTERPRISE1;
		if (!firstOffence(officer, uscc, OVERDUE_VIOLATION)) {
			JsonNode firm = cleanEnterprise(officer, DemoData.FUTIAN, Set.of(uscc));
			uscc = Json.text(firm, "uscc");
			name = Json.text(firm, "name");
			JsonNode details = StepFailure.require(officer.get("/api/enterprise/enterprises/" + uscc),
					"the register entry of " + uscc, "enterprise-service").json();
			site = new double[] { details.path("location").path("latitude").asDouble(),
					details.path("location").path("longitude").asDouble() };
			enterpriseUser = null;
			out.detail("(an earlier run recorded " + OVERDUE_VIOLATION + " at 福田示范电镀有限公司 within 12 months; this run"
					+ " uses " + name + " " + uscc + ", a registered firm with a clean record and no portal user)");
		}

		String caseId = cases.report(officer, "reports a remote-sensing patch (遥感图斑) at " + site[0] + ", " + site[1]
				+ ": waste drums stored in the open", Json.object("source", "REMOTE_SENSING", "problemType",
						"HAZARDOUS_WASTE_STORAGE", "description", "卫星遥感图斑：厂区北侧露天堆放废物桶约 40 个，无防雨遮盖。"
								+ "Satellite patch: about 40 waste drums stored in the open, no rain cover.",
						"location", Json.object("latitude", site[0], "longitude", site[1])));
		BusEvent triaged = cases.awaitTriage(caseId);
		if (!uscc.equals(triaged.field("enterpriseUscc"))) {
			throw new StepFailure("the patch matched to " + name + " " + uscc + " by its location",
					"matched " + triaged.field("enterpriseUscc"), "enterprise-service");
		}
		out.check("matched by location to " + name + " (" + uscc + ")");
		JsonNode task = cases.awaitTask(officer, caseId, "Task_InspectOnSite");
		cases.claim(officer, task);
		out.step(officer.who(), "inspects on site and photographs the drums");
		JsonNode photo = cases.upload(officer, caseId, "PHOTO", "drums-in-the-open.jpg", "image/jpeg",
				EvidenceFiles.photo(site), site, false);
		out.step(officer.who(), "records the inspection: " + OVERDUE_VIOLATION + ", minor");
		cases.verify(officer, task, Cases.violation("危险废物（电镀污泥）露天堆放，未采取防雨、防渗措施。Hazardous waste"
				+ " (plating sludge) stored in the open without rain or seepage protection.", OVERDUE_VIOLATION,
				"《中华人民共和国固体废物污染环境防治法》第一百一十二条第一款第（六）项", "MINOR",
				List.of(Json.text(photo, "evidenceId")), site));
		cases.awaitEvent(caseId, "workflow.InspectionRecorded.v1");
		String decision = cases.penaltyDecision(officer, caseId);
		if (!"RECTIFICATION_ONLY".equals(decision)) {
			throw new StepFailure("RECTIFICATION_ONLY for a minor first offence not on the province's list",
					decision, "workflow-service (Decision_FirstOffenceExemption), enterprise-service (look-back)");
		}
		BusEvent ordered = cases.awaitEvent(caseId, "workflow.RectificationOrdered.v1");
		cases.awaitStatus(officer, caseId, "RECTIFYING");
		if (enterpriseUser != null) {
			cases.notified(caseId, ordered, enterpriseUser, "IN_APP", "EMAIL", "SMS");
		}

		cases.runTimerNow(caseId, "BoundaryEvent_RectificationReminderDue", "rectification reminder");
		BusEvent reminded = cases.awaitEvent(caseId, "workflow.RectificationReminderDue.v1");
		if (enterpriseUser != null) {
			cases.notified(caseId, reminded, enterpriseUser, "IN_APP", "EMAIL");
		}

		cases.runTimerNow(caseId, "BoundaryEvent_RectificationOverdue", "rectification deadline");
		BusEvent overdue = cases.awaitEvent(caseId, "workflow.RectificationOverdue.v1");
		BusEvent penalty = cases.awaitEvent(caseId, "workflow.PenaltyCaseOpened.v1");
		if (!"RECTIFICATION_OVERDUE".equals(penalty.field("grounds"))) {
			throw new StepFailure("a penalty case on the grounds RECTIFICATION_OVERDUE", penalty.field("grounds"),
					"workflow-service");
		}
		cases.awaitStatus(officer, caseId, "ESCALATED");
		cases.notified(caseId, overdue, DemoData.SUPERVISOR1, "IN_APP", "EMAIL");
		String late = null;
		if (enterpriseUser != null) {
			cases.notified(caseId, overdue, enterpriseUser, "IN_APP", "EMAIL", "SMS");
			UserSession enterprise = cases.user(enterpriseUser);
			JsonNode view = Await.until("the portal to show the order of " + caseId + " overdue (no longer waiting)",
					"enterprise-service (queue enterprise-service.orders)", () -> {
						JsonNode order = enterprise.get("/api/enterprise/portal/orders/" + caseId).json().path("order");
						return order.path("waiting").asBoolean(true) ? Optional.empty() : Optional.of(order);
					}, () -> "still waiting for a submission");
			out.step(enterprise.who(), "sees the order " + Json.text(view, "status") + " in the portal and tries to"
					+ " submit proof after the deadline");
			Response refused = enterprise.post("/api/enterprise/portal/orders/" + caseId + "/submissions",
					Json.object("statement", "补交整改材料 late proof", "completedOn", LocalDate.now(Cases.CHINA).toString()));
			StepFailure.require(refused, "the portal to refuse a submission for an overdue order (409)",
					"enterprise-service", 409);
			late = Json.text(refused.json(), "detail");
			out.detail("409: " + late);
		}
		out.check("escalated after the deadline: the supervisors were told and penalty case "
				+ penalty.field("penaltyCaseNumber") + " opened (grounds " + penalty.field("grounds") + ")");

		JsonNode reinspection = cases.awaitTask(officer, caseId, "Task_ReinspectSite");
		out.step(officer.who(), "re-inspects the site: the drums are now under a roof on a sealed floor");
		cases.claim(officer, reinspection);
		JsonNode after = cases.upload(officer, caseId, "PHOTO", "drums-under-roof.jpg", "image/jpeg",
				EvidenceFiles.photo(site), site, false);
		StepFailure.require(officer.post("/api/workflow/tasks/" + Json.text(reinspection, "taskId") + "/reinspection",
				Json.object("rectified", true, "findings", "已建设危废暂存间，防雨防渗到位。A hazardous-waste store with roof"
						+ " and sealed floor was built.", "evidenceIds", List.of(Json.text(after, "evidenceId")))),
				"workflow-service to take the re-inspection (204)", "workflow-service", 204);
		cases.concludePenaltyCase(officer, caseId, "逾期未改正 did not rectify by the deadline",
				"罚款 fine (逾期未改正)", 50_000);
		BusEvent closed = cases.awaitEvent(caseId, "workflow.CaseClosed.v1");
		cases.awaitStatus(officer, caseId, "CLOSED");
		if (enterpriseUser != null) {
			cases.notified(caseId, closed, enterpriseUser, "IN_APP", "EMAIL");
		}
		cases.remember("escalated", caseId, officer);
		outcome.fact("escalatedEnterprise", uscc);
		outcome.fact("penaltyGrounds", penalty.field("grounds"));
		outcome.fact("overdueDecision", decision);
		if (late != null) {
			outcome.fact("lateSubmissionRefused", late);
		}
	}

	private void exempt(Cases cases, Narrator out, Outcome outcome) {
		UserSession officer = cases.user(DemoData.OFFICER2);
		// a firm with no record at all: its first offence whatever earlier runs did
		JsonNode firm = cleanEnterprise(officer, DemoData.NANSHAN, Set.of(DemoData.NANSHAN_DYEING));
		String uscc = Json.text(firm, "uscc");
		String caseId = cases.report(officer, "takes in a grid member's report (网格员上报): unlabelled hazardous-waste"
				+ " drums at " + Json.text(firm, "name") + " (" + uscc + "), a firm with no compliance history",
				Json.object("source", "GRID_MEMBER", "enterpriseUscc", uscc, "problemType", "HAZARDOUS_WASTE_LABEL",
						"description", "网格员巡查发现：危险废物包装桶未张贴危险废物标签。Grid member: hazardous-waste drums"
								+ " without labels."));
		cases.awaitTriage(caseId);
		JsonNode task = cases.awaitTask(officer, caseId, "Task_InspectOnSite");
		cases.claim(officer, task);
		out.step(officer.who(), "records the inspection: " + EXEMPT_VIOLATION + ", minor — on the province's list of"
				+ " first offences that may go unpunished");
		cases.verify(officer, task, Cases.violation("6 只废矿物油包装桶未张贴危险废物标签，现场已责令补贴。Six drums of waste"
				+ " mineral oil without hazardous-waste labels.", EXEMPT_VIOLATION,
				"《中华人民共和国固体废物污染环境防治法》第一百一十二条第一款第（一）项", "MINOR", List.of(), null));
		cases.awaitEvent(caseId, "workflow.InspectionRecorded.v1");
		String decision = cases.penaltyDecision(officer, caseId);
		cases.awaitEvent(caseId, "workflow.RectificationOrdered.v1");
		List<String> steps = cases.timeline(officer, caseId).stream().map((e) -> Json.text(e, "step")).toList();
		if (!"EXEMPT".equals(decision) || steps.contains("PENALTY_CASE_OPENED")) {
			throw new StepFailure("EXEMPT and no penalty case (the rectification is still ordered)",
					decision + ", timeline " + steps, "workflow-service (Decision_FirstOffenceExemption)");
		}
		cases.awaitStatus(officer, caseId, "RECTIFYING");
		out.check("first offence exempted from penalty (首违不罚): no penalty case, the rectification still ordered");
		cases.remember("exempted", caseId, officer);
		outcome.fact("exemptDecision", decision);
		outcome.fact("exemptedEnterprise", uscc);
		outcome.fact("exemptTimeline", steps);
	}

	/** No {@code violationType} found at the enterprise in the past 12 months (what the look-back asks). */
	static boolean firstOffence(UserSession officer, String uscc, String violationType) {
		JsonNode compliance = StepFailure.require(officer.get("/api/enterprise/enterprises/" + uscc + "/compliance"),
				"the compliance history of " + uscc, "enterprise-service").json();
		LocalDate yearAgo = LocalDate.now(Cases.CHINA).minusMonths(12);
		return Json.list(compliance.path("entries")).stream()
			.noneMatch((entry) -> "VIOLATION_FOUND".equals(Json.text(entry, "kind"))
					&& violationType.equals(Json.text(entry, "violationType"))
					&& !LocalDate.parse(Json.text(entry, "date")).isBefore(yearAgo));
	}

	/** The first registered firm of the district (other than {@code except}) with no compliance history at all. */
	static JsonNode cleanEnterprise(UserSession officer, String district, Set<String> except) {
		for (int page = 0; page < 40; page++) {
			JsonNode found = StepFailure.require(officer.get("/api/enterprise/enterprises?district=" + district
					+ "&size=50&page=" + page), "the register of " + district, "enterprise-service").json();
			List<JsonNode> items = Json.list(found.path("items"));
			for (JsonNode firm : items) {
				String uscc = Json.text(firm, "uscc");
				if (except.contains(uscc)) {
					continue;
				}
				Optional<JsonNode> history = Optional.of(StepFailure.require(
						officer.get("/api/enterprise/enterprises/" + uscc + "/compliance"),
						"the compliance history of " + uscc, "enterprise-service").json());
				if (Json.list(history.get().path("entries")).isEmpty()) {
					return firm;
				}
			}
			if (items.isEmpty()) {
				break;
			}
		}
		throw new StepFailure("a registered firm in " + district + " with no compliance history",
				"none in the register", "enterprise-service");
	}

}
