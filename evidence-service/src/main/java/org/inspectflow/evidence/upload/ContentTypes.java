package org.inspectflow.evidence.upload;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.apache.tika.Tika;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;

import org.springframework.stereotype.Component;

/**
 * What a file is, from its bytes (Apache Tika's magic and container detection), never from its name or the
 * browser's header; and whether it may be evidence. A CSV has no magic: bytes that are plain text count as CSV only
 * when the name says so.
 */
@Component
class ContentTypes {

	/** The allow-list: content type → file extension in bundles. */
	static final Map<String, String> ALLOWED = Map.of("image/jpeg", "jpg", "image/png", "png", "image/heic", "heic",
			"image/heif", "heif", "application/pdf", "pdf", "video/mp4", "mp4", "text/csv", "csv",
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

	private final Tika tika = new Tika();

	/** Detects from the stream, which must support mark/reset; it is reset to where it was. */
	String detect(InputStream stream, String filename) throws IOException {
		Metadata metadata = new Metadata();
		String detected = this.tika.getDetector().detect(stream, metadata).getBaseType().toString();
		if ("text/plain".equals(detected) && filename != null && filename.toLowerCase().endsWith(".csv")) {
			return "text/csv";
		}
		if ("application/x-tika-ooxml".equals(detected)) {
			// the bytes prove an Office Open XML package; the name picks which of its formats (a plain zip is refused)
			metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, filename);
			String refined = this.tika.getDetector().detect(stream, metadata).getBaseType().toString();
			if (refined.startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml")) {
				return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
			}
		}
		return detected;
	}

	boolean isAllowed(String contentType) {
		return ALLOWED.containsKey(contentType);
	}

	static String extension(String contentType) {
		return ALLOWED.getOrDefault(contentType, "bin");
	}

}
