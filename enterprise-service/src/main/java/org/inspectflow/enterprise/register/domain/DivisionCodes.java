package org.inspectflow.enterprise.register.domain;

/**
 * Administrative division codes (行政区划代码, GB/T 2260) as the register uses them: a district is six digits
 * (province, city, district: 440304 福田区), its city is the first four digits followed by {@code 00} (440300 深圳市),
 * a street (街道) is the district's code followed by three digits (440304001). Checked at import so that an
 * enterprise never lands outside every officer's jurisdiction.
 */
public final class DivisionCodes {

	private DivisionCodes() {
	}

	/** A district-level code: six digits, a province 11–82, neither the city part nor the district part 00. */
	public static boolean isDistrict(String code) {
		if (code == null || !code.matches("[1-9][0-9]{5}")) {
			return false;
		}
		int province = Integer.parseInt(code.substring(0, 2));
		return province >= 11 && province <= 82 && !code.endsWith("00") && !code.substring(2, 4).equals("00");
	}

	/** A city-level code: six digits ending in {@code 00}, the city part not {@code 00}. */
	public static boolean isCity(String code) {
		return code != null && code.matches("[1-9][0-9]{3}00") && !code.substring(2, 4).equals("00");
	}

	public static String cityOf(String district) {
		if (!isDistrict(district)) {
			throw new IllegalArgumentException("'" + district + "' is not a district code");
		}
		return district.substring(0, 4) + "00";
	}

	/** A street (乡镇/街道) code of the district: the district's six digits and three more. */
	public static boolean isStreetOf(String street, String district) {
		return street != null && street.matches("[0-9]{9}") && street.startsWith(district);
	}

}
