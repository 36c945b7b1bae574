package org.inspectflow.e2e.scenario;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import javax.imageio.ImageIO;

/**
 * Files as a phone or an office would produce them, made here so that the demo needs nothing on disk: a real JPEG
 * (different for every call, so that each upload is new evidence, not the same content again), a small PDF report
 * and a CSV of monitoring readings. Evidence-service detects their type from their bytes.
 */
final class EvidenceFiles {

	private static final Random RANDOM = new Random();

	private EvidenceFiles() {
	}

	/**
	 * A photo as a phone takes it on site: a JPEG with EXIF GPS position ({@code where}, WGS 84) and capture time
	 * (now, China Standard Time), which evidence-service reads and checks against the case's site.
	 */
	static byte[] photo(double[] where) {
		byte[] jpeg = photo();
		if (where == null) {
			return jpeg;
		}
		byte[] exif = Exif.app1(where[0], where[1], java.time.ZonedDateTime.now(java.time.ZoneId.of("Asia/Shanghai")));
		// SOI, then the EXIF segment, then everything ImageIO wrote after its SOI
		byte[] tagged = new byte[jpeg.length + exif.length];
		System.arraycopy(jpeg, 0, tagged, 0, 2);
		System.arraycopy(exif, 0, tagged, 2, exif.length);
		System.arraycopy(jpeg, 2, tagged, 2 + exif.length, jpeg.length - 2);
		return tagged;
	}

	/** A 640×480 JPEG: sky, ground and a few shapes in random colours; no metadata. */
	static byte[] photo() {
		BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setColor(new Color(120 + RANDOM.nextInt(80), 160 + RANDOM.nextInt(60), 200 + RANDOM.nextInt(55)));
			g.fillRect(0, 0, 640, 240);
			g.setColor(new Color(80 + RANDOM.nextInt(60), 70 + RANDOM.nextInt(60), 50 + RANDOM.nextInt(40)));
			g.fillRect(0, 240, 640, 240);
			for (int i = 0; i < 12; i++) {
				g.setColor(new Color(RANDOM.nextInt(256), RANDOM.nextInt(256), RANDOM.nextInt(256)));
				g.fillRect(RANDOM.nextInt(600), 120 + RANDOM.nextInt(320), 20 + RANDOM.nextInt(120), 10 + RANDOM.nextInt(90));
			}
		}
		finally {
			g.dispose();
		}
		ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
		try {
			if (!ImageIO.write(image, "jpg", jpeg)) {
				throw new IllegalStateException("this JVM has no JPEG writer");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return jpeg.toByteArray();
	}

	/** A one-page PDF whose only text is {@code line} (ASCII). */
	static byte[] pdf(String line) {
		String text = line.replace("(", "[").replace(")", "]") + " " + Long.toHexString(RANDOM.nextLong());
		String stream = "BT /F1 12 Tf 72 720 Td (" + text + ") Tj ET";
		String[] objects = { "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
				"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
				"<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
				"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>" };
		StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
		int[] offsets = new int[objects.length];
		for (int i = 0; i < objects.length; i++) {
			offsets[i] = pdf.length();
			pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
		}
		int xref = pdf.length();
		pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
		for (int offset : offsets) {
			pdf.append(String.format("%010d 00000 n \n", offset));
		}
		pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref)
			.append("\n%%EOF\n");
		return pdf.toString().getBytes(StandardCharsets.US_ASCII);
	}

	/** Hourly readings of one pollutant after a repair, all under the limit. */
	static byte[] readingsCsv(String monitorId, String pollutant, double limit) {
		StringBuilder csv = new StringBuilder("monitorId,pollutant,hour,value,limit,unit\n");
		for (int hour = 0; hour < 24; hour++) {
			double value = limit * (0.35 + RANDOM.nextDouble() * 0.3);
			csv.append(monitorId).append(',').append(pollutant).append(',').append(String.format("%02d:00", hour))
				.append(',').append(String.format("%.1f", value)).append(',').append(limit).append(",mg/m3\n");
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

}
