package org.inspectflow.enterprise.importing;

import java.util.List;

import org.apache.commons.csv.CSVFormat;

/** The CSV layout of import and export: one header row, these column names, UTF-8 (a byte-order mark is allowed). */
public final class EnterpriseCsv {

	/** The columns an import reads; {@link #REQUIRED} must be in the header. */
	public static final List<String> IMPORT_COLUMNS = List.of("uscc", "name", "address", "latitude", "longitude",
			"district", "street", "grid", "industryCode", "industryName", "dischargePermitNumber", "keyPollutantUnit");

	static final List<String> REQUIRED = List.of("uscc", "name", "latitude", "longitude", "district");

	/** Export writes the import's columns first, so that an export can be imported again, then what it derived. */
	static final List<String> EXPORT_COLUMNS = concat(IMPORT_COLUMNS,
			List.of("city", "positiveList", "riskTier", "riskReasons"));

	static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

	private EnterpriseCsv() {
	}

	private static List<String> concat(List<String> a, List<String> b) {
		return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
	}

}
