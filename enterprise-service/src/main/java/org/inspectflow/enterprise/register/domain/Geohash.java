package org.inspectflow.enterprise.register.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Geohashes for the nearest-enterprise search. The MongoDB-wire dev server runs no geo query ({@code $near},
 * {@code $geoWithin}), so each site stores the geohash of its location and a search reads the cells that can hold a
 * site within the radius — the centre cell and its eight neighbours, at a precision whose cell is at least as large
 * as the radius — as prefix ranges on an ordinary index. The exact distance is then computed in Java. The same
 * queries run on MongoDB 7.
 */
public final class Geohash {

	/** The precision stored with every site (cells of about 4.8 m × 4.8 m). */
	public static final int STORED_PRECISION = 9;

	private static final String BASE32 = "0123456789bcdefghjkmnpqrstuvwxyz";

	/** Metres per degree of latitude (mean Earth radius). */
	private static final double METRES_PER_DEGREE = GeoDistance.EARTH_RADIUS_METRES * Math.PI / 180;

	private Geohash() {
	}

	public static String encode(double latitude, double longitude, int precision) {
		if (precision < 1 || precision > 12) {
			throw new IllegalArgumentException("precision " + precision + " is outside 1..12");
		}
		double[] lat = { -90, 90 };
		double[] lon = { -180, 180 };
		StringBuilder hash = new StringBuilder(precision);
		boolean evenBit = true;
		int bit = 0;
		int character = 0;
		while (hash.length() < precision) {
			double[] range = evenBit ? lon : lat;
			double value = evenBit ? longitude : latitude;
			double mid = (range[0] + range[1]) / 2;
			character <<= 1;
			if (value >= mid) {
				character |= 1;
				range[0] = mid;
			}
			else {
				range[1] = mid;
			}
			evenBit = !evenBit;
			if (++bit == 5) {
				hash.append(BASE32.charAt(character));
				bit = 0;
				character = 0;
			}
		}
		return hash.toString();
	}

	/** Height of a cell in degrees of latitude. */
	static double cellHeightDegrees(int precision) {
		return 180 / Math.pow(2, Math.floorDiv(5 * precision, 2));
	}

	/** Width of a cell in degrees of longitude. */
	static double cellWidthDegrees(int precision) {
		return 360 / Math.pow(2, 5 * precision - Math.floorDiv(5 * precision, 2));
	}

	/**
	 * The finest precision whose cell is at least {@code radiusMetres} high and wide everywhere a site within the
	 * radius can lie (cells narrow towards the poles); 0 when even the coarsest cell is smaller than the radius.
	 */
	public static int precisionFor(double latitude, double radiusMetres) {
		double radiusDegrees = radiusMetres / METRES_PER_DEGREE;
		for (int precision = STORED_PRECISION; precision >= 1; precision--) {
			double height = cellHeightDegrees(precision) * METRES_PER_DEGREE;
			double farthestLatitude = Math.min(90, Math.abs(latitude) + radiusDegrees);
			double width = cellWidthDegrees(precision) * METRES_PER_DEGREE * Math.cos(Math.toRadians(farthestLatitude));
			if (height >= radiusMetres && width >= radiusMetres) {
				return precision;
			}
		}
		return 0;
	}

	/**
	 * The geohash prefixes whose cells together hold every point within {@code radiusMetres} of the point: its own
	 * cell and the eight around it. Empty when the radius is larger than any cell (search everything).
	 */
	public static List<String> coveringCells(double latitude, double longitude, double radiusMetres) {
		int precision = precisionFor(latitude, radiusMetres);
		if (precision == 0) {
			return List.of();
		}
		double height = cellHeightDegrees(precision);
		double width = cellWidthDegrees(precision);
		// the centre of the point's own cell, so that a step of one cell lands in the middle of the neighbour
		double centreLat = (Math.floor((latitude + 90) / height) + 0.5) * height - 90;
		double centreLon = (Math.floor((longitude + 180) / width) + 0.5) * width - 180;
		Set<String> cells = new LinkedHashSet<>();
		for (int dLat = -1; dLat <= 1; dLat++) {
			double lat = centreLat + dLat * height;
			if (lat <= -90 || lat >= 90) {
				continue; // beyond a pole: nothing there
			}
			for (int dLon = -1; dLon <= 1; dLon++) {
				double lon = centreLon + dLon * width;
				lon = ((lon + 180) % 360 + 360) % 360 - 180; // across the antimeridian
				cells.add(encode(lat, lon, precision));
			}
		}
		return new ArrayList<>(cells);
	}

	/** The first geohash after every one that starts with {@code prefix}: the exclusive end of its range. */
	public static String rangeEnd(String prefix) {
		return prefix + "{"; // '{' follows 'z', the last base-32 character
	}

}
