package org.inspectflow.workflow.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.inspectflow.support.security.Caller;
import org.inspectflow.workflow.process.EngineClock;
import org.inspectflow.workflow.process.Jurisdictions;
import org.inspectflow.support.web.Problems;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Command and dispatch (指挥调度) figures for supervisors: open and overdue cases by district and officer, and per
 * officer the inspections recorded, problems found and how many were non-site. Role: supervisor (own city), admin.
 */
@RestController
class SupervisorController {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final CaseRepository cases;

	SupervisorController(CaseRepository cases) {
		this.cases = cases;
	}

	@GetMapping("/statistics/case-load")
	List<CaseRepository.CaseLoad> caseLoad(@AuthenticationPrincipal Jwt jwt,
			@RequestParam(required = false) String district) {
		Caller caller = Caller.from(jwt);
		return this.cases.caseLoad(cityOf(caller), checked(caller, district),
				EngineClock.now().atZone(CHINA).toLocalDate());
	}

	@GetMapping("/statistics/officer-activity")
	List<CaseRepository.OfficerActivity> officerActivity(@AuthenticationPrincipal Jwt jwt,
			@RequestParam(required = false) String district, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to) {
		Caller caller = Caller.from(jwt);
		LocalDate today = EngineClock.now().atZone(CHINA).toLocalDate();
		LocalDate start = from == null ? today.withDayOfYear(1) : from;
		LocalDate end = to == null ? today : to;
		if (end.isBefore(start)) {
			throw Problems.badRequest("'to' (" + end + ") is before 'from' (" + start + ")");
		}
		Instant fromInstant = start.atStartOfDay(CHINA).toInstant();
		Instant toInstant = end.plusDays(1).atStartOfDay(CHINA).toInstant();
		return this.cases.officerActivity(cityOf(caller), checked(caller, district), fromInstant, toInstant);
	}

	private static String cityOf(Caller caller) {
		if (caller.hasRole("admin")) {
			return null;
		}
		if (caller.city() == null) {
			throw Problems.forbidden("your account has no city: ask an admin to put you in your city's group");
		}
		return caller.city();
	}

	private static String checked(Caller caller, String district) {
		if (district == null) {
			return null;
		}
		if (!Jurisdictions.isDivisionCode(district)) {
			throw Problems.badRequest("district is a 6-digit administrative division code, not '" + district + "'");
		}
		if (!caller.hasRole("admin") && !Jurisdictions.cityOf(district).equals(caller.city())) {
			throw Problems.forbidden("district " + district + " is not in your city " + caller.city());
		}
		return district;
	}

}
