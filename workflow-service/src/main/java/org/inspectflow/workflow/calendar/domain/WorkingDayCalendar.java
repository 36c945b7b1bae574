package org.inspectflow.workflow.calendar.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * China's working days: Monday to Friday unless a day off, plus the make-up workdays (调休). Legal deadlines are
 * counted in these days, so a deadline never lands on a holiday.
 * <p>
 * A year without data counts weekends only, and anything computed over it is provisional, as is anything computed
 * over a year whose own data is provisional.
 */
public final class WorkingDayCalendar {

	/** No deadline is counted further than this: a guard against a runaway count over missing data. */
	private static final int MAX_DAYS_SCANNED = 3 * 366;

	private final Map<Integer, CalendarYear> years;

	public WorkingDayCalendar(Iterable<CalendarYear> years) {
		Map<Integer, CalendarYear> byYear = new TreeMap<>();
		for (CalendarYear year : years) {
			if (byYear.put(year.year(), year) != null) {
				throw new IllegalArgumentException("two arrangements for " + year.year());
			}
		}
		this.years = Map.copyOf(byYear);
	}

	public boolean isWorkingDay(LocalDate day) {
		CalendarYear year = this.years.get(day.getYear());
		if (year != null) {
			if (year.makeupWorkdays().contains(day)) {
				return true;
			}
			if (year.daysOff().contains(day)) {
				return false;
			}
		}
		DayOfWeek weekday = day.getDayOfWeek();
		return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
	}

	/**
	 * The day a period of {@code workingDays} ends when it starts on {@code from}: the {@code workingDays}-th working
	 * day after {@code from} ({@code from} itself is not counted, as 行政处罚法 and 民法典 count periods). Zero days is
	 * {@code from} itself, or the next working day when {@code from} is not one.
	 */
	public Deadline deadline(LocalDate from, int workingDays) {
		if (workingDays < 0) {
			throw new IllegalArgumentException("a period has at least 0 working days, not " + workingDays);
		}
		LocalDate day = from;
		boolean provisional = isProvisional(day);
		int counted = 0;
		int scanned = 0;
		if (workingDays == 0) {
			while (!isWorkingDay(day)) {
				day = next(day, ++scanned);
				provisional |= isProvisional(day);
			}
			return new Deadline(day, provisional);
		}
		while (counted < workingDays) {
			day = next(day, ++scanned);
			provisional |= isProvisional(day);
			if (isWorkingDay(day)) {
				counted++;
			}
		}
		return new Deadline(day, provisional);
	}

	/** The working day {@code workingDays} working days before {@code day} (for reminders before a deadline). */
	public LocalDate workingDaysBefore(LocalDate day, int workingDays) {
		if (workingDays < 0) {
			throw new IllegalArgumentException("at least 0 working days, not " + workingDays);
		}
		LocalDate current = day;
		int counted = 0;
		int scanned = 0;
		while (counted < workingDays) {
			current = current.minusDays(1);
			if (++scanned > MAX_DAYS_SCANNED) {
				throw new IllegalArgumentException("no " + workingDays + " working days before " + day);
			}
			if (isWorkingDay(current)) {
				counted++;
			}
		}
		return current;
	}

	/** Working days after {@code from} up to and including {@code to}; 0 when {@code to} is not after {@code from}. */
	public int workingDaysBetween(LocalDate from, LocalDate to) {
		int count = 0;
		for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
			if (isWorkingDay(day)) {
				count++;
			}
		}
		return count;
	}

	/** Whether working days in this day's year are known only provisionally (no data, or statutory days only). */
	public boolean isProvisional(LocalDate day) {
		CalendarYear year = this.years.get(day.getYear());
		return year == null || year.provisional();
	}

	private static LocalDate next(LocalDate day, int scanned) {
		if (scanned > MAX_DAYS_SCANNED) {
			throw new IllegalArgumentException("a period longer than " + MAX_DAYS_SCANNED + " days");
		}
		return day.plusDays(1);
	}

	/**
	 * The last day of a period, and whether it rests on provisional data.
	 *
	 * @param day the last day on which the act is in time
	 * @param provisional true when a year counted over has no official arrangement yet
	 */
	public record Deadline(LocalDate day, boolean provisional) {
	}

}
