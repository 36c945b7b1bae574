package org.inspectflow.contracts.events;

import java.time.OffsetDateTime;

import org.inspectflow.contracts.GeoPoint;

/**
 * A piece of evidence was stored and chained; records and submissions refer to it by id and hash, never by content.
 *
 * @param contentType media type of the stored file
 * @param sha256 SHA-256 of the content (hex)
 * @param chainHash hash of this entry in the case's evidence chain (hex), covering the previous entry
 * @param location where it was captured; null when unknown
 * @param capturedAt when it was captured (photo time, sampling time); null when unknown
 * @param uploadedBy user name of the officer or enterprise user
 */
public record EvidenceStored(String caseId, String evidenceId, EvidenceKind kind, String contentType, long sizeBytes,
		String sha256, String chainHash, GeoPoint location, OffsetDateTime capturedAt, OffsetDateTime storedAt,
		String uploadedBy) {

	public static final String TYPE = "evidence.EvidenceStored.v1";

}
