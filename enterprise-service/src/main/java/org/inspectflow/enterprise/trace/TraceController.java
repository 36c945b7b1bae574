package org.inspectflow.enterprise.trace;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.inspectflow.enterprise.monitoring.MonitoringRegister;
import org.inspectflow.enterprise.monitoring.MonitoringRegister.Company;
import org.inspectflow.enterprise.register.domain.DivisionCodes;
import org.inspectflow.support.web.Problems;
import org.inspectflow.support.security.Caller;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The fraud trace's API. Roles: {@code supervisor} and {@code admin} (URL rules in {@code EnterpriseConfig}). Data
 * scope: a supervisor lists and traces the company's clients in the supervisor's city (the others are counted, not
 * named); an admin all of them. Unknown company: 404.
 */
@RestController
@RequestMapping("/monitoring-companies/{companyId}")
class TraceController {

	/** A trace reaches back at most this far in one period (the retention of engagement records). */
	static final long MAX_PERIOD_DAYS = 3660;

	private final FraudTrace trace;

	private final MonitoringRegister monitoring;

	TraceController(FraudTrace trace, MonitoringRegister monitoring) {
		this.trace = trace;
		this.monitoring = monitoring;
	}

	/** The company's clients whose engagement overlaps [from, to], both days included. */
	@GetMapping("/clients")
	FraudTrace.Clients clients(@AuthenticationPrincipal Jwt jwt, @PathVariable String companyId,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		String city = scope(Caller.from(jwt));
		checkPeriod(from, to);
		return this.trace.clients(company(companyId), from, to, city);
	}

	/**
	 * Opens a clue for every client in scope whose engagement overlaps the period: 201 with the clues; 200 with the
	 * same clues when this trace (company, period, source case, scope) was made before, and nothing is sent again.
	 */
	@PostMapping("/trace")
	ResponseEntity<FraudTrace.Result> trace(@AuthenticationPrincipal Jwt jwt, @PathVariable String companyId,
			@RequestBody TraceRequest request) {
		Caller caller = Caller.from(jwt);
		String city = scope(caller);
		checkPeriod(request.from(), request.to());
		String sourceCaseId = required("sourceCaseId", request.sourceCaseId(), 64);
		String reason = required("reason", request.reason(), 1000);
		Company company = company(companyId);
		try {
			FraudTrace.Result result = this.trace.trace(company, request.from(), request.to(), sourceCaseId, reason,
					city, caller.username() == null ? jwt.getSubject() : caller.username());
			return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK).body(result);
		}
		catch (FraudTrace.TooManyClients ex) {
			throw Problems.problem(HttpStatus.UNPROCESSABLE_ENTITY, "Too many clients", ex.getMessage());
		}
	}

	private Company company(String companyId) {
		return this.monitoring.company(companyId)
			.orElseThrow(() -> Problems.notFound("no monitoring company " + companyId + " in the register"));
	}

	/** The supervisor's city; null for an admin (all cities). */
	private static String scope(Caller caller) {
		if (caller.hasRole("admin")) {
			return null;
		}
		if (caller.hasRole("supervisor")) {
			if (DivisionCodes.isCity(caller.city())) {
				return caller.city();
			}
			if (DivisionCodes.isDistrict(caller.district())) {
				return DivisionCodes.cityOf(caller.district());
			}
			throw Problems.forbidden("your token names no jurisdiction (city or district): ask an admin to set one");
		}
		throw Problems.forbidden("only supervisors and admins trace monitoring companies");
	}

	private static void checkPeriod(LocalDate from, LocalDate to) {
		if (from == null || to == null) {
			throw Problems.badRequest("from and to are required (ISO dates, both included)");
		}
		if (from.isAfter(to)) {
			throw Problems.badRequest("from " + from + " is after to " + to);
		}
		if (ChronoUnit.DAYS.between(from, to) > MAX_PERIOD_DAYS) {
			throw Problems.badRequest("the period is longer than " + MAX_PERIOD_DAYS + " days: trace shorter periods");
		}
	}

	private static String required(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			throw Problems.badRequest(field + " is required");
		}
		if (value.length() > max) {
			throw Problems.badRequest(field + " is longer than " + max + " characters");
		}
		return value.strip();
	}

	/**
	 * @param sourceCaseId the case whose faked report started the trace; referenced by every clue
	 */
	record TraceRequest(LocalDate from, LocalDate to, String sourceCaseId, String reason) {
	}

}
