package org.inspectflow.notification.recipients.domain;

/**
 * Administrative division codes (行政区划代码, GB/T 2260) as jurisdictions use them: a district is six digits
 * (440304 福田区), its city the first four followed by {@code 00} (440300 深圳市). A USCC carries the division code
 * of its registering authority in positions 3–8, which names the enterprise's district when nothing better is known.
 */
public final class DivisionCodes {

	private DivisionCodes() {
	}

	public static boolean isDistrict(String code) {
		return code != null && code.matches("[1-9][0-9]{5}") && !code.endsWith("00")
				&& !code.substring(2, 4).equals("00");
	}

	public static boolean isCity(String code) {
		return code != null && code.matches("[1-9][0-9]{3}00") && !code.substring(2, 4).equals("00");
	}

	/** The city of a district, the city itself for a city code, null for anything else. */
	public static String cityOf(String code) {
		if (isCity(code)) {
			return code;
		}
		return isDistrict(code) ? code.substring(0, 4) + "00" : null;
	}

	/** The division code in a USCC (positions 3–8); null when the code is too short or not digits there. */
	public static String divisionOfUscc(String uscc) {
		if (uscc == null || uscc.length() < 8) {
			return null;
		}
		String division = uscc.substring(2, 8);
		return division.matches("[0-9]{6}") ? division : null;
	}

}
