package org.inspectflow.enterprise.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.mongodb.bulk.BulkWriteResult;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.bson.Document;
import org.inspectflow.enterprise.importing.ImportReport.RowError;
import org.inspectflow.enterprise.importing.domain.RegisterRow;
import org.inspectflow.enterprise.register.EnterpriseRegister;
import org.inspectflow.enterprise.risk.RiskService;
import org.inspectflow.enterprise.risk.domain.RiskRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Streamed CSV import into the register: the file is read row by row (never whole), good rows are upserted by USCC
 * in unordered bulk writes of {@code batchSize}, bad rows are reported by line with their reasons. Memory stays
 * bounded by the batch, however long the file: a USCC seen earlier in the same file is found in the register itself,
 * where each stored row records the import and line it came from.
 */
@Service
public class RegisterImport {

	/** Refused rows listed in a report; the rest are only counted. */
	public static final int MAX_REPORTED_ERRORS = 1000;

	private static final Logger log = LoggerFactory.getLogger(RegisterImport.class);

	private static final String IMPORT = "import";

	private final MongoTemplate mongo;

	private final RiskService risk;

	private final int batchSize;

	RegisterImport(MongoTemplate mongo, RiskService risk,
			@Value("${inspectflow.enterprise.import.batch-size:1000}") int batchSize) {
		this.mongo = mongo;
		this.risk = risk;
		this.batchSize = batchSize;
	}

	/**
	 * Imports a CSV file (see {@link EnterpriseCsv}).
	 *
	 * @throws BadFileException when the file cannot be read as CSV or its header lacks a required column
	 */
	public ImportReport importCsv(InputStream in) {
		Run run = new Run(UUID.randomUUID().toString());
		try (Reader reader = withoutByteOrderMark(in);
				CSVParser parser = EnterpriseCsv.FORMAT.builder()
					.setHeader()
					.setSkipHeaderRecord(true)
					.setIgnoreEmptyLines(false)
					.setAllowMissingColumnNames(true)
					.get()
					.parse(reader)) {
			Map<String, String> header = headerByLowerCase(parser.getHeaderNames());
			List<String> missing = EnterpriseCsv.REQUIRED.stream()
				.filter((column) -> !header.containsKey(column.toLowerCase(Locale.ROOT)))
				.toList();
			if (!missing.isEmpty()) {
				throw new BadFileException("the header lacks the column(s) " + String.join(", ", missing)
						+ "; expected " + String.join(",", EnterpriseCsv.IMPORT_COLUMNS));
			}
			long nextLine = parser.getCurrentLineNumber() + 1;
			java.util.Iterator<CSVRecord> records = parser.iterator();
			while (true) {
				CSVRecord record;
				try {
					if (!records.hasNext()) {
						break;
					}
					record = records.next();
				}
				catch (UncheckedIOException | IllegalStateException ex) {
					// malformed CSV (an unclosed quote): what was read is kept, the rest cannot be told apart
					run.reject(nextLine, null, List.of("unreadable CSV from this line on, the rest of the file was not read: "
							+ ex.getMessage()));
					break;
				}
				long line = nextLine;
				nextLine = parser.getCurrentLineNumber() + 1;
				if (isBlank(record)) {
					continue;
				}
				run.rows++;
				RegisterRow.Checked checked = RegisterRow.check((column) -> {
					String name = header.get(column.toLowerCase(Locale.ROOT));
					return (name == null || !record.isSet(name)) ? null : record.get(name);
				});
				if (!checked.good()) {
					run.reject(line, checked.uscc(), checked.reasons());
					continue;
				}
				Pending earlier = run.batch.get(checked.uscc());
				if (earlier != null) {
					run.reject(line, checked.uscc(), List.of("duplicate USCC: first on line " + earlier.line()));
					continue;
				}
				run.batch.put(checked.uscc(), new Pending(line, checked.row()));
				if (run.batch.size() >= this.batchSize) {
					flush(run);
				}
			}
			flush(run);
		}
		catch (IOException ex) {
			throw new BadFileException("the file could not be read as CSV: " + ex.getMessage());
		}
		catch (IllegalArgumentException | UncheckedIOException ex) {
			// commons-csv refuses a header it cannot use (a duplicate column name) this way
			throw new BadFileException("the file's header could not be read: " + ex.getMessage());
		}
		log.info("import {}: {} rows, {} stored ({} new, {} updated), {} refused", run.id, run.rows, run.stored(),
				run.inserted, run.updated, run.rejected);
		return new ImportReport(run.id, run.rows, run.stored(), run.inserted, run.updated, run.rejected, run.errors,
				run.rejected > run.errors.size());
	}

	private void flush(Run run) {
		if (run.batch.isEmpty()) {
			return;
		}
		// rows of this import stored by an earlier batch are duplicates; the others may exist from before
		Query existingQuery = Query.query(Criteria.where("_id").in(run.batch.keySet()));
		existingQuery.fields()
			.include(IMPORT, EnterpriseRegister.REGISTERED, EnterpriseRegister.KEY_POLLUTANT_UNIT,
					EnterpriseRegister.DISCHARGE_PERMIT);
		Map<String, Document> existing = new HashMap<>();
		this.mongo.find(existingQuery, Document.class, EnterpriseRegister.COLLECTION)
			.forEach((document) -> existing.put(document.getString("_id"), document));
		BulkOperations bulk = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, EnterpriseRegister.COLLECTION);
		Set<String> reassess = new HashSet<>();
		int writes = 0;
		Date now = new Date();
		for (Map.Entry<String, Pending> entry : run.batch.entrySet()) {
			String uscc = entry.getKey();
			Pending pending = entry.getValue();
			Document before = existing.get(uscc);
			Document earlierImport = before == null ? null : before.get(IMPORT, Document.class);
			if (earlierImport != null && run.id.equals(earlierImport.getString("id"))) {
				run.reject(pending.line, uscc,
						List.of("duplicate USCC: first on line " + earlierImport.get("line", Number.class)));
				continue;
			}
			RegisterRow row = pending.row;
			if (before != null && (!Boolean.TRUE.equals(before.getBoolean(EnterpriseRegister.REGISTERED))
					|| !Boolean.valueOf(row.keyPollutantUnit())
						.equals(before.getBoolean(EnterpriseRegister.KEY_POLLUTANT_UNIT))
					|| !java.util.Objects.equals(row.dischargePermitNumber(),
							before.getString(EnterpriseRegister.DISCHARGE_PERMIT)))) {
				reassess.add(uscc);
			}
			bulk.upsert(Query.query(Criteria.where("_id").is(uscc)), upsert(row, run.id, pending.line, now));
			writes++;
		}
		if (writes > 0) {
			BulkWriteResult result = bulk.execute();
			run.inserted += result.getUpserts().size();
			run.updated += writes - result.getUpserts().size();
		}
		reassess.forEach(this.risk::reassess);
		run.batch.clear();
	}

	private Update upsert(RegisterRow row, String importId, long line, Date now) {
		RiskRules.Assessment fresh = this.risk.assessNew(row.keyPollutantUnit(), row.dischargePermitNumber(), false);
		Update update = new Update().set(EnterpriseRegister.REGISTERED, true)
			.set(EnterpriseRegister.NAME, row.name())
			.set(EnterpriseRegister.ADDRESS, row.address())
			.set(EnterpriseRegister.LOCATION,
					new Document("latitude", row.latitude()).append("longitude", row.longitude()))
			.set(EnterpriseRegister.GEOHASH, row.geohash())
			.set(EnterpriseRegister.CITY, row.city())
			.set(EnterpriseRegister.DISTRICT, row.district())
			.set(EnterpriseRegister.STREET, row.street())
			.set(EnterpriseRegister.GRID, row.grid())
			.set(EnterpriseRegister.INDUSTRY_CODE, row.industryCode())
			.set(EnterpriseRegister.INDUSTRY_NAME, row.industryName())
			.set(EnterpriseRegister.DISCHARGE_PERMIT, row.dischargePermitNumber())
			.set(EnterpriseRegister.KEY_POLLUTANT_UNIT, row.keyPollutantUnit())
			.set(IMPORT, new Document("id", importId).append("line", line))
			.set(EnterpriseRegister.UPDATED_AT, now)
			.inc(EnterpriseRegister.VERSION, 1)
			.setOnInsert(EnterpriseRegister.POSITIVE_LIST, false)
			.setOnInsert(EnterpriseRegister.CREATED_AT, now);
		// a new enterprise has no history: its first assessment goes in with it
		this.risk.assessmentFields(fresh).forEach(update::setOnInsert);
		return update;
	}

	private static Reader withoutByteOrderMark(InputStream in) throws IOException {
		BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 64 * 1024);
		reader.mark(1);
		if (reader.read() != '\uFEFF') {
			reader.reset();
		}
		return reader;
	}

	private static Map<String, String> headerByLowerCase(List<String> names) {
		Map<String, String> byLowerCase = new LinkedHashMap<>();
		for (String name : names) {
			if (name != null) {
				byLowerCase.putIfAbsent(name.strip().toLowerCase(Locale.ROOT), name);
			}
		}
		return byLowerCase;
	}

	private static boolean isBlank(CSVRecord record) {
		for (String value : record) {
			if (value != null && !value.isBlank()) {
				return false;
			}
		}
		return true;
	}

	/** A file that is not CSV or lacks a required column: nothing of it is imported. */
	public static class BadFileException extends RuntimeException {

		BadFileException(String message) {
			super(message);
		}

	}

	private record Pending(long line, RegisterRow row) {
	}

	/** The state of one import while it runs. */
	private static final class Run {

		final String id;

		final Map<String, Pending> batch = new LinkedHashMap<>();

		final List<RowError> errors = new ArrayList<>();

		long rows;

		long inserted;

		long updated;

		long rejected;

		Run(String id) {
			this.id = id;
		}

		long stored() {
			return this.inserted + this.updated;
		}

		void reject(long line, String uscc, List<String> reasons) {
			this.rejected++;
			if (this.errors.size() < MAX_REPORTED_ERRORS) {
				this.errors.add(new RowError(line, uscc, reasons));
			}
		}

	}

}
