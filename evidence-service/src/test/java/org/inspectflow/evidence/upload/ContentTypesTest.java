package org.inspectflow.evidence.upload;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The type comes from the bytes: a name or an extension proves nothing. */
class ContentTypesTest {

	private final ContentTypes types = new ContentTypes();

	private String detect(byte[] bytes, String name) throws Exception {
		BufferedInputStream in = new BufferedInputStream(new ByteArrayInputStream(bytes));
		in.mark(1 << 20);
		String type = this.types.detect(in, name);
		in.reset();
		return type;
	}

	@Test
	void photosAndDocumentsAreKnownByTheirBytes() throws Exception {
		assertThat(detect(EvidenceSamples.jpeg(7), "a.pdf")).isEqualTo("image/jpeg");
		assertThat(detect(EvidenceSamples.png(7), "a.jpg")).isEqualTo("image/png");
		assertThat(detect(EvidenceSamples.pdf(), "report")).isEqualTo("application/pdf");
	}

	@Test
	void anExecutableRenamedJpgIsStillAnExecutable() throws Exception {
		String type = detect(EvidenceSamples.windowsExecutable(), "photo.jpg");
		assertThat(type).isNotEqualTo("image/jpeg");
		assertThat(this.types.isAllowed(type)).isFalse();
	}

	@Test
	void textIsCsvOnlyWhenItsNameSaysSoAndAnOfficeFileIsKnownInsideItsZip() throws Exception {
		byte[] csv = "time,so2\n2026-03-10T01:00,212.5\n".getBytes(StandardCharsets.UTF_8);
		assertThat(detect(csv, "readings.csv")).isEqualTo("text/csv");
		assertThat(this.types.isAllowed(detect(csv, "readings.txt"))).isFalse();
		assertThat(detect(EvidenceSamples.xlsx(), "readings.xlsx"))
			.isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat(this.types.isAllowed(detect(plainZip(), "readings.xlsx"))).as("a zip named .xlsx").isFalse();
	}

	@Test
	void pathsInFileNamesAreRefused() {
		assertThatThrownBy(() -> UploadService.safeName("../../etc/passwd.jpg")).hasMessageContaining("plain file name");
		assertThatThrownBy(() -> UploadService.safeName("C:\\\\x.jpg")).hasMessageContaining("plain file name");
		assertThat(UploadService.safeName("现场照片-01.jpg")).isEqualTo("现场照片-01.jpg");
	}

	private static byte[] plainZip() throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry("notes.txt"));
			zip.write("hello".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		return bytes.toByteArray();
	}

}
