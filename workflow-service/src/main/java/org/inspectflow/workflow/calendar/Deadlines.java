package org.inspectflow.workflow.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import org.inspectflow.workflow.calendar.domain.WorkingDayCalendar;

import org.springframework.stereotype.Component;

/**
 * Turns periods in working days into the dates officers and enterprises see and the instants the engine's timers
 * fire at. Dates are local to China (Asia/Shanghai): a deadline day ends at midnight there.
 */
@Component
public class Deadlines {

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/** Reminders go out at the start of a working day, not at midnight. */
	private static final LocalTime REMINDER_TIME = LocalTime.of(9, 0);

	private final CalendarService calendars;

	private final DeadlineProperties properties;

	Deadlines(CalendarService calendars, DeadlineProperties properties) {
		this.calendars = calendars;
		this.properties = properties;
	}

	public DeadlineProperties properties() {
		return this.properties;
	}

	/** A period of {@code workingDays} starting at {@code from}, with a reminder {@code remindBefore} days ahead. */
	public Due due(Instant from, int workingDays, int remindBefore) {
		WorkingDayCalendar calendar = this.calendars.calendar();
		LocalDate start = from.atZone(ZONE).toLocalDate();
		WorkingDayCalendar.Deadline deadline = calendar.deadline(start, workingDays);
		if (this.properties.compressedWorkingDay() != null) {
			Instant dueAt = from.plus(this.properties.compressedWorkingDay().multipliedBy(workingDays));
			Instant remindAt = dueAt.minus(this.properties.compressedWorkingDay().multipliedBy(remindBefore));
			return new Due(deadline.day(), deadline.provisional(), dueAt, remindAt.isAfter(from) ? remindAt : from);
		}
		Instant dueAt = deadline.day().plusDays(1).atStartOfDay(ZONE).toInstant();
		LocalDate reminderDay = calendar.workingDaysBefore(deadline.day(), remindBefore);
		Instant remindAt = reminderDay.atTime(REMINDER_TIME).atZone(ZONE).toInstant();
		return new Due(deadline.day(), deadline.provisional(), dueAt, remindAt.isAfter(from) ? remindAt : from);
	}

	/** Working days left from {@code now} until the end of {@code deadline}, counting the deadline day. */
	public int workingDaysLeft(Instant now, LocalDate deadline) {
		LocalDate today = now.atZone(ZONE).toLocalDate();
		WorkingDayCalendar calendar = this.calendars.calendar();
		return calendar.workingDaysBetween(today, deadline) + (calendar.isWorkingDay(today) ? 1 : 0);
	}

	/**
	 * @param day the last day on which the act is in time (shown to people)
	 * @param provisional true when counted over a year whose official arrangement is not loaded yet
	 * @param dueAt when the period is over (the engine's overdue timer)
	 * @param remindAt when to remind (never before the period starts)
	 */
	public record Due(LocalDate day, boolean provisional, Instant dueAt, Instant remindAt) {
	}

}
