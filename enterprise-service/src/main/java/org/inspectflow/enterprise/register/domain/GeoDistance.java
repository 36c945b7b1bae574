package org.inspectflow.enterprise.register.domain;

/** Great-circle distance (haversine), the exact check after the geohash cells narrowed the candidates. */
public final class GeoDistance {

	/** Mean Earth radius (IUGG), in metres. */
	public static final double EARTH_RADIUS_METRES = 6_371_008.8;

	private GeoDistance() {
	}

	public static double metres(double lat1, double lon1, double lat2, double lon2) {
		double phi1 = Math.toRadians(lat1);
		double phi2 = Math.toRadians(lat2);
		double dPhi = Math.toRadians(lat2 - lat1);
		double dLambda = Math.toRadians(lon2 - lon1);
		double a = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
				+ Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
		return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(a)));
	}

}
