package org.inspectflow.contracts.events;

/**
 * What a piece of evidence is; case-file evaluation checks that a file has the kinds it needs.
 */
public enum EvidenceKind {

	PHOTO, VIDEO, DOCUMENT, SAMPLING_RESULT, MONITORING_DATA, TEST_REPORT, INSPECTION_RECORD

}
