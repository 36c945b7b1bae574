package org.inspectflow.e2e.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.inspectflow.e2e.stack.Await;
import org.inspectflow.e2e.stack.BusEvent;
import org.inspectflow.e2e.stack.Json;
import org.inspectflow.e2e.stack.Stack;
import org.inspectflow.e2e.stack.StepFailure;
import org.inspectflow.e2e.stack.UserSession;

/**
 * A 12369 hotline complaint: dispatched by the supervisor, inspected on site with photos, a rectification rejected
 * once with reasons and accepted the second time, the case closed — and the case's evidence chain verified at the
 * end, with every file's SHA-256 the same as computed before it was uploaded.
 */
public final class ComplaintOnSite implements Scenario {

	static final String VIOLATION = "WPL_83_2";

	@Override
	public String id() {
		return "complaint";
	}

	@Override
	public String title() {
		return "Complaint on site: hotline → dispatch → inspection with photos → rejected once → closed (信访投诉)";
	}

	@Override
	public Outcome run(Stack stack, Narrator out) {
		Outcome outcome = new Outcome(id());
		Cases cases = new Cases(stack, out, outcome);
		out.scenario(title(), "Residents call the 12369 hotline about dark, foul-smelling water from the outfall of"
				+ " 南山示范印染有限公司 (enterprise2's dyeing works in Nanshan) at night. The supervisor dispatches the case"
				+ " to officer2, who inspects on site and photographs the outfall. The enterprise's first proof is"
				+ " rejected with reasons; its second is accepted and the case closes. The case's evidence chain then"
				+ " verifies, file by file.");
		UserSession supervisor = cases.user(DemoData.SUPERVISOR1);
		UserSession officer = cases.user(DemoData.OFFICER2);
		UserSession enterprise = cases.user(DemoData.ENTERPRISE2);
		List<String> hashes = new ArrayList<>();

		String caseId = cases.report(supervisor, "takes a 12369 hotline complaint and dispatches it to Nanshan (南山区)",
				Json.object("source", "COMPLAINT", "enterpriseUscc", DemoData.NANSHAN_DYEING, "problemType",
						"WASTEWATER_DISCHARGE", "district", DemoData.NANSHAN, "description",
						"群众来电反映：南山示范印染有限公司夜间经厂区南侧排放口排放深色、有异味的废水。12369 complaint: dark,"
								+ " foul-smelling wastewater from the south outfall at night.",
						"clientReference", "12369-" + System.currentTimeMillis() / 1000));
		cases.awaitTriage(caseId);
		cases.awaitEvent(caseId, "workflow.InspectionAssigned.v1", (e) -> "JURISDICTION".equals(e.field("method")),
				"InspectionAssigned to the district");
		JsonNode task = cases.awaitTask(supervisor, caseId, "Task_InspectOnSite");
		out.step(supervisor.who(), "assigns the on-site inspection to officer2 (指挥调度)");
		StepFailure.require(supervisor.post("/api/workflow/tasks/" + Json.text(task, "taskId") + "/assignee",
				Json.object("officer", "officer2", "reason", "辖区执法人员，熟悉该企业 the district's officer, knows the site")),
				"workflow-service to reassign the task", "workflow-service");
		BusEvent assigned = cases.awaitEvent(caseId, "workflow.InspectionAssigned.v1",
				(e) -> "REASSIGNMENT".equals(e.field("method")), "InspectionAssigned to officer2");
		cases.notified(caseId, assigned, DemoData.OFFICER2, "IN_APP", "EMAIL");

		out.step(officer.who(), "arrives on site and photographs the outfall and the treatment tank");
		List<String> photos = new ArrayList<>();
		for (String name : List.of("outfall-south.jpg", "treatment-tank.jpg")) {
			byte[] photo = EvidenceFiles.photo(DemoData.NANSHAN_DYEING_SITE);
			hashes.add(Cases.sha256(photo));
			photos.add(Json.text(cases.upload(officer, caseId, "PHOTO", name, "image/jpeg", photo,
					DemoData.NANSHAN_DYEING_SITE, false), "evidenceId"));
		}
		out.step(officer.who(), "records the inspection (现场检查笔录): " + VIOLATION + ", minor, with the "
				+ photos.size() + " photos");
		cases.verify(officer, cases.awaitTask(officer, caseId, "Task_InspectOnSite"), Cases.violation(
				"南侧排放口水体呈深褐色，有明显异味；废水处理设施调节池液位计损坏，部分废水未经处理溢流。The south outfall runs dark brown"
						+ " and smells; the equalisation tank's level gauge is broken and some wastewater overflowed"
						+ " untreated.",
				VIOLATION, "《中华人民共和国水污染防治法》第八十三条第（二）项", "MINOR", photos,
				DemoData.NANSHAN_DYEING_SITE));
		BusEvent recorded = cases.awaitEvent(caseId, "workflow.InspectionRecorded.v1");
		String decision = cases.penaltyDecision(officer, caseId);

		BusEvent ordered = cases.awaitEvent(caseId, "workflow.RectificationOrdered.v1",
				(e) -> e.data().path("round").asInt() == 1, "RectificationOrdered (round 1)");
		cases.notified(caseId, ordered, DemoData.ENTERPRISE2, "IN_APP", "EMAIL", "SMS");
		cases.awaitOrder(enterprise, caseId, 1);
		out.step(enterprise.who(), "photographs the repaired level gauge and uploads it");
		byte[] gauge = EvidenceFiles.photo(DemoData.NANSHAN_DYEING_SITE);
		hashes.add(Cases.sha256(gauge));
		JsonNode first = cases.upload(enterprise, caseId, "PHOTO", "level-gauge.jpg", "image/jpeg", gauge,
				DemoData.NANSHAN_DYEING_SITE, false);
		cases.submit(enterprise, caseId, 1, "Level gauge replaced.", List.of(Json.text(first, "evidenceId")), officer);

		List<String> reasons = List.of("照片未显示排放口在线流量计读数 the photo does not show the outfall's flow meter",
				"请提交有资质机构出具的出水检测报告 submit an effluent test report from an accredited laboratory");
		BusEvent rejected = cases.review(officer, caseId, 1, false, "整改材料不完整 incomplete", reasons);
		cases.notified(caseId, rejected, DemoData.ENTERPRISE2, "IN_APP", "EMAIL");
		BusEvent reordered = cases.awaitEvent(caseId, "workflow.RectificationOrdered.v1",
				(e) -> e.data().path("round").asInt() == 2, "RectificationOrdered (round 2, new deadline)");
		cases.notified(caseId, reordered, DemoData.ENTERPRISE2, "IN_APP", "EMAIL", "SMS");

		JsonNode second = cases.awaitOrder(enterprise, caseId, 2);
		if (Json.list(second.path("rejections")).isEmpty()) {
			throw new StepFailure("the portal to show the rejection's reasons", Json.write(second), "enterprise-service");
		}
		out.detail("the portal shows the rejection: " + Json.texts(second.path("rejections").get(0).path("reasons")));
		out.step(enterprise.who(), "uploads the laboratory's test report and a photo of the flow meter");
		byte[] report = EvidenceFiles.pdf("Effluent test report: COD 46 mg/L, colour 20 (limits 80 and 50) - accredited lab");
		byte[] meter = EvidenceFiles.photo(DemoData.NANSHAN_DYEING_SITE);
		hashes.add(Cases.sha256(report));
		hashes.add(Cases.sha256(meter));
		JsonNode reportLink = cases.upload(enterprise, caseId, "TEST_REPORT", "effluent-test-report.pdf",
				"application/pdf", report, null, false);
		JsonNode meterLink = cases.upload(enterprise, caseId, "PHOTO", "flow-meter.jpg", "image/jpeg", meter,
				DemoData.NANSHAN_DYEING_SITE, false);
		cases.submit(enterprise, caseId, 2, "Flow meter reading and accredited test report attached.",
				List.of(Json.text(reportLink, "evidenceId"), Json.text(meterLink, "evidenceId")), officer);
		BusEvent accepted = cases.review(officer, caseId, 2, true, "检测报告达标，整改到位 the test report is within the limits",
				List.of());
		cases.notified(caseId, accepted, DemoData.ENTERPRISE2, "IN_APP", "EMAIL");
		cases.concludePenaltyCase(officer, caseId, "同一违法行为十二个月内再次发生 the same violation within 12 months",
				"罚款 fine", 200_000);
		cases.awaitEvent(caseId, "workflow.CaseClosed.v1");
		String status = cases.awaitStatus(officer, caseId, "CLOSED");

		// the evidence chain: evidence-service recomputes every seal and every file's hash
		out.step(officer.who(), "verifies the case's evidence chain");
		JsonNode verdict = StepFailure.require(officer.get("/api/evidence/cases/" + caseId + "/chain/verify"),
				"evidence-service to verify the chain", "evidence-service").json();
		long links = verdict.path("links").asLong();
		if (!verdict.path("valid").asBoolean() || links != hashes.size()) {
			throw new StepFailure("an intact chain of " + hashes.size() + " links", Json.write(verdict),
					"evidence-service");
		}
		List<String> onTimeline = Await.until("the case's timeline to show the SHA-256 of each of the " + hashes.size()
				+ " files", "workflow-service (queue workflow-service.evidence)", () -> {
					List<String> shown = hashesOnTimeline(cases, officer, caseId);
					return shown.containsAll(hashes) ? Optional.of(shown) : Optional.empty();
				}, () -> "hashes on the timeline: " + hashesOnTimeline(cases, officer, caseId));
		out.check("the evidence chain verifies: " + links + " links intact, each file's SHA-256 on the case's timeline"
				+ " is the one computed before upload");
		out.check("rejected once with reasons, accepted in round 2, closed (" + status + ")");
		cases.remember("case", caseId, officer);
		outcome.fact("penaltyDecision", decision);
		outcome.fact("inspectionMode", recorded.field("mode"));
		outcome.fact("chainValid", verdict.path("valid").asBoolean());
		outcome.fact("chainLinks", links);
		outcome.fact("evidenceHashes", List.copyOf(hashes));
		outcome.fact("hashesOnTimeline", List.copyOf(onTimeline));
		outcome.fact("rejectionReasons", reasons);
		return outcome;
	}

	private static List<String> hashesOnTimeline(Cases cases, UserSession officer, String caseId) {
		List<String> shown = new ArrayList<>();
		for (JsonNode entry : cases.timeline(officer, caseId)) {
			for (JsonNode evidence : Json.list(entry.path("evidence"))) {
				if (Json.text(evidence, "sha256") != null) {
					shown.add(Json.text(evidence, "sha256"));
				}
			}
		}
		return shown;
	}

}
