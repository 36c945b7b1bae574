package org.inspectflow.workflow.cases;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.inspectflow.support.security.Caller;
import org.inspectflow.workflow.process.EngineClock;
import org.inspectflow.workflow.process.ProcessConstants;
import org.inspectflow.support.web.Problems;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.history.HistoricActivityInstance;
import org.operaton.bpm.engine.history.HistoricProcessInstance;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A case for officers and supervisors: its record, its timeline, and its process diagram with where it stands.
 * Roles: officer (own district, or shared with it), supervisor (own city), admin; the audit of accesses from
 * outside the case's jurisdiction: supervisor (own city), admin.
 */
@RestController
@Validated
class CaseController {

	private final CaseAccess access;

	private final CaseRepository cases;

	private final HistoryService history;

	private final RuntimeService runtime;

	private final RepositoryService repository;

	CaseController(CaseAccess access, CaseRepository cases, HistoryService history, RuntimeService runtime,
			RepositoryService repository) {
		this.access = access;
		this.cases = cases;
		this.history = history;
		this.runtime = runtime;
		this.repository = repository;
	}

	@GetMapping("/cases/{caseId}")
	CaseRecord get(@AuthenticationPrincipal Jwt jwt, @PathVariable String caseId) {
		return this.access.readable(Caller.from(jwt), caseId, "GET /cases/{caseId}");
	}

	/** Every step with actor, time and the evidence (with SHA-256) it rests on. */
	@GetMapping("/cases/{caseId}/timeline")
	List<TimelineEntry> timeline(@AuthenticationPrincipal Jwt jwt, @PathVariable String caseId) {
		this.access.readable(Caller.from(jwt), caseId, "GET /cases/{caseId}/timeline");
		return this.cases.timeline(caseId);
	}

	/** The BPMN XML of the case's process with the activities it passed and those it waits in (for bpmn-js). */
	@GetMapping("/cases/{caseId}/diagram")
	Diagram diagram(@AuthenticationPrincipal Jwt jwt, @PathVariable String caseId) {
		this.access.readable(Caller.from(jwt), caseId, "GET /cases/{caseId}/diagram");
		HistoricProcessInstance instance = this.history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(caseId)
			.processDefinitionKey(ProcessConstants.CASE_HANDLING_PROCESS)
			.singleResult();
		if (instance == null) {
			throw Problems.notFound("case " + caseId + " has no process");
		}
		Set<String> completed = new LinkedHashSet<>();
		List<String> current = new ArrayList<>();
		for (HistoricActivityInstance activity : this.history.createHistoricActivityInstanceQuery()
			.processInstanceId(instance.getId())
			.orderByHistoricActivityInstanceStartTime()
			.asc()
			.list()) {
			if (activity.getEndTime() != null) {
				completed.add(activity.getActivityId());
			}
		}
		if (instance.getEndTime() == null) {
			current.addAll(this.runtime.getActiveActivityIds(instance.getId()));
		}
		try (InputStream xml = this.repository.getProcessModel(instance.getProcessDefinitionId())) {
			return new Diagram(caseId, new String(xml.readAllBytes(), StandardCharsets.UTF_8), List.copyOf(completed),
					current);
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read the process model", ex);
		}
	}

	/** Shares the case with the officers of another district (joint inspections, referrals), with a purpose. */
	@PostMapping("/cases/{caseId}/shares")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Transactional
	void share(@AuthenticationPrincipal Jwt jwt, @PathVariable String caseId, @Valid @RequestBody Share share) {
		Caller caller = Caller.from(jwt);
		CaseRecord found = this.access.shareable(caller, caseId);
		if (found.district().equals(share.district())) {
			throw Problems.badRequest("case " + caseId + " is in district " + share.district()
					+ " already: share it with another district");
		}
		this.cases.share(caseId, share.district(), share.purpose(), caller.username(), EngineClock.now());
		this.cases.appendTimeline(caseId, "CASE_SHARED", caller.username(), EngineClock.now(),
				"with " + share.district() + ": " + share.purpose(), List.of());
	}

	/**
	 * Who reached the case from outside its jurisdiction (through a share or a task they were named for), what they
	 * did, why and when, the latest first; and the shares in force. Supervisors of the case's city and admins.
	 */
	@GetMapping("/cases/{caseId}/access-log")
	AccessLog accessLog(@AuthenticationPrincipal Jwt jwt, @PathVariable String caseId,
			@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
		CaseRecord found = this.access.auditable(Caller.from(jwt), caseId);
		return new AccessLog(caseId, found.district(), this.cases.shares(caseId),
				this.cases.accessLog(caseId, page * size, size), page, size, this.cases.accessLogSize(caseId));
	}

	/**
	 * @param district the case's own district
	 * @param shares the districts the case is shared with now, and why
	 * @param accesses the page of accesses from outside the case's jurisdiction, the latest first
	 * @param total how many accesses there are in all
	 */
	record AccessLog(String caseId, String district, List<CaseShare> shares, List<CaseAccessRecord> accesses, int page,
			int size, long total) {
	}

	/**
	 * @param xml the BPMN 2.0 XML of the process the case runs in
	 * @param completedActivityIds activities the case has passed, in order
	 * @param currentActivityIds activities the case waits in now (empty once it ended)
	 */
	record Diagram(String caseId, String xml, List<String> completedActivityIds, List<String> currentActivityIds) {
	}

	record Share(@NotBlank @Pattern(regexp = "[1-9][0-9]{5}", message = "is a 6-digit administrative division code")
	String district, @NotBlank @Size(max = 500) String purpose) {
	}

}
