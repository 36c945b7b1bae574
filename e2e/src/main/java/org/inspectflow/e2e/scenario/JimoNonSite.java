package org.inspectflow.e2e.scenario;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.inspectflow.e2e.stack.BusEvent;
import org.inspectflow.e2e.stack.Json;
import org.inspectflow.e2e.stack.Stack;
import org.inspectflow.e2e.stack.StepFailure;
import org.inspectflow.e2e.stack.UserSession;

/**
 * Jimo's "full-process non-site supervision": an online-monitoring alarm is verified from the monitoring data, the
 * rectification order reaches the enterprise's portal, the enterprise reports back with proof, the officer closes
 * the case — nobody visits the site.
 */
public final class JimoNonSite implements Scenario {

	static final String VIOLATION = "APL_99_2";

	@Override
	public String id() {
		return "jimo";
	}

	@Override
	public String title() {
		return "Jimo: non-site supervision, discover → urge rectification → close (即墨 \"N+1\")";
	}

	@Override
	public Outcome run(Stack stack, Narrator out) {
		Outcome outcome = new Outcome(id());
		Cases cases = new Cases(stack, out, outcome);
		out.scenario(title(), "The automatic monitor of 福田示范电镀有限公司 (enterprise1's plating works in Futian) reports SO2"
				+ " over its limit. The officer verifies the alarm from the online-monitoring data without going there,"
				+ " the rectification order is pushed to the enterprise's portal, the enterprise repairs the unit and"
				+ " reports back with proof, and the officer accepts it and closes the case (销号).");
		UserSession officer = cases.user(DemoData.OFFICER1);
		UserSession enterprise = cases.user(DemoData.ENTERPRISE1);

		String caseId = cases.report(officer, "takes in an online-monitoring alarm (在线监测超标报警): stack DA001 of"
				+ " 福田示范电镀有限公司 measured SO2 at 212.5 mg/m³ against a limit of 100",
				Json.object("source", "ONLINE_MONITORING_ALARM", "enterpriseUscc", DemoData.FUTIAN_PLATING,
						"problemType", "AIR_EMISSION_EXCEEDANCE", "severity", "GENERAL", "description",
						"在线监测超标报警：DA001 排放口二氧化硫小时均值 212.5 mg/m³，超过排放限值 100 mg/m³。Online-monitoring alarm:"
								+ " SO2 hourly mean 212.5 mg/m3 at stack DA001, limit 100 mg/m3.",
						"clientReference", "ALARM-DA001-" + System.currentTimeMillis() / 1000, "location",
						Json.object("latitude", DemoData.FUTIAN_PLATING_SITE[0], "longitude",
								DemoData.FUTIAN_PLATING_SITE[1])));
		cases.awaitTriage(caseId);
		BusEvent assigned = cases.awaitEvent(caseId, "workflow.InspectionAssigned.v1");
		cases.notified(caseId, assigned, DemoData.OFFICER1, "IN_APP", "EMAIL");

		JsonNode task = cases.awaitTask(officer, caseId, "Task_VerifyNonSite");
		JsonNode fetched = cases.awaitTimeline(officer, caseId, "MONITORING_DATA_FETCHED");
		out.step(officer.who(), "opens the non-site verification (非现场): the platform fetched the readings of the past"
				+ " day — " + Json.text(fetched, "detail"));
		cases.claim(officer, task);
		out.step(officer.who(), "records the violation from the monitoring data: " + VIOLATION + ", minor (one"
				+ " exceedance, corrected the same day)");
		cases.verify(officer, task, Cases.violation("DA001 二氧化硫小时均值 212.5 mg/m³ 超标 1.1 倍，其余时段达标；脱硫循环泵故障"
				+ "（企业运行台账）。SO2 over the limit for one hour at DA001 (desulphurisation pump failure in the"
				+ " operation log); the other readings are within the limits.", VIOLATION,
				"《中华人民共和国大气污染防治法》第九十九条第（二）项", "MINOR", List.of(), null));
		BusEvent recorded = cases.awaitEvent(caseId, "workflow.InspectionRecorded.v1");
		String decision = cases.penaltyDecision(officer, caseId);

		BusEvent ordered = cases.awaitEvent(caseId, "workflow.RectificationOrdered.v1",
				(e) -> e.data().path("round").asInt() == 1, "RectificationOrdered");
		cases.awaitStatus(officer, caseId, "RECTIFYING");
		cases.notified(caseId, ordered, DemoData.ENTERPRISE1, "IN_APP", "EMAIL", "SMS");

		cases.awaitOrder(enterprise, caseId, 1);
		out.step(enterprise.who(), "uploads the readings after the repair and a photo of the new pump");
		JsonNode readings = cases.upload(enterprise, caseId, "MONITORING_DATA", "DA001-after-repair.csv", "text/csv",
				EvidenceFiles.readingsCsv("DA001", "SO2", 100), null, false);
		JsonNode photo = cases.upload(enterprise, caseId, "PHOTO", "new-pump.jpg", "image/jpeg", EvidenceFiles.photo(DemoData.FUTIAN_PLATING_SITE),
				DemoData.FUTIAN_PLATING_SITE, false);
		BusEvent submitted = cases.submit(enterprise, caseId, 1, "已更换脱硫循环泵，24 小时在线监测数据全部达标。Pump replaced;"
				+ " 24 hours of readings within the limit.", List.of(Json.text(readings, "evidenceId"),
						Json.text(photo, "evidenceId")), officer);
		cases.notified(caseId, submitted, DemoData.OFFICER1, "IN_APP", "EMAIL");

		cases.review(officer, caseId, 1, true, "24 小时数据达标，整改到位。The readings are within the limit.", List.of());
		cases.concludePenaltyCase(officer, caseId, "同一违法行为十二个月内再次发生 the same violation within 12 months",
				"罚款 fine", 100_000);
		BusEvent closed = cases.awaitEvent(caseId, "workflow.CaseClosed.v1");
		String status = cases.awaitStatus(officer, caseId, "CLOSED");
		cases.notified(caseId, closed, DemoData.ENTERPRISE1, "IN_APP", "EMAIL");

		List<String> passed = cases.passedActivities(officer, caseId);
		boolean siteVisit = passed.contains("Task_InspectOnSite");
		if (siteVisit || !"NON_SITE".equals(recorded.field("mode"))) {
			throw new StepFailure("a case closed without a site visit (mode NON_SITE, no Task_InspectOnSite)",
					"mode " + recorded.field("mode") + ", passed " + passed, "workflow-service");
		}
		out.check("closed (" + closed.field("outcome") + ") from the monitoring data alone: inspection mode NON_SITE, the"
				+ " process never reached Task_InspectOnSite");
		cases.remember("case", caseId, officer);
		outcome.fact("penaltyDecision", decision);
		outcome.fact("inspectionMode", recorded.field("mode"));
		outcome.fact("siteVisit", siteVisit);
		outcome.fact("status", status);
		outcome.fact("monitoringData", Json.text(fetched, "detail"));
		return outcome;
	}

}
