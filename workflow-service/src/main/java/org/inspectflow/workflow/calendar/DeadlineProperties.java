package org.inspectflow.workflow.calendar;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The periods of the process, in working days, and the local time they are counted in.
 *
 * @param verificationWorkingDays for the verification of a clue (核实) after dispatch
 * @param rectificationWorkingDays from a rectification order to its deadline
 * @param reminderWorkingDays how many working days before a rectification deadline the enterprise is reminded
 * @param reviewWorkingDays for the officer's review of a submission
 * @param compressedWorkingDay when set (demo and tests only), one working day lasts this long from now, instead of
 * running on the calendar: the dates shown stay calendar dates, the timers fire early
 */
@ConfigurationProperties("inspectflow.workflow.deadlines")
public record DeadlineProperties(int verificationWorkingDays, int rectificationWorkingDays, int reminderWorkingDays,
		int reviewWorkingDays, Duration compressedWorkingDay) {

	public DeadlineProperties {
		verificationWorkingDays = verificationWorkingDays <= 0 ? 5 : verificationWorkingDays;
		rectificationWorkingDays = rectificationWorkingDays <= 0 ? 10 : rectificationWorkingDays;
		reminderWorkingDays = reminderWorkingDays <= 0 ? 2 : reminderWorkingDays;
		reviewWorkingDays = reviewWorkingDays <= 0 ? 3 : reviewWorkingDays;
	}

}
