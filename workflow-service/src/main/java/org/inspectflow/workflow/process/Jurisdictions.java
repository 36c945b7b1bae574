package org.inspectflow.workflow.process;

/**
 * Jurisdictions are administrative division codes (行政区划代码): a district's city is its first four digits
 * followed by {@code 00} (440304 福田区 → 440300 深圳市). Officers' tasks go to the candidate group of the district.
 */
public final class Jurisdictions {

	private Jurisdictions() {
	}

	public static boolean isDivisionCode(String code) {
		return code != null && code.matches("[1-9][0-9]{5}");
	}

	public static String cityOf(String district) {
		if (!isDivisionCode(district)) {
			throw new IllegalArgumentException("'" + district + "' is not an administrative division code");
		}
		return district.substring(0, 4) + "00";
	}

	/** The candidate group of a district's officers. */
	public static String officersOf(String district) {
		return "district:" + district;
	}

}
