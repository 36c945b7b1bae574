package org.inspectflow.e2e.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.inspectflow.e2e.stack.Await;
import org.inspectflow.e2e.stack.BusEvent;
import org.inspectflow.e2e.stack.EventTap;
import org.inspectflow.e2e.stack.IntegratorClient;
import org.inspectflow.e2e.stack.Json;
import org.inspectflow.e2e.stack.Response;
import org.inspectflow.e2e.stack.Stack;
import org.inspectflow.e2e.stack.StepFailure;
import org.inspectflow.e2e.stack.UserSession;
import org.inspectflow.e2e.stack.WebhookReceiver;

/**
 * An integrator (a city's 12369 hotline system) pushes a clue by API and follows its case two ways at once: a
 * signed webhook and its own queue on the events exchange. Both must receive every event of the case once, in the
 * order the case went.
 */
public final class IntegratorFeed implements Scenario {

	@Override
	public String id() {
		return "integrator";
	}

	@Override
	public String title() {
		return "Integrator: a pushed clue followed by webhook and by its own queue (对接系统)";
	}

	@Override
	public Outcome run(Stack stack, Narrator out) {
		Outcome outcome = new Outcome(id());
		Cases cases = new Cases(stack, out, outcome);
		out.scenario(title(), "A 12369 hotline system, connected as an integrator (client credentials), subscribes a"
				+ " webhook and binds a queue of its own to the events exchange, then pushes a noise complaint about"
				+ " enterprise1's works. The case runs to closure; the integrator must have received every event of it"
				+ " on both, once each, in the order the case went.");
		IntegratorClient integrator = stack.integrator();
		out.detail("the integrator " + integrator.clientId() + " calls " + integrator.route());
		try (WebhookReceiver receiver = WebhookReceiver.start();
				EventTap queue = EventTap.durable(stack.config().rabbit(),
						"integrator.inspectflow-demo.cases-" + UUID.randomUUID().toString().substring(0, 8),
						List.of("#"))) {
			out.step(integrator.clientId(), "subscribes a webhook for every event type at " + receiver.url());
			Response subscribed = integrator.webhooks("POST", "", Json.object("url", receiver.url()));
			if (subscribed.status() == 400 && subscribed.body() != null && subscribed.body().contains("private")) {
				throw new StepFailure("the webhook to a receiver on this machine accepted", subscribed.describe()
						+ " (start the stack with INSPECTFLOW_WEBHOOKS_ALLOW_PRIVATE_TARGETS=true, as ./inspectflow up"
						+ " does by default)", "notification-service");
			}
			StepFailure.require(subscribed, "notification-service to take the subscription (201)",
					"notification-service", 201);
			String subscription = Json.text(subscribed.json(), "id");
			receiver.secret(Json.text(subscribed.json(), "secret"));
			out.step(integrator.clientId(), "binds its own quorum queue " + queue.queue() + " to inspectflow.events (#)"
					+ " as RabbitMQ user " + queue.user());
			try {
				String caseId = pushAndClose(cases, integrator, out);
				compare(stack, cases, out, outcome, caseId, queue, receiver);
				cases.remember("case", caseId, cases.user(DemoData.OFFICER1));
			}
			finally {
				integrator.webhooks("DELETE", "/" + subscription, null);
			}
		}
		return outcome;
	}

	private String pushAndClose(Cases cases, IntegratorClient integrator, Narrator out) {
		String clueId = UUID.randomUUID().toString();
		ObjectNode clue = Json.object("clueId", clueId, "source", "COMPLAINT", "enterpriseUscc",
				DemoData.FUTIAN_PLATING, "problemType", "NOISE_AT_NIGHT", "description",
				"12369 热线转办：居民反映福田示范电镀有限公司夜间（23:00 后）冷却塔噪声扰民。Hotline: cooling-tower noise after"
						+ " 23:00.",
				"clientReference", "12369-SZ-" + System.currentTimeMillis() / 1000);
		out.step(integrator.clientId(), "pushes a complaint (POST …/integrations/clues, clueId " + clueId + ")");
		Response pushed = StepFailure.require(integrator.reportClue(clue), "a new case for the clue (201)",
				"gateway, workflow-service", 201);
		String caseId = Json.text(pushed.json(), "caseId");
		Response resent = StepFailure.require(integrator.reportClue(clue),
				"the same clue again to answer 200 with the same case", "workflow-service", 200);
		if (!caseId.equals(Json.text(resent.json(), "caseId"))) {
			throw new StepFailure("the resent clue to answer case " + caseId, resent.describe(), "workflow-service");
		}
		out.check("case " + caseId + " opened; the same clue sent again answers 200 with the same case (no second case)");
		cases.awaitEvent(caseId, "workflow.ClueReported.v1");
		cases.awaitTriage(caseId);

		UserSession officer = cases.user(DemoData.OFFICER1);
		UserSession enterprise = cases.user(DemoData.ENTERPRISE1);
		JsonNode task = cases.awaitTask(officer, caseId, "Task_InspectOnSite");
		cases.claim(officer, task);
		out.step(officer.who(), "measures the noise at night: 58 dB(A) at the boundary against a limit of 50; minor");
		cases.verify(officer, task, Cases.violation("夜间厂界噪声 58 dB(A)，超过 2 类区夜间限值 50 dB(A)。Night-time boundary"
				+ " noise 58 dB(A), limit 50.", "NPL_75", "《中华人民共和国噪声污染防治法》第七十五条", "MINOR", List.of(),
				DemoData.FUTIAN_PLATING_SITE));
		cases.awaitEvent(caseId, "workflow.InspectionRecorded.v1");
		cases.penaltyDecision(officer, caseId);
		cases.awaitEvent(caseId, "workflow.RectificationOrdered.v1");
		cases.awaitOrder(enterprise, caseId, 1);
		cases.submit(enterprise, caseId, 1, "冷却塔加装隔声屏障，夜间停用一台。Noise barrier fitted; one tower off at"
				+ " night.", List.of(), officer);
		cases.review(officer, caseId, 1, true, "复测 47 dB(A)，达标 re-measured 47 dB(A)", List.of());
		cases.concludePenaltyCase(officer, caseId, "同一违法行为十二个月内再次发生 the same violation within 12 months",
				"罚款 fine", 20_000);
		cases.awaitEvent(caseId, "workflow.CaseClosed.v1");
		cases.awaitStatus(officer, caseId, "CLOSED");
		return caseId;
	}

	private void compare(Stack stack, Cases cases, Narrator out, Outcome outcome, String caseId, EventTap queue,
			WebhookReceiver receiver) {
		// both channels have the case's closure, and the webhook everything of its types that the queue got
		Await.until("CaseClosed of " + caseId + " on the integrator's queue", "rabbitmq",
				() -> queue.find((e) -> e.is("workflow.CaseClosed.v1") && caseId.equals(e.subject())),
				() -> EventTap.summary(queue.about(caseId)));
		Await.until("every event of " + caseId + " at the webhook", "notification-service", () -> {
			Set<String> delivered = new HashSet<>();
			webhookEvents(receiver, caseId).forEach((d) -> delivered.add(d.eventId()));
			boolean all = caseEvents(queue.about(caseId)).stream().allMatch((e) -> delivered.contains(e.id()));
			return all ? Optional.of(true) : Optional.empty();
		}, () -> "webhook got " + webhookEvents(receiver, caseId).stream().map(WebhookReceiver.Delivery::eventType)
			.toList() + ", the queue " + EventTap.summary(caseEvents(queue.about(caseId))));

		List<BusEvent> onQueue = queue.about(caseId);
		List<WebhookReceiver.Delivery> onWebhook = webhookEvents(receiver, caseId);
		List<String> queueIds = onQueue.stream().map(BusEvent::id).toList();
		List<String> webhookIds = onWebhook.stream().map(WebhookReceiver.Delivery::eventId).toList();
		if (new HashSet<>(queueIds).size() != queueIds.size() || new HashSet<>(webhookIds).size() != webhookIds.size()) {
			throw new StepFailure("each event once on each channel", "queue " + queueIds + ", webhook " + webhookIds,
					"notification-service, rabbitmq");
		}
		if (!queueIds.containsAll(webhookIds)) {
			throw new StepFailure("the webhook's events to be events of the bus", "webhook " + webhookIds,
					"notification-service");
		}
		if (!onWebhook.stream().allMatch(WebhookReceiver.Delivery::signatureValid)) {
			throw new StepFailure("every delivery signed with the subscription's secret (X-InspectFlow-Signature)",
					onWebhook.stream().map((d) -> d.eventType() + " valid=" + d.signatureValid()).toList().toString(),
					"notification-service");
		}
		// in order per case: the webhook's sequence is the queue's, and both follow the case's course
		List<String> queueOrder = queueIds.stream().filter(webhookIds::contains).toList();
		if (!queueOrder.equals(webhookIds)) {
			throw new StepFailure("the webhook's deliveries in the queue's order " + names(onQueue, queueOrder),
					names(onQueue, webhookIds).toString(), "notification-service");
		}
		List<String> course = List.of("ClueReported", "ClueTriaged", "InspectionAssigned", "InspectionRecorded",
				"RectificationOrdered", "RectificationSubmitted", "RectificationAccepted", "CaseClosed");
		List<String> workflowNames = onQueue.stream().map(BusEvent::name).filter(course::contains).distinct().toList();
		if (!workflowNames.equals(course)) {
			throw new StepFailure("the case's events on the queue in its course " + course, workflowNames.toString(),
					"workflow-service");
		}

		Map<String, int[]> table = new LinkedHashMap<>();
		for (BusEvent event : caseEvents(onQueue)) {
			table.computeIfAbsent(event.type(), (t) -> new int[2])[0]++;
		}
		for (WebhookReceiver.Delivery delivery : onWebhook) {
			table.computeIfAbsent(delivery.eventType(), (t) -> new int[2])[1]++;
		}
		out.detail(String.format("%-42s %6s %8s", "event of the case", "queue", "webhook"));
		for (Map.Entry<String, int[]> row : table.entrySet()) {
			out.detail(String.format("%-42s %6d %8d", row.getKey(), row.getValue()[0], row.getValue()[1]));
		}
		long reports = onQueue.size() - caseEvents(onQueue).size();
		out.check("both got all " + caseEvents(onQueue).size() + " events of the case, each once and in the case's"
				+ " order; every webhook delivery carried a valid signature");
		out.detail("(the queue also had " + reports + " NotificationDelivered: notification-service's reports of its own"
				+ " deliveries, which it does not send to webhooks)");
		outcome.fact("queueEvents", queueIds.size());
		outcome.fact("webhookDeliveries", webhookIds.size());
		outcome.fact("integratorRoute", cases.stack().integrator().route());
	}

	/** The case's events, without notification-service's reports of its deliveries. */
	private static List<BusEvent> caseEvents(List<BusEvent> events) {
		return events.stream().filter((e) -> e.type() != null && !e.type().startsWith("notification.")).toList();
	}

	private static List<WebhookReceiver.Delivery> webhookEvents(WebhookReceiver receiver, String caseId) {
		return receiver.deliveries().stream().filter((d) -> d.event().about(caseId)).toList();
	}

	private static List<String> names(List<BusEvent> events, List<String> ids) {
		List<String> names = new ArrayList<>();
		for (String id : ids) {
			events.stream().filter((e) -> e.id().equals(id)).findFirst().ifPresent((e) -> names.add(e.name()));
		}
		return names;
	}

}
