package org.inspectflow.evidence.upload;

import java.io.InputStream;
import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;

import com.drew.imaging.ImageMetadataReader;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;

/**
 * Where and when a photo was taken, from its EXIF (metadata-extractor): the GPS position and the original capture
 * time. Either may be missing; a photo without them is flagged, not refused (old phones, scans).
 *
 * @param capturedAt read as China time when the camera did not record a zone (phones sold there do not)
 */
record PhotoMetadata(Double latitude, Double longitude, Instant capturedAt) {

	static final PhotoMetadata NONE = new PhotoMetadata(null, null, null);

	static PhotoMetadata read(InputStream photo) {
		try {
			Metadata metadata = ImageMetadataReader.readMetadata(photo);
			Double latitude = null;
			Double longitude = null;
			GpsDirectory gps = metadata.getFirstDirectoryOfType(GpsDirectory.class);
			if (gps != null) {
				GeoLocation location = gps.getGeoLocation();
				if (location != null && !location.isZero()) {
					latitude = location.getLatitude();
					longitude = location.getLongitude();
				}
			}
			Instant capturedAt = null;
			ExifSubIFDDirectory exif = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
			if (exif != null) {
				Date original = exif.getDateOriginal(TimeZone.getTimeZone("Asia/Shanghai"));
				capturedAt = original == null ? null : original.toInstant();
			}
			return new PhotoMetadata(latitude, longitude, capturedAt);
		}
		catch (Exception ex) {
			return NONE;
		}
	}

	/** Great-circle distance in metres (haversine). */
	static double distanceMeters(double lat1, double lon1, double lat2, double lon2) {
		double dLat = Math.toRadians(lat2 - lat1);
		double dLon = Math.toRadians(lon2 - lon1);
		double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
				* Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
		return 6_371_000 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
	}

}
