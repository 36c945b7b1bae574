package org.inspectflow.e2e.scenario;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The smallest EXIF a phone's photo carries for evidence: GPS latitude and longitude, the capture time
 * (DateTimeOriginal) and its offset, as a JPEG APP1 segment (TIFF big-endian: IFD0 → Exif IFD and GPS IFD).
 */
final class Exif {

	private static final short BYTE = 1;

	private static final short ASCII = 2;

	private static final short LONG = 4;

	private static final short RATIONAL = 5;

	private Exif() {
	}

	static byte[] app1(double latitude, double longitude, ZonedDateTime taken) {
		// offsets from the start of the TIFF header; the layout is fixed, so they are too
		int ifd0 = 8;
		int exifIfd = ifd0 + 2 + 2 * 12 + 4;
		int dateTime = exifIfd + 2 + 2 * 12 + 4;
		int offsetTime = dateTime + 20;
		int gpsIfd = offsetTime + 8;
		int latitudeData = gpsIfd + 2 + 5 * 12 + 4;
		int longitudeData = latitudeData + 24;
		ByteBuffer tiff = ByteBuffer.allocate(longitudeData + 24);
		tiff.put(new byte[] { 'M', 'M', 0, 42 }).putInt(ifd0);
		// IFD0: where the Exif and GPS IFDs are
		tiff.putShort((short) 2);
		entry(tiff, 0x8769, LONG, 1, exifIfd);
		entry(tiff, 0x8825, LONG, 1, gpsIfd);
		tiff.putInt(0);
		// Exif IFD: DateTimeOriginal and OffsetTimeOriginal
		tiff.putShort((short) 2);
		entry(tiff, 0x9003, ASCII, 20, dateTime);
		entry(tiff, 0x9011, ASCII, 7, offsetTime);
		tiff.putInt(0);
		tiff.put(ascii(taken.format(DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss")), 20));
		tiff.put(ascii(taken.getOffset().getId().equals("Z") ? "+00:00" : taken.getOffset().getId(), 8));
		// GPS IFD: version, N/S, latitude, E/W, longitude
		tiff.putShort((short) 5);
		entry(tiff, 0x0000, BYTE, 4, 0x02030000);
		entry(tiff, 0x0001, ASCII, 2, (latitude >= 0 ? 'N' : 'S') << 24);
		entry(tiff, 0x0002, RATIONAL, 3, latitudeData);
		entry(tiff, 0x0003, ASCII, 2, (longitude >= 0 ? 'E' : 'W') << 24);
		entry(tiff, 0x0004, RATIONAL, 3, longitudeData);
		tiff.putInt(0);
		degrees(tiff, Math.abs(latitude));
		degrees(tiff, Math.abs(longitude));

		ByteArrayOutputStream segment = new ByteArrayOutputStream();
		byte[] body = tiff.array();
		int length = 2 + 6 + body.length;
		segment.write(0xFF);
		segment.write(0xE1);
		segment.write(length >> 8);
		segment.write(length & 0xFF);
		segment.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
		segment.writeBytes(body);
		return segment.toByteArray();
	}

	private static void entry(ByteBuffer tiff, int tag, short type, int count, int value) {
		tiff.putShort((short) tag).putShort(type).putInt(count).putInt(value);
	}

	/** Degrees, minutes and seconds as three rationals (seconds to a thousandth). */
	private static void degrees(ByteBuffer tiff, double value) {
		int degrees = (int) value;
		double rest = (value - degrees) * 60;
		int minutes = (int) rest;
		long milliseconds = Math.round((rest - minutes) * 60 * 1000);
		tiff.putInt(degrees).putInt(1).putInt(minutes).putInt(1).putInt((int) milliseconds).putInt(1000);
	}

	private static byte[] ascii(String text, int size) {
		byte[] bytes = new byte[size];
		byte[] chars = text.getBytes(StandardCharsets.US_ASCII);
		System.arraycopy(chars, 0, bytes, 0, Math.min(chars.length, size - 1));
		return bytes;
	}

}
