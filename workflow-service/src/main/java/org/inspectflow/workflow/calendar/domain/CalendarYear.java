package org.inspectflow.workflow.calendar.domain;

import java.time.LocalDate;
import java.util.Set;

/**
 * One year's official arrangement of days off and make-up workdays (调休), as the State Council publishes it.
 *
 * @param year the calendar year
 * @param daysOff every day off that is not an ordinary weekend day: the statutory days and the days shifted around
 * them (weekend days may be listed too; it changes nothing)
 * @param makeupWorkdays weekend days that are working days
 * @param provisional true while the official arrangement is not yet published (statutory days only): deadlines
 * computed over this year are marked provisional
 * @param source where the data comes from, shown to admins
 */
public record CalendarYear(int year, Set<LocalDate> daysOff, Set<LocalDate> makeupWorkdays, boolean provisional,
		String source) {

	public CalendarYear {
		daysOff = Set.copyOf(daysOff);
		makeupWorkdays = Set.copyOf(makeupWorkdays);
		for (LocalDate day : daysOff) {
			requireInYear(year, day);
			if (makeupWorkdays.contains(day)) {
				throw new IllegalArgumentException(day + " is listed both as a day off and as a make-up workday");
			}
		}
		makeupWorkdays.forEach((day) -> requireInYear(year, day));
	}

	private static void requireInYear(int year, LocalDate day) {
		if (day.getYear() != year) {
			throw new IllegalArgumentException(day + " is not in " + year);
		}
	}

}
