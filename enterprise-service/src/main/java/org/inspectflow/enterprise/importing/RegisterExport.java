package org.inspectflow.enterprise.importing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVPrinter;
import org.inspectflow.enterprise.register.Enterprise;
import org.inspectflow.enterprise.register.EnterpriseRegister;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

/**
 * Writes a filtered set of the register as CSV while reading it from a cursor, so that an export of any size holds
 * one enterprise in memory at a time. The file starts with a byte-order mark (spreadsheet programs then read the
 * Chinese names right) and can be imported again.
 */
@Service
public class RegisterExport {

	private final EnterpriseRegister register;

	RegisterExport(EnterpriseRegister register) {
		this.register = register;
	}

	/** @return the number of enterprises written */
	public long write(Criteria scope, String district, OutputStream out) throws IOException {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		long written = 0;
		try (CSVPrinter printer = new CSVPrinter(writer, EnterpriseCsv.FORMAT);
				Stream<Enterprise> enterprises = this.register.stream(scope, district)) {
			printer.printRecord(EnterpriseCsv.EXPORT_COLUMNS);
			for (Enterprise e : (Iterable<Enterprise>) enterprises::iterator) {
				printer.printRecord(e.uscc(), e.name(), e.address(), e.latitude(), e.longitude(), e.district(),
						e.street(), e.grid(), e.industryCode(), e.industryName(), e.dischargePermitNumber(),
						e.keyPollutantUnit(), e.city(), e.positiveList(), e.riskTier(),
						String.join(" | ", e.riskReasons()));
				written++;
			}
		}
		return written;
	}

}
