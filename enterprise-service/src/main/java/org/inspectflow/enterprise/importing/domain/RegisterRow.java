package org.inspectflow.enterprise.importing.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.inspectflow.enterprise.register.domain.DivisionCodes;
import org.inspectflow.enterprise.register.domain.Geohash;
import org.inspectflow.support.validation.Uscc;

/**
 * One enterprise row of an import file, checked: a row is stored only when every check passes, and a refused row
 * says every reason at once, so that whoever fixes the file fixes it in one go.
 *
 * @param street null when not given
 * @param grid null when not given
 */
public record RegisterRow(String uscc, String name, String address, double latitude, double longitude,
		String district, String street, String grid, String industryCode, String industryName,
		String dischargePermitNumber, boolean keyPollutantUnit) {

	/** Where a site of an enterprise under Chinese supervision can be: a box around China, not a border. */
	static final double MIN_LATITUDE = 3, MAX_LATITUDE = 54, MIN_LONGITUDE = 73, MAX_LONGITUDE = 136;

	static final int MAX_TEXT = 200;

	public String city() {
		return DivisionCodes.cityOf(this.district);
	}

	public String geohash() {
		return Geohash.encode(this.latitude, this.longitude, Geohash.STORED_PRECISION);
	}

	/**
	 * Checks the values of one row (by column name; a missing column reads as blank).
	 *
	 * @return the row, or the reasons it is refused
	 */
	public static Checked check(Function<String, String> column) {
		List<String> reasons = new ArrayList<>();
		String uscc = text(column, "uscc").toUpperCase(Locale.ROOT);
		if (uscc.isEmpty()) {
			reasons.add("missing USCC");
		}
		else if (uscc.length() != 18) {
			reasons.add("bad USCC '" + uscc + "': not 18 characters");
		}
		else if (!Uscc.isValid(uscc)) {
			reasons.add("bad USCC '" + uscc + "': fails the GB 32100-2015 check character");
		}
		String name = text(column, "name");
		if (name.isEmpty()) {
			reasons.add("missing name");
		}
		String address = text(column, "address");
		String industryCode = text(column, "industryCode");
		String industryName = text(column, "industryName");
		String permit = text(column, "dischargePermitNumber");
		String grid = text(column, "grid");
		for (String[] field : new String[][] { { "name", name }, { "address", address },
				{ "industryCode", industryCode }, { "industryName", industryName },
				{ "dischargePermitNumber", permit }, { "grid", grid } }) {
			if (field[1].length() > MAX_TEXT) {
				reasons.add(field[0] + " longer than " + MAX_TEXT + " characters");
			}
		}
		double latitude = Double.NaN;
		double longitude = Double.NaN;
		String lat = text(column, "latitude");
		String lon = text(column, "longitude");
		if (lat.isEmpty() || lon.isEmpty()) {
			reasons.add("bad coordinates: latitude and longitude are both needed");
		}
		else {
			try {
				latitude = Double.parseDouble(lat);
				longitude = Double.parseDouble(lon);
				if (!(latitude >= MIN_LATITUDE && latitude <= MAX_LATITUDE && longitude >= MIN_LONGITUDE
						&& longitude <= MAX_LONGITUDE)) {
					reasons.add("bad coordinates " + lat + ", " + lon
							+ ": outside China (latitude 3 to 54, longitude 73 to 136, WGS-84 degrees)");
				}
			}
			catch (NumberFormatException ex) {
				reasons.add("bad coordinates '" + lat + "', '" + lon + "': not decimal degrees");
			}
		}
		String district = text(column, "district");
		if (!DivisionCodes.isDistrict(district)) {
			reasons.add("bad district code '" + district + "': a district is six digits such as 440304");
		}
		String street = text(column, "street");
		if (!street.isEmpty() && DivisionCodes.isDistrict(district) && !DivisionCodes.isStreetOf(street, district)) {
			reasons.add("bad street code '" + street + "': nine digits starting with the district's code");
		}
		Boolean keyPollutantUnit = flag(text(column, "keyPollutantUnit"));
		if (keyPollutantUnit == null) {
			reasons.add("bad keyPollutantUnit '" + text(column, "keyPollutantUnit") + "': true or false");
		}
		if (!reasons.isEmpty()) {
			return new Checked(null, uscc.isEmpty() ? null : uscc, reasons);
		}
		return new Checked(new RegisterRow(uscc, name, blankToNull(address), latitude, longitude, district,
				blankToNull(street), blankToNull(grid), blankToNull(industryCode), blankToNull(industryName),
				blankToNull(permit), keyPollutantUnit), uscc, List.of());
	}

	private static String text(Function<String, String> column, String name) {
		String value = column.apply(name);
		return value == null ? "" : value.strip();
	}

	private static String blankToNull(String value) {
		return value.isEmpty() ? null : value;
	}

	private static Boolean flag(String value) {
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "", "false", "no", "n", "0", "否" -> false;
			case "true", "yes", "y", "1", "是" -> true;
			default -> null;
		};
	}

	/** A checked row: the row when good, else the reasons (and the USCC as read, when there was one). */
	public record Checked(RegisterRow row, String uscc, List<String> reasons) {

		public Checked {
			reasons = List.copyOf(reasons);
		}

		public boolean good() {
			return this.row != null;
		}

	}

}
