package org.inspectflow.enterprise.risk.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.inspectflow.contracts.RiskTier;

/**
 * The risk tier of an enterprise and the reasons for it, from rules an officer can read and check by hand: the
 * tier sets a clue's priority and, later, how often the enterprise is drawn. Every tier comes with its reasons, so
 * that an enterprise (or a court) can be told why it is supervised as it is.
 *
 * <ul>
 * <li><b>HIGH</b>: a serious violation or a penalty case in the past 12 months, or two or more violations; or
 * {@value #REPEATED_ALARMS} or more online-monitoring alarms (在线监测超标报警) in the past {@value #ALARM_LOOK_BACK_DAYS}
 * days.</li>
 * <li><b>MEDIUM</b>: one violation in the past 12 months; or one or two online-monitoring alarms in the past
 * {@value #ALARM_LOOK_BACK_DAYS} days; or a key pollutant unit (重点排污单位) — unless it is on the positive list with a
 * clean year; a key pollutant unit without a discharge permit (排污许可证) on record stays MEDIUM even then.</li>
 * <li><b>LOW</b>: otherwise.</li>
 * </ul>
 * The positive list (正面清单) never hides violations or alarms: a listed enterprise with one gets its tier like any
 * other, and the reasons say the listing should be reviewed. Everything counts by days in the bureau's calendar, up to
 * and including today, so a violation or alarm ageing past its look-back stops counting without any new event: the
 * daily reassessment lowers the tier then.
 */
public final class RiskRules {

	static final int LOOK_BACK_MONTHS = 12;

	/** How far back an online-monitoring alarm counts: an alarm speaks of the present state of the equipment. */
	public static final int ALARM_LOOK_BACK_DAYS = 90;

	/** This many alarms in the look-back are repeated exceedances (频繁超标), not an incident. */
	public static final int REPEATED_ALARMS = 3;

	private RiskRules() {
	}

	public static Assessment assess(Inputs inputs, LocalDate today) {
		LocalDate from = today.minusMonths(LOOK_BACK_MONTHS);
		long violations = countSince(inputs.violations(), from, today);
		long serious = countSince(inputs.seriousViolations(), from, today);
		long penalties = countSince(inputs.penaltyCases(), from, today);
		long alarms = countSince(inputs.monitoringAlarms(), today.minusDays(ALARM_LOOK_BACK_DAYS), today);
		List<String> high = new ArrayList<>();
		List<String> medium = new ArrayList<>();
		if (serious > 0) {
			high.add(plural(serious, "serious violation") + " in the past 12 months (严重违法)");
		}
		if (penalties > 0) {
			high.add(plural(penalties, "penalty case") + " in the past 12 months (立案处罚)");
		}
		if (violations >= 2) {
			high.add(plural(violations, "violation") + " in the past 12 months (多次违法)");
		}
		else if (violations == 1) {
			medium.add("1 violation in the past 12 months (违法记录)");
		}
		if (alarms >= REPEATED_ALARMS) {
			high.add(plural(alarms, "online-monitoring alarm") + " in the past " + ALARM_LOOK_BACK_DAYS
					+ " days (在线监测频繁超标报警)");
		}
		else if (alarms > 0) {
			medium.add(plural(alarms, "online-monitoring alarm") + " in the past " + ALARM_LOOK_BACK_DAYS
					+ " days (在线监测超标报警)");
		}
		boolean clean = violations == 0 && serious == 0 && penalties == 0 && alarms == 0;
		if (inputs.keyPollutantUnit()) {
			if (!inputs.dischargePermitOnRecord()) {
				medium.add("key pollutant unit without a discharge permit on record (重点排污单位，无排污许可证记录)");
			}
			else if (!(inputs.positiveList() && clean)) {
				medium.add("key pollutant unit (重点排污单位)");
			}
		}
		List<String> listing = new ArrayList<>();
		if (inputs.positiveList()) {
			listing.add(clean ? "on the positive list with no violation in the past 12 months (正面清单)"
					: "on the positive list despite " + (violations + serious + penalties > 0
							? "a violation in the past 12 months" : "online-monitoring alarms in the past "
									+ ALARM_LOOK_BACK_DAYS + " days")
							+ ": review the listing (正面清单待复核)");
		}
		if (!high.isEmpty()) {
			return new Assessment(RiskTier.HIGH, concat(high, medium, listing));
		}
		if (!medium.isEmpty()) {
			return new Assessment(RiskTier.MEDIUM, concat(medium, listing));
		}
		List<String> low = new ArrayList<>(listing);
		if (low.isEmpty()) {
			low.add("no violation in the past 12 months (无违法记录)");
		}
		if (inputs.keyPollutantUnit()) {
			low.add("key pollutant unit (重点排污单位)");
		}
		return new Assessment(RiskTier.LOW, low);
	}

	private static long countSince(List<LocalDate> dates, LocalDate from, LocalDate today) {
		return dates.stream().filter((date) -> !date.isBefore(from) && !date.isAfter(today)).count();
	}

	private static String plural(long count, String noun) {
		return count + " " + noun + (count == 1 ? "" : "s");
	}

	@SafeVarargs
	private static List<String> concat(List<String>... lists) {
		List<String> all = new ArrayList<>();
		for (List<String> list : lists) {
			all.addAll(list);
		}
		return all;
	}

	/**
	 * What the rules look at.
	 *
	 * @param violations days on which a violation was found (serious ones included)
	 * @param seriousViolations days on which a serious violation was found
	 * @param penaltyCases days on which a penalty case was opened
	 * @param monitoringAlarms days on which an online-monitoring alarm about the enterprise came in, leaving out
	 * alarms whose clue was verified and dismissed
	 */
	public record Inputs(boolean keyPollutantUnit, boolean dischargePermitOnRecord, boolean positiveList,
			List<LocalDate> violations, List<LocalDate> seriousViolations, List<LocalDate> penaltyCases,
			List<LocalDate> monitoringAlarms) {

		public Inputs {
			violations = List.copyOf(violations);
			seriousViolations = List.copyOf(seriousViolations);
			penaltyCases = List.copyOf(penaltyCases);
			monitoringAlarms = List.copyOf(monitoringAlarms);
		}

		/** Without alarms: history, permit and listing only. */
		public Inputs(boolean keyPollutantUnit, boolean dischargePermitOnRecord, boolean positiveList,
				List<LocalDate> violations, List<LocalDate> seriousViolations, List<LocalDate> penaltyCases) {
			this(keyPollutantUnit, dischargePermitOnRecord, positiveList, violations, seriousViolations,
					penaltyCases, List.of());
		}

	}

	/** A tier with its reasons, strongest first. */
	public record Assessment(RiskTier tier, List<String> reasons) {

		public Assessment {
			reasons = List.copyOf(reasons);
		}

	}

}
