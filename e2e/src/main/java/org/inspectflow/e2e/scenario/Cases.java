package org.inspectflow.e2e.scenario;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.inspectflow.e2e.stack.Await;
import org.inspectflow.e2e.stack.BusEvent;
import org.inspectflow.e2e.stack.Deliveries;
import org.inspectflow.e2e.stack.Json;
import org.inspectflow.e2e.stack.Response;
import org.inspectflow.e2e.stack.Stack;
import org.inspectflow.e2e.stack.StepFailure;
import org.inspectflow.e2e.stack.UserSession;

/**
 * The steps of a case as people take them through the gateway (report, claim, record, order, submit, review, close),
 * each followed by what the platform must do in consequence: the events it publishes, the state the case reaches,
 * the notifications people receive. Every scenario is told with these; each step narrates itself and fails with what
 * it expected, what came back and whose log to read.
 */
final class Cases {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final String WORKFLOW = "workflow-service";

	private final Stack stack;

	private final Narrator out;

	private final Outcome outcome;

	Cases(Stack stack, Narrator out, Outcome outcome) {
		this.stack = stack;
		this.out = out;
		this.outcome = outcome;
	}

	Stack stack() {
		return this.stack;
	}

	Narrator out() {
		return this.out;
	}

	UserSession user(DemoData.Person person) {
		return this.stack.user(person.username());
	}

	// ------------------------------------------------------------------------------------------------ clue intake

	/** A person reports a clue ({@code POST /api/workflow/clues}); the case opens and {@code ClueReported} follows. */
	String report(UserSession who, String what, ObjectNode clue) {
		this.out.step(who.who(), what);
		Response opened = StepFailure.require(who.post("/api/workflow/clues", clue),
				"workflow-service to open a case for the clue (201)", WORKFLOW, 201);
		String caseId = Json.text(opened.json(), "caseId");
		awaitEvent(caseId, "workflow.ClueReported.v1");
		this.out.state(caseId, status(who, caseId));
		return caseId;
	}

	/**
	 * Triage: enterprise-service matched the enterprise and the case was given its priority and jurisdiction
	 * ({@code ClueTriaged}). A {@code ClueMerged} instead means an open case of the same enterprise and problem took
	 * the clue: an earlier run left one open, which the story cannot go on with.
	 */
	BusEvent awaitTriage(String caseId) {
		BusEvent triaged = this.stack.bus()
			.await("ClueTriaged (or ClueMerged) for " + caseId, Await.STEP, "enterprise-service, workflow-service",
					(e) -> caseId.equals(e.subject())
							&& (e.is("workflow.ClueTriaged.v1") || e.is("workflow.ClueMerged.v1")));
		this.out.event(triaged);
		if (triaged.is("workflow.ClueMerged.v1")) {
			throw new StepFailure("a new case for the clue (ClueTriaged)",
					"the clue was merged into open case " + triaged.field("intoCaseId") + " of the same enterprise and"
							+ " problem, which an earlier run left open: finish that case in the portal, or start from a"
							+ " fresh data folder (./inspectflow down; rm -rf .run/up; ./inspectflow up)",
					WORKFLOW);
		}
		return triaged;
	}

	// ------------------------------------------------------------------------------------------------ events, state

	BusEvent awaitEvent(String caseId, String type) {
		return awaitEvent(caseId, type, (e) -> true, type.split("\\.")[1]);
	}

	/** The first event of {@code type} about the case that also matches {@code also}; printed when it arrives. */
	BusEvent awaitEvent(String caseId, String type, Predicate<BusEvent> also, String description) {
		BusEvent event = this.stack.bus()
			.await(description + " for " + caseId, Await.STEP, lookAt(type),
					(e) -> e.is(type) && caseId.equals(e.subject()) && also.test(e));
		this.out.event(event);
		return event;
	}

	private static String lookAt(String type) {
		if (type.startsWith("enterprise.")) {
			return "enterprise-service";
		}
		if (type.startsWith("evidence.")) {
			return "evidence-service";
		}
		if (type.startsWith("notification.")) {
			return "notification-service";
		}
		return WORKFLOW;
	}

	JsonNode caseRecord(UserSession who, String caseId) {
		return StepFailure.require(who.get("/api/workflow/cases/" + caseId), "the case " + caseId, WORKFLOW).json();
	}

	String status(UserSession who, String caseId) {
		return Json.text(caseRecord(who, caseId), "status");
	}

	/** Waits until the case has one of the statuses (its row commits with the step, events may run ahead of it). */
	String awaitStatus(UserSession who, String caseId, String... statuses) {
		List<String> wanted = List.of(statuses);
		String[] last = { null };
		String status = Await.until("case " + caseId + " to be " + String.join(" or ", wanted), WORKFLOW, () -> {
			last[0] = status(who, caseId);
			return wanted.contains(last[0]) ? Optional.of(last[0]) : Optional.empty();
		}, () -> "status " + last[0]);
		this.out.state(caseId, status);
		this.outcome.status(caseId, status);
		return status;
	}

	List<JsonNode> timeline(UserSession who, String caseId) {
		return Json.list(StepFailure
			.require(who.get("/api/workflow/cases/" + caseId + "/timeline"), "the timeline of " + caseId, WORKFLOW)
			.json());
	}

	/** The latest timeline entry of {@code step} (e.g. {@code PENALTY_DECIDED}), waiting for it to be written. */
	JsonNode awaitTimeline(UserSession who, String caseId, String step) {
		return Await.until("a " + step + " entry on the timeline of " + caseId, WORKFLOW, () -> {
			List<JsonNode> entries = timeline(who, caseId);
			for (int i = entries.size() - 1; i >= 0; i--) {
				if (step.equals(Json.text(entries.get(i), "step"))) {
					return Optional.of(entries.get(i));
				}
			}
			return Optional.empty();
		}, () -> "steps " + timeline(who, caseId).stream().map((e) -> Json.text(e, "step")).toList());
	}

	/** The activities of the case's process it passed (for "no site visit" and the like). */
	List<String> passedActivities(UserSession who, String caseId) {
		JsonNode diagram = StepFailure.require(who.get("/api/workflow/cases/" + caseId + "/diagram"),
				"the process diagram of " + caseId, WORKFLOW).json();
		return Json.texts(diagram.path("completedActivityIds"));
	}

	/** Records what the bus carried about the case so far, and where it stands, into the outcome. */
	void remember(String role, String caseId, UserSession reader) {
		this.outcome.caseId(role, caseId);
		this.outcome.events(caseId, this.stack.bus().about(caseId));
		this.outcome.status(caseId, status(reader, caseId));
	}

	// ------------------------------------------------------------------------------------------------ tasks

	/** The open task {@code taskKey} of the case, as the person's task list shows it. */
	JsonNode awaitTask(UserSession who, String caseId, String taskKey) {
		return Await.until(taskKey + " of " + caseId + " in " + who.username() + "'s task list", WORKFLOW,
				() -> findTask(who, caseId, taskKey), () -> "no such task");
	}

	private Optional<JsonNode> findTask(UserSession who, String caseId, String taskKey) {
		for (int page = 0; page < 50; page++) {
			JsonNode tasks = StepFailure.require(
					who.get("/api/workflow/tasks?scope=all&taskKey=" + taskKey + "&size=200&page=" + page),
					who.username() + "'s task list", WORKFLOW)
				.json();
			for (JsonNode task : Json.list(tasks.path("items"))) {
				if (caseId.equals(Json.text(task, "caseId"))) {
					return Optional.of(task);
				}
			}
			if ((page + 1) * 200L >= tasks.path("total").asLong()) {
				break;
			}
		}
		return Optional.empty();
	}

	/** The officer takes the task (unless it is theirs already). */
	void claim(UserSession officer, JsonNode task) {
		if (officer.username().equals(Json.text(task, "assignee"))) {
			return;
		}
		StepFailure.require(officer.post("/api/workflow/tasks/" + Json.text(task, "taskId") + "/claim", null),
				officer.username() + " to claim " + Json.text(task, "taskKey"), WORKFLOW);
	}

	/** Completes a verification task with the officer's record; answers the record id. */
	String verify(UserSession officer, JsonNode task, ObjectNode record) {
		Response recorded = StepFailure.require(
				officer.post("/api/workflow/tasks/" + Json.text(task, "taskId") + "/verification", record),
				"workflow-service to take " + officer.username() + "'s record", WORKFLOW);
		return Json.text(recorded.json(), "recordId");
	}

	static ObjectNode violation(String findings, String violationType, String legalBasis, String severity,
			List<String> evidenceIds, double[] where) {
		return Json.object("finding", "VIOLATION_CONFIRMED", "findings", findings, "violationType", violationType,
				"legalBasis", legalBasis, "severity", severity, "evidenceIds", evidenceIds, "location",
				where == null ? null : Json.object("latitude", where[0], "longitude", where[1]));
	}

	/**
	 * The first-offence table's decision as the timeline records it ({@code RECTIFICATION_ONLY}, {@code EXEMPT},
	 * {@code PENALTY_CASE}), shown with the look-back it rested on.
	 */
	String penaltyDecision(UserSession officer, String caseId) {
		JsonNode decided = awaitTimeline(officer, caseId, "PENALTY_DECIDED");
		String detail = Json.text(decided, "detail");
		this.out.detail("decision (Decision_FirstOffenceExemption): " + detail);
		String decision = detail == null ? "" : detail.split(" ")[0];
		if ("PENALTY_CASE".equals(decision)) {
			awaitEvent(caseId, "workflow.PenaltyCaseOpened.v1");
		}
		return decision;
	}

	// ------------------------------------------------------------------------------------------------ rectification

	/** The order as the enterprise's portal shows it, once it waits for the round's submission. */
	JsonNode awaitOrder(UserSession enterprise, String caseId, int round) {
		JsonNode[] last = { null };
		JsonNode order = Await.until("round " + round + " of the order for " + caseId + " waiting in "
				+ enterprise.username() + "'s portal", "enterprise-service", () -> {
					Response view = enterprise.get("/api/enterprise/portal/orders/" + caseId);
					last[0] = view.ok() ? view.json() : null;
					JsonNode summary = last[0] == null ? null : last[0].path("order");
					return summary != null && summary.path("round").asInt() == round && summary.path("waiting").asBoolean()
							? Optional.of(last[0]) : Optional.empty();
				}, () -> last[0] == null ? "no order view" : Json.write(last[0].path("order")));
		JsonNode summary = order.path("order");
		this.out.step(enterprise.who(), "opens the order in the enterprise portal: round " + round + ", deadline "
				+ Json.text(summary, "deadline") + (summary.path("deadlineProvisional").asBoolean() ? " (provisional)" : "")
				+ ", status " + Json.text(summary, "status"));
		for (String requirement : Json.texts(summary.path("requirements"))) {
			this.out.detail("· " + requirement);
		}
		return order;
	}

	/** The enterprise submits its proof for the open order; {@code RectificationSubmitted} follows. */
	BusEvent submit(UserSession enterprise, String caseId, int round, String statement, List<String> evidenceIds,
			UserSession officer) {
		this.out.step(enterprise.who(), "submits proof of rectification: \"" + statement + "\""
				+ (evidenceIds.isEmpty() ? "" : " with " + evidenceIds.size() + " file(s)"));
		StepFailure.require(
				enterprise.post("/api/enterprise/portal/orders/" + caseId + "/submissions",
						Json.object("statement", statement, "completedOn", LocalDate.now(CHINA).toString(),
								"evidenceIds", evidenceIds)),
				"the portal to take the submission (201)", "enterprise-service", 201);
		BusEvent submitted = awaitEvent(caseId, "enterprise.RectificationSubmitted.v1",
				(e) -> e.data().path("round").asInt() == round, "RectificationSubmitted of round " + round);
		awaitStatus(officer, caseId, "UNDER_REVIEW");
		return submitted;
	}

	/** The officer who verified reviews the submission: accepts it, or rejects it with reasons. */
	BusEvent review(UserSession officer, String caseId, int round, boolean accepted, String comment,
			List<String> reasons) {
		JsonNode task = awaitTask(officer, caseId, "Task_ReviewRectification");
		this.out.step(officer.who(), accepted ? "reviews the proof and accepts it: \"" + comment + "\""
				: "reviews the proof and rejects it: " + String.join("; ", reasons));
		claim(officer, task);
		StepFailure.require(
				officer.post("/api/workflow/tasks/" + Json.text(task, "taskId") + "/rectification-review",
						Json.object("accepted", accepted, "comment", comment, "reasons", reasons)),
				"workflow-service to take the review (204)", WORKFLOW, 204);
		return accepted
				? awaitEvent(caseId, "workflow.RectificationAccepted.v1", (e) -> e.data().path("round").asInt() == round,
						"RectificationAccepted")
				: awaitEvent(caseId, "workflow.RectificationRejected.v1",
						(e) -> e.data().path("round").asInt() == round, "RectificationRejected");
	}

	/**
	 * A penalty case (立案) the case opened — for a serious or repeated violation, or on escalation — is filed and
	 * decided by the officer, so that the case can close. Nothing when none is open.
	 */
	boolean concludePenaltyCase(UserSession officer, String caseId, String summary, String decision, long fineYuan) {
		Optional<BusEvent> opened = this.stack.bus()
			.find((e) -> e.is("workflow.PenaltyCaseOpened.v1") && caseId.equals(e.subject()));
		if (opened.isEmpty()) {
			return false;
		}
		JsonNode filing = awaitTask(officer, caseId, "Task_FilePenaltyCase");
		this.out.step(officer.who(), "files penalty case " + opened.get().field("penaltyCaseNumber") + " (立案): "
				+ summary);
		claim(officer, filing);
		StepFailure.require(officer.post("/api/workflow/tasks/" + Json.text(filing, "taskId") + "/penalty-filing",
				Json.object("summary", summary)), "workflow-service to file the penalty case (204)", WORKFLOW, 204);
		JsonNode deciding = awaitTask(officer, caseId, "Task_DecidePenalty");
		this.out.step(officer.who(), "decides the penalty (处罚决定): " + decision + String.format(", fine ¥%,d", fineYuan));
		claim(officer, deciding);
		StepFailure.require(
				officer.post("/api/workflow/tasks/" + Json.text(deciding, "taskId") + "/penalty-decision",
						Json.object("decision", decision, "fineYuan", fineYuan)),
				"workflow-service to record the penalty decision (204)", WORKFLOW, 204);
		awaitTimeline(officer, caseId, "PENALTY_DECIDED_BY_OFFICER");
		return true;
	}

	// ------------------------------------------------------------------------------------------------ evidence

	/**
	 * Uploads a file to the case's evidence ({@code POST /api/evidence/cases/{caseId}/evidence}); evidence-service
	 * learns of the case from the workflow's events, so a 404 just after the case opened is asked again. Answers the
	 * stored link; checks that the SHA-256 it reports is the one computed here.
	 */
	JsonNode upload(UserSession who, String caseId, String kind, String fileName, String contentType, byte[] content,
			double[] where, boolean share) {
		String query = "?kind=" + kind + "&takenAt=" + Instant.now() + (share ? "&share=true" : "")
				+ (where == null ? "" : "&latitude=" + where[0] + "&longitude=" + where[1]);
		String path = "/api/evidence/cases/" + caseId + "/evidence" + query.replace(":", "%3A");
		Response[] last = { null };
		Response stored = Await.until("evidence-service to store " + fileName + " for " + caseId, "evidence-service",
				() -> {
					last[0] = who.upload(path, fileName, contentType, content);
					return last[0].status() == 404 ? Optional.empty() : Optional.of(last[0]);
				}, () -> last[0] == null ? "no answer" : last[0].describe());
		StepFailure.require(stored, "evidence-service to store " + fileName + " (201)", "evidence-service", 201);
		JsonNode link = stored.json();
		String sha256 = sha256(content);
		if (!sha256.equals(Json.text(link, "sha256"))) {
			throw new StepFailure("the stored file's SHA-256 to be " + sha256, Json.text(link, "sha256"),
					"evidence-service");
		}
		BusEvent event = awaitEvent(caseId, "evidence.EvidenceStored.v1",
				(e) -> Json.text(link, "evidenceId").equals(e.field("evidenceId")), "EvidenceStored");
		this.out.detail("link " + link.path("sequence").asLong() + " of the case's chain, SHA-256 " + sha256.substring(0, 16)
				+ "… (computed here: the same)" + flags(link) + ", chain hash "
				+ abbreviate(event.field("chainHash")));
		return link;
	}

	private static String flags(JsonNode link) {
		JsonNode flags = link.path("metadata").path("flags");
		String text = flags.isMissingNode() || flags.isNull() || flags.asText().isBlank() ? "" : flags.asText();
		return text.isEmpty() ? "" : ", flags " + text;
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String abbreviate(String hash) {
		return hash == null ? "?" : hash.length() > 16 ? hash.substring(0, 16) + "…" : hash;
	}

	// ------------------------------------------------------------------------------------------------ notifications

	/**
	 * The person was told of {@code trigger} on each channel: notification-service reports it on the bus
	 * ({@code NotificationDelivered} caused by the event), and the channel itself shows it — the person's inbox
	 * through the gateway, the e-mail in the mail server, the SMS request at the SMS gateway (the last two when the
	 * local stand-ins run).
	 */
	void notified(String caseId, BusEvent trigger, DemoData.Person person, String... channels) {
		Set<String> wanted = new LinkedHashSet<>(List.of(channels));
		List<String> seen = new ArrayList<>();
		// the inbox entry's title is the e-mail's subject: with it the e-mail of this very notification is found
		String[] title = { null };
		for (String channel : wanted) {
			BusEvent delivered = this.stack.bus()
				.await("NotificationDelivered of " + trigger.name() + " to " + person.username() + " by " + channel,
						Await.STEP, "notification-service",
						(e) -> e.is("notification.NotificationDelivered.v1") && trigger.id().equals(e.field("eventId"))
								&& person.recipient().equals(e.field("recipient")) && channel.equals(e.field("channel")));
			String notificationId = delivered.field("notificationId");
			switch (channel) {
				case "IN_APP" -> {
					title[0] = inbox(person, caseId, notificationId, trigger);
					seen.add("in-app \"" + title[0] + "\"");
				}
				case "EMAIL" -> {
					Deliveries mail = this.stack.deliveries();
					if (mail.mailReadable()) {
						Deliveries.Mail found = Await.until("an e-mail to " + person.email() + " about " + caseId
								+ " in the mail server", "notification-service, mail", () -> mail.mailsTo(person.email())
									.stream()
									.filter((m) -> m.subject() != null && (title[0] == null ? m.subject().contains(caseId)
											: m.subject().equals(title[0])))
									.reduce((first, second) -> second), () -> "none");
						seen.add("e-mail to " + person.email() + (title[0] != null ? " (same subject)"
								: " \"" + found.subject() + "\""));
						this.outcome.notified(new Outcome.Notification(caseId, person.username(), channel,
								trigger.name(), found.subject()));
					}
					else {
						seen.add("e-mail (delivered to the configured SMTP server)");
					}
				}
				case "SMS" -> {
					Deliveries sms = this.stack.deliveries();
					if (sms.smsReadable()) {
						Deliveries.Sms found = Await.until("an SMS to " + person.phone() + " (reference "
								+ notificationId + ") at the SMS gateway", "notification-service, monitoring",
								() -> sms.smsSent()
									.stream()
									.filter((s) -> person.phone().equals(s.to()) && notificationId.equals(s.reference()))
									.findFirst(),
								() -> "none");
						seen.add("SMS to " + found.to() + " \"" + found.text() + "\"");
						this.outcome.notified(new Outcome.Notification(caseId, person.username(), channel,
								trigger.name(), found.text()));
					}
					else {
						seen.add("SMS (delivered to the configured SMS gateway)");
					}
				}
				default -> seen.add(channel);
			}
		}
		this.out.detail("→ " + person.username() + " told by " + String.join(", ", seen));
	}

	private String inbox(DemoData.Person person, String caseId, String notificationId, BusEvent trigger) {
		UserSession session = this.stack.user(person.username());
		JsonNode entry = Await.until(person.username() + "'s inbox entry " + notificationId, "notification-service",
				() -> Json.list(StepFailure.require(session.get("/api/notification/inbox?size=100"),
						person.username() + "'s inbox", "notification-service").json().path("items"))
					.stream()
					.filter((e) -> notificationId.equals(Json.text(e, "id")))
					.findFirst(),
				() -> "not in the newest 100 entries");
		this.outcome.notified(new Outcome.Notification(caseId, person.username(), "IN_APP", trigger.name(),
				Json.text(entry, "title")));
		return Json.text(entry, "title");
	}

	// ------------------------------------------------------------------------------------------------ admin

	/** How long a scenario waits for a timer that fires by itself (a stack with a compressed working day). */
	static final java.time.Duration TIMER_WAIT = java.time.Duration.ofMinutes(3);

	/**
	 * A deadline of the case passes. On a stack whose working day is compressed by configuration
	 * ({@code INSPECTFLOW_COMPRESSED_WORKING_DAY}, e.g. PT10S) the timer is due within minutes: the scenario waits for
	 * the engine to fire it. On the legal calendar it is due in working days: admin1 runs the timer's job now, through
	 * Operaton's REST API (admins only). Either way the output says which.
	 */
	void runTimerNow(String caseId, String activityId, String what) {
		UserSession admin = this.stack.user("admin1");
		JsonNode instances = StepFailure.require(admin.get("/api/workflow/engine-rest/process-instance?businessKey="
				+ encode(caseId) + "&processDefinitionKey=CaseHandlingProcess"), "the process instance of " + caseId,
				WORKFLOW).json();
		if (Json.list(instances).isEmpty()) {
			throw new StepFailure("a running CaseHandlingProcess for " + caseId, Json.write(instances), WORKFLOW);
		}
		String instanceId = Json.text(instances.get(0), "id");
		JsonNode job = Await.until("the timer " + activityId + " of " + caseId, WORKFLOW, () -> {
			Optional<JsonNode> waiting = Json
				.list(StepFailure.require(admin.get("/api/workflow/engine-rest/job?processInstanceId=" + instanceId
						+ "&activityId=" + activityId + "&timers=true"), "the case's timer jobs", WORKFLOW).json())
				.stream()
				.findFirst();
			if (waiting.isPresent()) {
				return waiting;
			}
			// with a compressed working day the timer may have fired while the scenario looked at the last step
			Response passed = admin.get("/api/workflow/engine-rest/history/activity-instance?processInstanceId="
					+ instanceId + "&activityId=" + activityId);
			return passed.ok() && !Json.list(passed.json()).isEmpty()
					? Optional.of(com.fasterxml.jackson.databind.node.NullNode.getInstance()) : Optional.empty();
		}, () -> "no such job, and the timer has not fired");
		if (job.isNull()) {
			this.out.step("the engine", "has fired the " + what + " timer by itself (this stack runs with a compressed"
					+ " working day)");
			return;
		}
		String due = Json.text(job, "dueDate") != null ? Json.text(job, "dueDate") : Json.text(job, "duedate");
		String dueInChina = due;
		Instant dueAt = null; // not readable: shown as the engine wrote it, and run now as on the legal calendar
		try {
			java.time.OffsetDateTime parsed = java.time.OffsetDateTime.parse(due,
					java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"));
			dueAt = parsed.toInstant();
			dueInChina = parsed.atZoneSameInstant(CHINA)
				.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'CST'"));
		}
		catch (RuntimeException ex) {
			// kept as above
		}
		if (dueAt != null && dueAt.isBefore(Instant.now().plus(TIMER_WAIT))) {
			long seconds = Math.max(0, java.time.Duration.between(Instant.now(), dueAt).toSeconds());
			this.out.step("the engine", "fires the " + what + " timer by itself, due " + dueInChina + " (in " + seconds
					+ " s: this stack runs with a compressed working day)");
			String jobId = Json.text(job, "id");
			Await.until("the " + what + " timer of " + caseId + " to fire (due " + dueInChina + ")",
					TIMER_WAIT.plusMinutes(1), WORKFLOW, () -> {
						Response left = admin.get("/api/workflow/engine-rest/job?jobId=" + encode(jobId));
						return left.ok() && Json.list(left.json()).isEmpty() ? Optional.of(Boolean.TRUE)
								: Optional.empty();
					}, () -> "its job is still waiting");
			return;
		}
		this.out.step(admin.who(), "runs the " + what + " timer now");
		this.out.note("time compressed: " + activityId + " is due " + dueInChina + " on the legal calendar; admin1 runs"
				+ " its job now through Operaton's REST API (POST /api/workflow/engine-rest/job/{id}/execute, admins"
				+ " only). A stack started with INSPECTFLOW_COMPRESSED_WORKING_DAY=PT10S fires it by itself in minutes.");
		StepFailure.require(admin.post("/api/workflow/engine-rest/job/" + Json.text(job, "id") + "/execute", null),
				"the engine to run the timer job (204)", WORKFLOW, 204);
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
