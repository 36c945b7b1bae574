package org.inspectflow.evidence.export;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.gridfs.GridFSBucket;
import jakarta.servlet.http.HttpServletResponse;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.inspectflow.evidence.cases.CaseAccess;
import org.inspectflow.evidence.cases.CaseRecord;
import org.inspectflow.evidence.chain.Ledger;
import org.inspectflow.support.web.Problems;
import org.inspectflow.support.security.Caller;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A case's evidence bundle, for a court or the enterprise to check without trusting the server: a zip of the files,
 * {@code manifest.json} (each link's metadata and file name) and {@code chain.json} (the links), streamed as it is
 * written. Check it with {@code java -jar evidence-service.jar verify bundle.zip}. Role: officials of the case.
 */
@RestController
class BundleController {

	private final CaseAccess access;

	private final Ledger ledger;

	private final GridFSBucket files;

	private final ObjectMapper json;

	BundleController(CaseAccess access, Ledger ledger, GridFSBucket files, ObjectMapper json) {
		this.access = access;
		this.ledger = ledger;
		this.files = files;
		this.json = json;
	}

	@GetMapping("/cases/{caseId}/evidence/bundle")
	void export(@AuthenticationPrincipal Jwt jwt, @PathVariable String caseId, HttpServletResponse response)
			throws IOException {
		Caller caller = Caller.from(jwt);
		CaseRecord target = this.access.reachable(caller, caseId);
		if (!this.access.isOfficial(caller, target)) {
			throw Problems.of(HttpStatus.FORBIDDEN, "officers export a case's evidence");
		}
		List<Document> entries = this.ledger.entries(caseId);
		response.setContentType("application/zip");
		response.setHeader("Content-Disposition", "attachment; filename=\"" + caseId + "-evidence.zip\"");
		List<Map<String, Object>> chain = new ArrayList<>();
		List<Map<String, Object>> manifest = new ArrayList<>();
		try (ZipOutputStream zip = new ZipOutputStream(response.getOutputStream())) {
			for (Document entry : entries) {
				@SuppressWarnings("unchecked")
				Map<String, Object> metadata = (Map<String, Object>) entry.get("metadata");
				String file = String.format("files/%06d-%s.%s", entry.get("sequence", Number.class).longValue(),
						entry.getString("evidenceId"), extension(String.valueOf(metadata.get("contentType"))));
				zip.putNextEntry(new ZipEntry(file));
				this.files.downloadToStream((ObjectId) entry.get("fileId"), zip);
				zip.closeEntry();
				Map<String, Object> link = new LinkedHashMap<>();
				for (String key : List.of("sequence", "evidenceId", "sha256", "metadataDigest", "actor", "at",
						"previousHash", "hash")) {
					link.put(key, entry.get(key));
				}
				chain.add(link);
				manifest.add(Map.of("sequence", entry.get("sequence"), "evidenceId", entry.getString("evidenceId"),
						"file", file, "metadata", metadata));
			}
			zip.putNextEntry(new ZipEntry("chain.json"));
			zip.write(this.json.writerWithDefaultPrettyPrinter().writeValueAsBytes(chain));
			zip.closeEntry();
			zip.putNextEntry(new ZipEntry("manifest.json"));
			zip.write(this.json.writerWithDefaultPrettyPrinter()
				.writeValueAsBytes(Map.of("caseId", caseId, "exportedAt", Instant.now().toString(), "exportedBy",
						caller.username(), "entries", manifest)));
			zip.closeEntry();
		}
	}

	private static String extension(String contentType) {
		return switch (contentType) {
			case "image/jpeg" -> "jpg";
			case "image/png" -> "png";
			case "image/heic" -> "heic";
			case "application/pdf" -> "pdf";
			case "video/mp4" -> "mp4";
			case "text/csv" -> "csv";
			case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" -> "xlsx";
			default -> "bin";
		};
	}

}
