package org.inspectflow.enterprise.portal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.inspectflow.contracts.events.RectificationSubmitted;
import org.inspectflow.enterprise.compliance.ComplianceHistory;
import org.inspectflow.enterprise.compliance.domain.ComplianceEntry;
import org.inspectflow.enterprise.portal.domain.OrderStatus;
import org.inspectflow.enterprise.portal.domain.SubmissionRules;
import org.inspectflow.support.web.Problems;
import org.inspectflow.support.security.Caller;
import org.inspectflow.support.validation.Uscc;

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
 * The enterprise portal's API. Role: {@code enterprise} only (URL rule in {@code EnterpriseConfig}). Data scope: the
 * enterprise named by the token's {@code enterprise_id} claim, never a path or body parameter; another enterprise's
 * case answers 404 (its existence is not confirmed), a case that does not wait for the caller's submission 409.
 */
@RestController
@RequestMapping("/portal")
class PortalController {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	static final int MAX_CASES = 500;

	private final PortalOrders orders;

	private final ComplianceHistory history;

	private final Clock clock;

	PortalController(PortalOrders orders, ComplianceHistory history, Clock clock) {
		this.orders = orders;
		this.history = history;
		this.clock = clock;
	}

	/** My rectification orders, open and past, most recently changed first (at most {@value #MAX_CASES}). */
	@GetMapping("/orders")
	List<OrderSummary> list(@AuthenticationPrincipal Jwt jwt) {
		String me = enterpriseOf(jwt);
		return this.orders.ofEnterprise(me, MAX_CASES).stream().map(PortalController::summary).toList();
	}

	/** One of my orders with its rounds, reminders, rejections and their reasons, overdue notices and outcome. */
	@GetMapping("/orders/{caseId}")
	OrderDetail order(@AuthenticationPrincipal Jwt jwt, @PathVariable String caseId) {
		String me = enterpriseOf(jwt);
		Document view = this.orders.find(caseId, me).orElseThrow(() -> notMine(caseId));
		return new OrderDetail(summary(view), list(view, "orders"), list(view, "submissions"), list(view, "reminders"),
				list(view, "rejections"), list(view, "overdue"), view.get("accepted", Document.class),
				view.get("closed", Document.class));
	}

	/**
	 * Submits proof of rectification for the open order of my case: recorded on the order view and published as
	 * {@code enterprise.RectificationSubmitted.v1} together, once per round.
	 */
	@PostMapping("/orders/{caseId}/submissions")
	@ResponseStatus(HttpStatus.CREATED)
	RectificationSubmitted submit(@AuthenticationPrincipal Jwt jwt, @PathVariable String caseId,
			@RequestBody SubmissionRequest request) {
		String me = enterpriseOf(jwt);
		Document view = this.orders.find(caseId, me).orElseThrow(() -> notMine(caseId));
		List<String> evidenceIds = request.evidenceIds() == null ? List.of() : request.evidenceIds();
		List<String> problems = SubmissionRules.problems(request.statement(), request.completedOn(), evidenceIds,
				LocalDate.now(this.clock.withZone(CHINA)));
		if (!problems.isEmpty()) {
			throw Problems.badRequest(String.join("; ", problems));
		}
		refuseUnlessWaiting(view);
		String username = Caller.from(jwt).username();
		return this.orders
			.submit(view, me, request.statement().strip(), request.completedOn(), evidenceIds,
					username == null ? jwt.getSubject() : username)
			.orElseThrow(() -> {
				// the view moved between the read and the write: say why from what it is now
				this.orders.find(caseId, me).ifPresent(PortalController::refuseUnlessWaiting);
				return Problems.conflict("case " + caseId + " changed while the submission was recorded: reload it");
			});
	}

	/** My cases with their outcome: every case of my compliance history, and every case with an order. */
	@GetMapping("/history")
	List<CaseHistory> history(@AuthenticationPrincipal Jwt jwt) {
		String me = enterpriseOf(jwt);
		Map<String, CaseHistory> cases = new LinkedHashMap<>();
		for (ComplianceEntry entry : this.history.of(me)) {
			CaseHistory known = cases.get(entry.caseId());
			List<String> events = new ArrayList<>(known == null ? List.of() : known.events());
			events.add(entry.date() + " " + entry.kind());
			String outcome = known == null ? null : known.outcome();
			if (entry.kind() == ComplianceEntry.Kind.CASE_CLOSED) {
				outcome = entry.detail();
			}
			else if (entry.kind() == ComplianceEntry.Kind.CLUE_DISMISSED && outcome == null) {
				outcome = "DISMISSED";
			}
			cases.put(entry.caseId(), new CaseHistory(entry.caseId(), known == null ? entry.date() : known.from(),
					entry.date(), outcome, known == null ? null : known.status(), events));
		}
		for (Document view : this.orders.ofEnterprise(me, MAX_CASES)) {
			OrderSummary order = summary(view);
			CaseHistory known = cases.get(order.caseId());
			Document closed = view.get("closed", Document.class);
			String outcome = closed != null ? closed.getString("outcome") : known == null ? null : known.outcome();
			cases.put(order.caseId(), new CaseHistory(order.caseId(), known == null ? null : known.from(),
					known == null ? null : known.last(), outcome, order.status(),
					known == null ? List.of() : known.events()));
		}
		return cases.values()
			.stream()
			.sorted(Comparator.comparing(CaseHistory::last, Comparator.nullsFirst(Comparator.naturalOrder()))
				.reversed())
			.toList();
	}

	private static void refuseUnlessWaiting(Document view) {
		String caseId = view.getString("_id");
		OrderStatus status = summary(view).status();
		if (!Boolean.TRUE.equals(view.getBoolean("waiting"))) {
			throw Problems.conflict("case " + caseId + " does not wait for your rectification (it is " + status
					+ "): a submission is taken only for an open order, once per round");
		}
	}

	private static String enterpriseOf(Jwt jwt) {
		String enterprise = Caller.from(jwt).enterpriseId();
		if (enterprise == null || !Uscc.isValid(enterprise)) {
			throw Problems.forbidden("your token names no enterprise (enterprise_id): ask an admin to link your account");
		}
		return enterprise;
	}

	private static RuntimeException notMine(String caseId) {
		return Problems.notFound("no rectification order of your enterprise for case " + caseId);
	}

	static OrderSummary summary(Document view) {
		Integer round = view.getInteger("round");
		List<Document> submissions = list(view, "submissions");
		List<Document> rejections = list(view, "rejections");
		boolean submittedThisRound = round != null
				&& submissions.stream().anyMatch((s) -> round.equals(s.getInteger("round")));
		boolean rejectedThisRound = round != null
				&& rejections.stream().anyMatch((r) -> round.equals(r.getInteger("round")));
		boolean escalated = round != null && round.equals(view.getInteger("escalatedRound"));
		boolean waiting = Boolean.TRUE.equals(view.getBoolean("waiting"));
		OrderStatus status = OrderStatus.of(view.get("closed") != null, view.get("accepted") != null, escalated,
				waiting, submittedThisRound, rejectedThisRound);
		String deadline = view.getString("deadline");
		Date updated = view.getDate("updatedAt");
		return new OrderSummary(view.getString("_id"), view.getString("orderId"), round,
				deadline == null ? null : LocalDate.parse(deadline), Boolean.TRUE.equals(view.getBoolean(
						"deadlineProvisional")), view.getList("requirements", String.class, List.of()), status, waiting,
				updated == null ? null : updated.toInstant());
	}

	private static List<Document> list(Document view, String field) {
		return view.getList(field, Document.class, List.of());
	}

	/**
	 * @param waiting true while the case waits for my submission for {@code round}
	 * @param deadlineProvisional the deadline was counted on a provisional holiday calendar and may move
	 */
	record OrderSummary(String caseId, String orderId, Integer round, LocalDate deadline, boolean deadlineProvisional,
			List<String> requirements, OrderStatus status, boolean waiting, Instant updatedAt) {
	}

	record OrderDetail(OrderSummary order, List<Document> orders, List<Document> submissions,
			List<Document> reminders, List<Document> rejections, List<Document> overdue, Document accepted,
			Document closed) {
	}

	/** @param completedOn the day the work was finished; optional, not in the future */
	record SubmissionRequest(String statement, LocalDate completedOn, List<String> evidenceIds) {
	}

	/**
	 * @param outcome how the case ended (RECTIFIED, DISMISSED, MERGED); null while it is open
	 * @param status the order's status when the case had an order; null otherwise
	 */
	record CaseHistory(String caseId, LocalDate from, LocalDate last, String outcome, OrderStatus status,
			List<String> events) {
	}

}
