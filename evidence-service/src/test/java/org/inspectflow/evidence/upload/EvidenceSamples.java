package org.inspectflow.evidence.upload;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

/** Small real files of each kind, made in the test (no binary fixtures to trust). */
public final class EvidenceSamples {

	private EvidenceSamples() {
	}

	/** A JPEG whose pixels depend on {@code seed}, so each seed gives different bytes. */
	public static byte[] jpeg(int seed) {
		return image(seed, "jpg");
	}

	/**
	 * A JPEG with an EXIF block (APP1) holding a GPS position and the original capture time, built by hand in
	 * little-endian TIFF: IFD0 points to the EXIF sub-IFD (DateTimeOriginal) and the GPS IFD.
	 */
	public static byte[] jpegWithExif(int seed, double latitude, double longitude, java.time.LocalDateTime taken) {
		java.nio.ByteBuffer tiff = java.nio.ByteBuffer.allocate(512).order(java.nio.ByteOrder.LITTLE_ENDIAN);
		tiff.put(new byte[] { 'I', 'I', 42, 0 }).putInt(8);
		int ifd0 = 8;
		int exifIfd = ifd0 + 2 + 2 * 12 + 4;
		int dateValue = exifIfd + 2 + 12 + 4;
		int gpsIfd = dateValue + 20;
		int latitudeValue = gpsIfd + 2 + 4 * 12 + 4;
		int longitudeValue = latitudeValue + 24;
		tiff.position(ifd0);
		tiff.putShort((short) 2);
		entry(tiff, 0x8769, 4, 1, exifIfd);
		entry(tiff, 0x8825, 4, 1, gpsIfd);
		tiff.putInt(0);
		tiff.position(exifIfd);
		tiff.putShort((short) 1);
		entry(tiff, 0x9003, 2, 20, dateValue);
		tiff.putInt(0);
		tiff.position(dateValue);
		tiff.put((taken.format(java.time.format.DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss")) + "\0")
			.getBytes(StandardCharsets.US_ASCII));
		tiff.position(gpsIfd);
		tiff.putShort((short) 4);
		tiff.putShort((short) 1).putShort((short) 2).putInt(2).put(new byte[] { 'N', 0, 0, 0 });
		entry(tiff, 2, 5, 3, latitudeValue);
		tiff.putShort((short) 3).putShort((short) 2).putInt(2).put(new byte[] { 'E', 0, 0, 0 });
		entry(tiff, 4, 5, 3, longitudeValue);
		tiff.putInt(0);
		tiff.position(latitudeValue);
		rationalDegrees(tiff, latitude);
		rationalDegrees(tiff, longitude);
		byte[] exif = new byte[6 + tiff.position()];
		System.arraycopy("Exif\0\0".getBytes(StandardCharsets.US_ASCII), 0, exif, 0, 6);
		System.arraycopy(tiff.array(), 0, exif, 6, tiff.position());
		byte[] jpeg = jpeg(seed);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(jpeg, 0, 2);
		out.write(0xFF);
		out.write(0xE1);
		int length = exif.length + 2;
		out.write(length >> 8);
		out.write(length & 0xFF);
		out.write(exif, 0, exif.length);
		out.write(jpeg, 2, jpeg.length - 2);
		return out.toByteArray();
	}

	private static void entry(java.nio.ByteBuffer tiff, int tag, int type, int count, int offset) {
		tiff.putShort((short) tag).putShort((short) type).putInt(count).putInt(offset);
	}

	/** Degrees as three rationals: degrees/1, minutes/1, seconds×1000/1000. */
	private static void rationalDegrees(java.nio.ByteBuffer tiff, double value) {
		int degrees = (int) value;
		double minutesFull = (value - degrees) * 60;
		int minutes = (int) minutesFull;
		int millis = (int) Math.round((minutesFull - minutes) * 60 * 1000);
		tiff.putInt(degrees).putInt(1).putInt(minutes).putInt(1).putInt(millis).putInt(1000);
	}

	public static byte[] png(int seed) {
		return image(seed, "png");
	}

	private static byte[] image(int seed, String format) {
		BufferedImage image = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
		for (int x = 0; x < 32; x++) {
			for (int y = 0; y < 24; y++) {
				image.setRGB(x, y, new Color((seed * 37 + x * 7) % 256, (seed * 11 + y * 5) % 256, seed % 256).getRGB());
			}
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, format, bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	public static byte[] pdf() {
		return ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >>"
				+ " endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
	}

	/** The first bytes of a Windows executable (MZ header and PE signature). */
	public static byte[] windowsExecutable() {
		byte[] bytes = new byte[512];
		bytes[0] = 'M';
		bytes[1] = 'Z';
		bytes[0x3c] = (byte) 0x80;
		bytes[0x80] = 'P';
		bytes[0x81] = 'E';
		return bytes;
	}

	/** A minimal spreadsheet: the parts that make a zip an OOXML workbook. */
	public static byte[] xlsx() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			put(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>");
			put(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
			put(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheets/></workbook>");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private static void put(ZipOutputStream zip, String name, String content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(content.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

}
