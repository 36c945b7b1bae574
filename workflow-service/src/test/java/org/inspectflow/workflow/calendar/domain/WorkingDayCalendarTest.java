package org.inspectflow.workflow.calendar.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.inspectflow.workflow.calendar.CalendarFiles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Deadlines across the 2026 Spring Festival and National Day, with their make-up workdays (调休). */
class WorkingDayCalendarTest {

	private static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar(CalendarFiles.bundled());

	@Test
	void theSpringFestivalIsOffAndItsSaturdaysAreWorked() {
		assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-02-14"))).as("Sat before, 调休").isTrue();
		assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-02-16"))).as("Mon, 除夕 week").isFalse();
		assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-02-23"))).as("Mon, last day off").isFalse();
		assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-02-24"))).as("Tue, back at work").isTrue();
		assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-02-28"))).as("Sat after, 调休").isTrue();
		assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-03-01"))).as("an ordinary Sunday").isFalse();
	}

	@Test
	void aDeadlineCountedIntoTheSpringFestivalJumpsOverIt() {
		// ordered on Thu 12 Feb: Fri 13 (1), Sat 14 make-up (2), 15-23 off, Tue 24 (3)
		assertThat(CALENDAR.deadline(LocalDate.parse("2026-02-12"), 3).day()).isEqualTo("2026-02-24");
		// 10 working days from Thu 12 Feb: 13, 14, 24, 25, 26, 27, 28 (make-up), 2 Mar, 3, 4
		assertThat(CALENDAR.deadline(LocalDate.parse("2026-02-12"), 10).day()).isEqualTo("2026-03-04");
		// a day inside the festival does not count as day zero
		assertThat(CALENDAR.deadline(LocalDate.parse("2026-02-17"), 1).day()).isEqualTo("2026-02-24");
	}

	@Test
	void aDeadlineCountedIntoNationalDayJumpsOverItAndCountsTheMakeUpSaturday() {
		assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-09-20"))).as("Sun before, 调休").isTrue();
		assertThat(CALENDAR.deadline(LocalDate.parse("2026-09-30"), 1).day()).isEqualTo("2026-10-08");
		// Thu 8, Fri 9, Sat 10 (make-up)
		assertThat(CALENDAR.deadline(LocalDate.parse("2026-09-30"), 3).day()).isEqualTo("2026-10-10");
		// 18 Sep (Fri) + 1: Sat 19 is off, Sun 20 is a make-up workday
		assertThat(CALENDAR.deadline(LocalDate.parse("2026-09-18"), 1).day()).isEqualTo("2026-09-20");
	}

	@Test
	void noDeadlineOf2026EverLandsOnADayOff() {
		for (LocalDate from = LocalDate.parse("2026-01-01"); from.getYear() == 2026; from = from.plusDays(1)) {
			for (int days = 0; days <= 20; days++) {
				LocalDate deadline = CALENDAR.deadline(from, days).day();
				assertThat(CALENDAR.isWorkingDay(deadline)).as("%s + %d working days = %s", from, days, deadline)
					.isTrue();
				// zero days from a day off is the next working day, which lies one working day ahead
				int expected = days == 0 && !CALENDAR.isWorkingDay(from) ? 1 : days;
				assertThat(CALENDAR.workingDaysBetween(from, deadline)).isEqualTo(expected);
			}
		}
	}

	@Test
	void aReminderFallsTheGivenWorkingDaysBeforeTheDeadline() {
		assertThat(CALENDAR.workingDaysBefore(LocalDate.parse("2026-02-24"), 1)).isEqualTo("2026-02-14");
		assertThat(CALENDAR.workingDaysBefore(LocalDate.parse("2026-10-08"), 2)).isEqualTo("2026-09-29");
	}

	@Test
	void deadlinesOverTheProvisional2027DataAreMarkedProvisional() {
		assertThat(CALENDAR.deadline(LocalDate.parse("2026-12-01"), 10).provisional()).isFalse();
		WorkingDayCalendar.Deadline intoNextYear = CALENDAR.deadline(LocalDate.parse("2026-12-24"), 10);
		assertThat(intoNextYear.provisional()).isTrue();
		// 2027-01-01 (statutory) is off; 10 working days: 25, 28, 29, 30, 31 Dec, 4, 5, 6, 7, 8 Jan
		assertThat(intoNextYear.day()).isEqualTo("2027-01-08");
		assertThat(CALENDAR.deadline(LocalDate.parse("2028-03-01"), 1).provisional()).as("no data at all").isTrue();
	}

	@Test
	void anInconsistentArrangementIsRefused() {
		LocalDate day = LocalDate.parse("2026-05-09");
		assertThatThrownBy(() -> new CalendarYear(2026, Set.of(day), Set.of(day), false, "test"))
			.hasMessageContaining("both");
		assertThatThrownBy(() -> new CalendarYear(2026, Set.of(LocalDate.parse("2025-12-31")), Set.of(), false, "t"))
			.hasMessageContaining("not in 2026");
		CalendarYear year = new CalendarYear(2026, Set.of(), Set.of(), false, "t");
		assertThatThrownBy(() -> new WorkingDayCalendar(List.of(year, year))).hasMessageContaining("two");
	}

}
