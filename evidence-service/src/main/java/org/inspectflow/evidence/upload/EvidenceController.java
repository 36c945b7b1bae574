package org.inspectflow.evidence.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.client.gridfs.GridFSBucket;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.inspectflow.contracts.events.EvidenceKind;
import org.inspectflow.evidence.cases.CaseAccess;
import org.inspectflow.evidence.cases.CaseRecord;
import org.inspectflow.evidence.chain.ChainVerifier;
import org.inspectflow.evidence.chain.Ledger;
import org.inspectflow.evidence.chain.domain.HashChain;
import org.inspectflow.support.web.Problems;
import org.inspectflow.support.security.Caller;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A case's evidence. Upload: officers of the case's district, supervisors of its city, and the case's enterprise
 * once ordered to rectify (its proof); one file per request, read as a stream: a multipart part named {@code file}
 * (forms, browsers), or the whole request body with its name in {@code Content-Disposition} (large files).
 * What the service decides (uploader, role, sequence, hashes, flags, the case's enterprise) comes from the token, the
 * bytes and the case, never from the request: other parts and parameters are ignored. Read: the officials (admins
 * too) all of it, the enterprise what it added or was shared with it; every download is audited. Verify: the
 * officials.
 */
@RestController
class EvidenceController {

	/**
	 * What an enterprise may say its file is: an inspection record or a sampling result is the officers' work, and a
	 * case file is scored on having them (案卷评查), so the enterprise cannot label its own file as one.
	 */
	static final Set<EvidenceKind> ENTERPRISE_KINDS = Collections.unmodifiableSet(EnumSet.of(EvidenceKind.PHOTO,
			EvidenceKind.VIDEO, EvidenceKind.DOCUMENT, EvidenceKind.MONITORING_DATA, EvidenceKind.TEST_REPORT));

	private final CaseAccess access;

	private final UploadService uploads;

	private final Ledger ledger;

	private final ChainVerifier verifier;

	private final GridFSBucket files;

	private final MongoTemplate mongo;

	EvidenceController(CaseAccess access, UploadService uploads, Ledger ledger, ChainVerifier verifier,
			GridFSBucket files, MongoTemplate mongo) {
		this.access = access;
		this.uploads = uploads;
		this.ledger = ledger;
		this.verifier = verifier;
		this.files = files;
		this.mongo = mongo;
	}

	@PostMapping("/cases/{caseId}/evidence")
	ResponseEntity<EvidenceView> upload(@AuthenticationPrincipal Jwt jwt, @PathVariable String caseId,
			@RequestParam(required = false) EvidenceKind kind, @RequestParam(required = false) Double latitude,
			@RequestParam(required = false) Double longitude, @RequestParam(required = false) Instant takenAt,
			@RequestParam(defaultValue = "false") boolean share, HttpServletRequest request) throws IOException {
		Caller caller = Caller.from(jwt);
		CaseRecord target = this.access.addable(caller, caseId);
		boolean byEnterprise = !this.access.collects(caller, target);
		if (byEnterprise && kind != null && !ENTERPRISE_KINDS.contains(kind)) {
			throw Problems.badRequest("an enterprise's evidence may be " + ENTERPRISE_KINDS + "; " + kind
					+ " is made by the officers");
		}
		if (target.ended()) {
			throw Problems.of(HttpStatus.CONFLICT, "case " + caseId + " has ended: its evidence is closed");
		}
		if ((latitude == null) != (longitude == null) || (latitude != null
				&& (Math.abs(latitude) > 90 || Math.abs(longitude) > 180))) {
			throw Problems.badRequest("latitude and longitude come together, in degrees (WGS 84)");
		}
		UploadService.Declared declared = new UploadService.Declared(kind, latitude, longitude, takenAt,
				share && !byEnterprise);
		if (!JakartaServletFileUpload.isMultipartContent(request)) {
			return rawUpload(caller, byEnterprise, target, declared, request);
		}
		try {
			FileItemInputIterator parts = new JakartaServletFileUpload<>().getItemIterator(request);
			while (parts.hasNext()) {
				FileItemInput part = parts.next();
				if (part.isFormField() || !"file".equals(part.getFieldName())) {
					continue;
				}
				try (InputStream body = part.getInputStream()) {
					UploadService.Stored stored = this.uploads.store(caller, byEnterprise, target, declared,
							part.getName(), body);
					return ResponseEntity.status(stored.created() ? HttpStatus.CREATED : HttpStatus.OK)
						.body(EvidenceView.of(stored.entry()));
				}
			}
		}
		catch (FileUploadException ex) {
			throw Problems.badRequest("the multipart body could not be read (" + ex.getMessage()
					+ "): send it again, whole");
		}
		throw Problems.badRequest("no part named 'file' in the multipart body");
	}

	/**
	 * The file as the whole request body (any type but multipart; the name from {@code Content-Disposition}), for
	 * large files and clients that are not forms: no multipart boundary has to be searched for in every byte, which
	 * is most of a large multipart upload's cost. The same checks, chain and event as a multipart upload.
	 */
	private ResponseEntity<EvidenceView> rawUpload(Caller caller, boolean byEnterprise, CaseRecord target,
			UploadService.Declared declared, HttpServletRequest request) throws IOException {
		String filename = null;
		String disposition = request.getHeader(HttpHeaders.CONTENT_DISPOSITION);
		if (disposition != null) {
			try {
				filename = ContentDisposition.parse(disposition).getFilename();
			}
			catch (IllegalArgumentException ex) {
				throw Problems.badRequest("the Content-Disposition header could not be read (" + ex.getMessage()
						+ "); send e.g. attachment; filename=\"photo.jpg\"");
			}
		}
		UploadService.Stored stored;
		try (InputStream body = request.getInputStream()) {
			stored = this.uploads.store(caller, byEnterprise, target, declared, (filename == null) ? "upload" : filename,
					body);
		}
		catch (IOException ex) { // Tomcat reports a body cut short as a ClientAbortException (an IOException)
			throw Problems.badRequest("the body could not be read to its end (" + ex.getMessage()
					+ "): send the file again, whole");
		}
		return ResponseEntity.status(stored.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(EvidenceView.of(stored.entry()));
	}

	@GetMapping("/cases/{caseId}/evidence")
	List<EvidenceView> list(@AuthenticationPrincipal Jwt jwt, @PathVariable String caseId) {
		Caller caller = Caller.from(jwt);
		CaseRecord target = this.access.reachable(caller, caseId);
		boolean official = this.access.isOfficial(caller, target);
		return this.ledger.entries(caseId)
			.stream()
			.filter((entry) -> official || visibleToEnterprise(entry))
			.map(EvidenceView::of)
			.toList();
	}

	@GetMapping("/cases/{caseId}/evidence/{evidenceId}/content")
	void download(@AuthenticationPrincipal Jwt jwt, @PathVariable String caseId, @PathVariable String evidenceId,
			HttpServletResponse response) throws IOException {
		Caller caller = Caller.from(jwt);
		CaseRecord target = this.access.reachable(caller, caseId);
		Document entry = this.ledger.entry(caseId, evidenceId)
			.filter((found) -> this.access.isOfficial(caller, target) || visibleToEnterprise(found))
			.orElseThrow(() -> Problems.notFound("no evidence " + evidenceId + " in case " + caseId + " for you"));
		this.mongo.insert(new Document("caseId", caseId).append("evidenceId", evidenceId)
			.append("username", caller.username())
			.append("at", Date.from(Instant.now())), "downloads");
		@SuppressWarnings("unchecked")
		Map<String, Object> metadata = (Map<String, Object>) entry.get("metadata");
		response.setContentType(String.valueOf(metadata.get("contentType")));
		response.setHeader("Content-Disposition", "attachment; filename=\"" + evidenceId + "."
				+ ContentTypes.extension(String.valueOf(metadata.get("contentType"))) + "\"");
		response.setHeader("X-Content-SHA256", entry.getString("sha256"));
		try (OutputStream out = response.getOutputStream()) {
			this.files.downloadToStream((ObjectId) entry.get("fileId"), out);
		}
	}

	@GetMapping("/cases/{caseId}/chain/verify")
	HashChain.Verdict verify(@AuthenticationPrincipal Jwt jwt, @PathVariable String caseId) {
		Caller caller = Caller.from(jwt);
		CaseRecord target = this.access.reachable(caller, caseId);
		if (!this.access.isOfficial(caller, target)) {
			throw Problems.of(HttpStatus.FORBIDDEN, "officers verify a case's chain; export it to check it yourself");
		}
		return this.verifier.verify(caseId);
	}

	@SuppressWarnings("unchecked")
	private static boolean visibleToEnterprise(Document entry) {
		return "true".equals(((Map<String, Object>) entry.get("metadata")).get(Ledger.SHARED_WITH_ENTERPRISE));
	}

	/** A link of the chain as the API shows it. */
	record EvidenceView(long sequence, String evidenceId, String sha256, String hash, String previousHash,
			String actor, String at, Map<String, Object> metadata) {

		@SuppressWarnings("unchecked")
		static EvidenceView of(Document entry) {
			return new EvidenceView(entry.get("sequence", Number.class).longValue(), entry.getString("evidenceId"),
					entry.getString("sha256"), entry.getString("hash"), entry.getString("previousHash"),
					entry.getString("actor"), entry.getString("at"), (Map<String, Object>) entry.get("metadata"));
		}

	}

}
