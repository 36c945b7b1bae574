package org.inspectflow.workflow.process;

import java.time.Instant;
import java.time.OffsetDateTime;

import org.operaton.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's notion of now: the same clock its timers run on, so that a deadline computed here and the timer
 * that fires on it agree (tests move this clock to fire timers).
 */
public final class EngineClock {

	private EngineClock() {
	}

	public static Instant now() {
		return ClockUtil.getCurrentTime().toInstant();
	}

	public static OffsetDateTime nowInChina() {
		return now().atZone(java.time.ZoneId.of("Asia/Shanghai")).toOffsetDateTime();
	}

}
