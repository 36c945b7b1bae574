package org.inspectflow.enterprise.importing;

import java.util.List;

/**
 * What an import did: every good row was stored (inserted or updated by USCC), every bad row is counted and, up to
 * {@link RegisterImport#MAX_REPORTED_ERRORS}, listed with its line and reasons.
 *
 * @param rows data rows read (the header and blank lines not counted)
 * @param errorsTruncated true when more rows were refused than are listed
 */
public record ImportReport(String importId, long rows, long stored, long inserted, long updated, long rejected,
		List<RowError> errors, boolean errorsTruncated) {

	public ImportReport {
		errors = List.copyOf(errors);
	}

	/**
	 * A refused row.
	 *
	 * @param line the line of the file the row starts on (the header is line 1)
	 * @param uscc the USCC as read; null when the row had none
	 */
	public record RowError(long line, String uscc, List<String> reasons) {

		public RowError {
			reasons = List.copyOf(reasons);
		}

	}

}
