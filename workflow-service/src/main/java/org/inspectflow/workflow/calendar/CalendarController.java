package org.inspectflow.workflow.calendar;

import java.time.LocalDate;
import java.util.List;

import org.inspectflow.support.security.Caller;
import org.inspectflow.workflow.calendar.domain.CalendarYear;
import org.inspectflow.workflow.calendar.domain.WorkingDayCalendar;
import org.inspectflow.support.web.Problems;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The working-day calendar: officers, supervisors and admins read it and count deadlines with it; admins load a
 * year's official arrangement when the State Council publishes it ({@code PUT}, the same JSON as the shipped
 * files).
 */
@RestController
class CalendarController {

	private final CalendarService calendars;

	CalendarController(CalendarService calendars) {
		this.calendars = calendars;
	}

	@GetMapping("/calendars")
	List<CalendarService.YearSummary> years() {
		return this.calendars.summaries();
	}

	/** The last day of a period of {@code workingDays} starting on {@code from}. */
	@GetMapping("/calendars/deadline")
	WorkingDayCalendar.Deadline deadline(@RequestParam LocalDate from, @RequestParam int workingDays) {
		if (workingDays < 0 || workingDays > 365) {
			throw Problems.badRequest("workingDays is between 0 and 365, not " + workingDays);
		}
		return this.calendars.calendar().deadline(from, workingDays);
	}

	@PutMapping(path = "/calendars/{year}", consumes = MediaType.APPLICATION_JSON_VALUE)
	CalendarService.YearSummary replace(@AuthenticationPrincipal Jwt jwt, @PathVariable int year,
			@RequestBody byte[] content) {
		if (content.length > 16_000) {
			throw Problems.badRequest("a calendar file is at most 16,000 bytes (a year of days off is about 1,500)");
		}
		CalendarYear replaced;
		try {
			replaced = this.calendars.replace(year, content, Caller.from(jwt).username());
		}
		catch (CalendarFiles.InvalidCalendarException ex) {
			throw Problems.badRequest("the calendar file was not loaded: " + ex.getMessage());
		}
		return this.calendars.summaries().stream().filter((summary) -> summary.year() == replaced.year()).findFirst()
			.orElseThrow();
	}

}
