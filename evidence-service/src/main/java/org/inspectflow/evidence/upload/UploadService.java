package org.inspectflow.evidence.upload;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSUploadStream;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.inspectflow.contracts.GeoPoint;
import org.inspectflow.contracts.events.EvidenceKind;
import org.inspectflow.contracts.events.EvidenceStored;
import org.inspectflow.evidence.cases.CaseRecord;
import org.inspectflow.evidence.chain.Ledger;
import org.inspectflow.evidence.chain.domain.HashChain;
import org.inspectflow.support.web.Problems;
import org.inspectflow.support.messaging.Envelopes;
import org.inspectflow.support.security.Caller;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Takes one file into a case's evidence as it streams in: the type from its first bytes (refused before anything is
 * stored when not on the allow-list), the bytes into GridFS while SHA-256 is computed and the size limit enforced,
 * then the photo's EXIF, the flags, and the link in the case's chain with its {@code EvidenceStored} event. A file
 * that fails on the way is removed again: nothing half-stored remains. The same content twice in one case is kept once
 * (an enterprise's file is compared only with the links it may see, see {@link Ledger.SameFile}).
 */
@Service
class UploadService {

	/** Enough of the head of a file for every detector of the allow-list (ZIP containers read their directory). */
	private static final int DETECTION_WINDOW = 8 * 1024 * 1024;

	private final GridFSBucket files;

	private final ContentTypes types;

	private final Ledger ledger;

	private final Envelopes envelopes;

	private final EvidenceProperties properties;

	UploadService(GridFSBucket files, ContentTypes types, Ledger ledger, Envelopes envelopes,
			EvidenceProperties properties) {
		this.files = files;
		this.types = types;
		this.ledger = ledger;
		this.envelopes = envelopes;
		this.properties = properties;
	}

	/**
	 * @param byEnterprise true when the caller adds the file as the case's enterprise (its proof, shared with it),
	 * false when as the case's officer or supervisor
	 */
	Stored store(Caller caller, boolean byEnterprise, CaseRecord target, Declared declared, String filename,
			InputStream body) throws IOException {
		String name = safeName(filename);
		BufferedInputStream buffered = new BufferedInputStream(body, 64 * 1024);
		buffered.mark(1);
		if (buffered.read() < 0) {
			throw Problems.badRequest("'" + name + "' is empty");
		}
		buffered.reset();
		buffered.mark(DETECTION_WINDOW);
		String contentType = this.types.detect(buffered, name);
		buffered.reset();
		if (!this.types.isAllowed(contentType)) {
			throw Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "'" + name + "' is " + contentType
					+ " by its content; evidence may be JPEG, PNG, HEIC, PDF, MP4, CSV or XLSX");
		}
		MessageDigest sha256 = HashChain.messageDigest();
		long limit = this.properties.maxSize().toBytes();
		long size = 0;
		GridFSUploadStream upload = this.files.openUploadStream(name,
				new GridFSUploadOptions().metadata(new Document("caseId", target.caseId()).append("contentType",
						contentType)));
		try (InputStream in = new DigestInputStream(buffered, sha256)) {
			byte[] buffer = new byte[256 * 1024];
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				size += read;
				if (size > limit) {
					throw Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "'" + name + "' is larger than "
							+ this.properties.maxSize().toMegabytes() + " MB, the most one file may be");
				}
				upload.write(buffer, 0, read);
			}
			if (size == 0) {
				throw Problems.badRequest("'" + name + "' is empty");
			}
			upload.close();
		}
		catch (IOException | RuntimeException ex) {
			upload.abort();
			throw ex;
		}
		ObjectId fileId = upload.getObjectId();
		try {
			return chain(caller, byEnterprise, target, declared, name, contentType, size,
					HashChain.hex(sha256.digest()), fileId);
		}
		catch (RuntimeException ex) {
			this.files.delete(fileId);
			throw ex;
		}
	}

	private Stored chain(Caller caller, boolean byEnterprise, CaseRecord target, Declared declared, String name,
			String contentType, long size, String sha256, ObjectId fileId) {
		PhotoMetadata photo = PhotoMetadata.NONE;
		if (contentType.startsWith("image/")) {
			try (InputStream stored = this.files.openDownloadStream(fileId)) {
				photo = PhotoMetadata.read(stored);
			}
			catch (IOException ex) {
				photo = PhotoMetadata.NONE;
			}
		}
		List<String> flags = flags(target, contentType, photo, byEnterprise);
		EvidenceKind kind = declared.kind() != null ? declared.kind() : kindOf(contentType);
		Instant now = Instant.now();
		String evidenceId = "EV-" + UUID.randomUUID();
		Map<String, String> metadata = new TreeMap<>();
		metadata.put("caseId", target.caseId());
		metadata.put("filename", name);
		metadata.put("contentType", contentType);
		metadata.put("size", Long.toString(size));
		metadata.put("kind", kind.name());
		metadata.put("uploader", caller.username());
		metadata.put("uploaderRole", byEnterprise ? "enterprise" : "official");
		metadata.put(Ledger.SHARED_WITH_ENTERPRISE, Boolean.toString(byEnterprise || declared.share()));
		metadata.put("flags", String.join(",", flags));
		put(metadata, "declaredLatitude", declared.latitude());
		put(metadata, "declaredLongitude", declared.longitude());
		put(metadata, "declaredAt", declared.takenAt());
		put(metadata, "exifLatitude", photo.latitude());
		put(metadata, "exifLongitude", photo.longitude());
		put(metadata, "capturedAt", photo.capturedAt());
		final PhotoMetadata taken = photo;
		Ledger.Appended appended = this.ledger.append(target.caseId(),
				new Ledger.NewLink(evidenceId, sha256, metadata, caller.username(), now.toString(), fileId,
						byEnterprise ? Ledger.SameFile.AMONG_SHARED : Ledger.SameFile.AMONG_ALL),
				(entry) -> this.envelopes.of(EvidenceStored.TYPE, target.caseId(),
						new EvidenceStored(target.caseId(), evidenceId, kind, contentType, size, sha256,
								entry.getString("hash"), taken.latitude() == null ? null
										: new GeoPoint(taken.latitude(), taken.longitude()),
								taken.capturedAt() == null ? null : taken.capturedAt().atOffset(ZoneOffset.UTC),
								OffsetDateTime.ofInstant(now, ZoneOffset.UTC), caller.username())));
		if (!appended.created()) {
			this.files.delete(fileId);
		}
		return new Stored(appended.entry(), appended.created());
	}

	/** What a reviewer should look at twice: a photo far from the site, or taken before the order it answers. */
	private List<String> flags(CaseRecord target, String contentType, PhotoMetadata photo, boolean byEnterprise) {
		List<String> flags = new ArrayList<>();
		if (!contentType.startsWith("image/")) {
			return flags;
		}
		if (photo.latitude() == null) {
			flags.add("NO_GPS");
		}
		else if (target.latitude() != null && PhotoMetadata.distanceMeters(photo.latitude(), photo.longitude(),
				target.latitude(), target.longitude()) > this.properties.maxDistanceMeters()) {
			flags.add("FAR_FROM_SITE");
		}
		if (photo.capturedAt() == null) {
			flags.add("NO_CAPTURE_TIME");
		}
		else if (byEnterprise && target.orderedAt() != null
				&& photo.capturedAt().isBefore(target.orderedAt())) {
			flags.add("TAKEN_BEFORE_ORDER");
		}
		return flags;
	}

	private static void put(Map<String, String> metadata, String key, Object value) {
		if (value != null) {
			metadata.put(key, value.toString());
		}
	}

	private static EvidenceKind kindOf(String contentType) {
		if (contentType.startsWith("image/")) {
			return EvidenceKind.PHOTO;
		}
		if (contentType.startsWith("video/")) {
			return EvidenceKind.VIDEO;
		}
		if ("text/csv".equals(contentType) || contentType.contains("spreadsheetml")) {
			return EvidenceKind.MONITORING_DATA;
		}
		return EvidenceKind.DOCUMENT;
	}

	/** The file's own name, without any path: a name that tries to climb out is refused. */
	static String safeName(String filename) {
		if (filename == null || filename.isBlank()) {
			throw Problems.badRequest("the file part has no file name");
		}
		if (filename.contains("/") || filename.contains("\\") || filename.contains("..")
				|| filename.chars().anyMatch((c) -> c < 0x20)) {
			throw Problems.badRequest("'" + filename + "' is not a plain file name (no paths, no '..')");
		}
		if (filename.length() > 200) {
			throw Problems.badRequest("the file name is longer than 200 characters");
		}
		return filename;
	}

	/** What the uploader says: kind, where and when it was taken, whether officers share it with the enterprise. */
	record Declared(EvidenceKind kind, Double latitude, Double longitude, Instant takenAt, boolean share) {
	}

	/** @param created false when the same content was in the case's evidence already */
	record Stored(Document entry, boolean created) {
	}

}
