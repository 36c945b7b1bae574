package org.inspectflow.enterprise.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.bulk.BulkWriteUpsert;
import org.bson.BsonString;
import org.inspectflow.enterprise.register.domain.SyntheticUscc;
import org.inspectflow.enterprise.risk.RiskService;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.mockito.stubbing.Answer;

import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "A 1,000,000-row import runs in bounded memory", as a test: a child JVM whose heap is capped at {@value #HEAP} runs
 * {@link RegisterImport} over a CSV of a million rows that is generated while it is read (it never exists whole, in
 * memory or on disk) against a store stand-in that counts what it is asked to write (mocking our own store is fine
 * here: the queries are the real register's business in the integration tests and {@code bench/}). The file is about
 * 150 MB of UTF-8 text, a set of its million USCCs (the obvious way to find duplicates) about 100 MB, and each row's
 * write a few kilobytes: an import that kept the file, its keys or its writes dies of an {@code OutOfMemoryError} in
 * that heap ({@code -XX:+ExitOnOutOfMemoryError}: the child exits at once and the test fails). Keeping each row's
 * write was tried as a control run and died after a few ten thousand rows; it is not repeated here, to keep CI time
 * down. Throughput against the real store is measured in {@code bench/}, never asserted: this test asserts that the
 * import finishes within the heap, writes in batches of at most 1,000 and accounts for every row.
 */
class MillionRowImportTest {

	static final String HEAP = "64m";

	static final int ROWS = 1_000_000;

	/** Every 500th row has coordinates that are not numbers: 2,000 refused rows, of which 1,000 are listed. */
	static final int BAD_EVERY = 500;

	static final long HEAP_BYTES = 64L * 1024 * 1024;

	static final String[] DISTRICTS = { "440303", "440304", "440305", "440306", "440307", "440309" };

	@Test
	void aMillionRowsImportInASixtyFourMegabyteHeapAndEveryRowIsAccountedFor() throws Exception {
		Map<String, String> result = runChild();
		assertThat(result.get("exit")).as(result.get("output")).isEqualTo("0");
		long bad = ROWS / BAD_EVERY;
		assertThat(result).containsEntry("rows", String.valueOf(ROWS))
			.containsEntry("rejected", String.valueOf(bad))
			.containsEntry("listed", String.valueOf(RegisterImport.MAX_REPORTED_ERRORS))
			.containsEntry("truncated", "true")
			.containsEntry("stored", String.valueOf(ROWS - bad))
			.containsEntry("inserted", String.valueOf(ROWS - bad))
			.containsEntry("upserts", String.valueOf(ROWS - bad))
			.containsEntry("firstErrorLine", String.valueOf(BAD_EVERY + 1)); // the header is line 1
		// each good row written exactly once: the sequence numbers of the written USCCs add up
		long expectedSum = (long) ROWS * (ROWS - 1) / 2;
		for (long i = BAD_EVERY - 1; i < ROWS; i += BAD_EVERY) {
			expectedSum -= i;
		}
		assertThat(result).containsEntry("sequenceSum", String.valueOf(expectedSum));
		assertThat(Integer.parseInt(result.get("largestBatch"))).as("rows written per round trip")
			.isLessThanOrEqualTo(1000);
		assertThat(Long.parseLong(result.get("maxHeap"))).as("the child ran with the capped heap")
			.isLessThanOrEqualTo(HEAP_BYTES);
	}

	private static Map<String, String> runChild() throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-Xmx" + HEAP, "-XX:+UseSerialGC",
				"-XX:+ExitOnOutOfMemoryError", "-Dlogging.level.root=WARN", "-cp", System.getProperty("java.class.path"),
				Child.class.getName()));
		Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
		StringBuilder output = new StringBuilder();
		Map<String, String> result = new HashMap<>();
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = lines.readLine()) != null) {
				output.append(line).append('\n');
				if (line.startsWith("RESULT ")) {
					Matcher pair = Pattern.compile("(\\w+)=(\\S+)").matcher(line);
					while (pair.find()) {
						result.put(pair.group(1), pair.group(2));
					}
				}
			}
		}
		// only a guard against a hung child, not a timing assertion
		if (!child.waitFor(5, TimeUnit.MINUTES)) {
			child.destroyForcibly();
		}
		result.put("exit", String.valueOf(child.exitValue()));
		result.put("output", output.length() <= 4000 ? output.toString() : output.substring(output.length() - 4000));
		return result;
	}

	/** The child JVM: the import over the generated file into the counting stand-in. */
	public static final class Child {

		public static void main(String[] args) throws Exception {
			CountingStore store = new CountingStore();
			MongoTemplate mongo = Mockito.mock(MongoTemplate.class,
					Mockito.withSettings().stubOnly().defaultAnswer(store));
			var riskConstructor = RiskService.class.getDeclaredConstructor(MongoTemplate.class, Clock.class);
			riskConstructor.setAccessible(true);
			RiskService risk = riskConstructor.newInstance(mongo, Clock.systemUTC());
			RegisterImport importer = new RegisterImport(mongo, risk, 1000);
			ImportReport report;
			try (InputStream csv = new GeneratedCsv(ROWS)) {
				report = importer.importCsv(csv);
			}
			long peakHeap = 0;
			for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
				if (pool.getType() == MemoryType.HEAP) {
					peakHeap += pool.getPeakUsage().getUsed();
				}
			}
			System.out.println("RESULT rows=" + report.rows() + " stored=" + report.stored() + " inserted="
					+ report.inserted() + " rejected=" + report.rejected() + " listed=" + report.errors().size()
					+ " truncated=" + report.errorsTruncated() + " firstErrorLine=" + report.errors().get(0).line()
					+ " upserts=" + store.upserts + " sequenceSum=" + store.sequenceSum + " largestBatch="
					+ store.largestBatch + " maxHeap=" + Runtime.getRuntime().maxMemory() + " peakHeapMb="
					+ peakHeap / (1024 * 1024));
		}

	}

	/**
	 * Stands in for MongoDB: finds nothing (every USCC is new), counts the upserts of each bulk write and adds up
	 * the sequence numbers of the USCCs written. Anything else the import asked of the store would fail the run.
	 */
	static final class CountingStore implements Answer<Object> {

		long upserts;

		long sequenceSum;

		int batch;

		int largestBatch;

		@Override
		public Object answer(org.mockito.invocation.InvocationOnMock invocation) {
			String method = invocation.getMethod().getName();
			if (method.equals("find")) {
				return Collections.emptyList();
			}
			if (method.equals("bulkOps")) {
				return Proxy.newProxyInstance(BulkOperations.class.getClassLoader(),
						new Class<?>[] { BulkOperations.class }, (proxy, bulkMethod, arguments) -> {
							if (bulkMethod.getName().equals("upsert") && arguments.length == 2) {
								upsert((Query) arguments[0]);
								return proxy;
							}
							if (bulkMethod.getName().equals("execute")) {
								return execute();
							}
							throw new UnsupportedOperationException("BulkOperations." + bulkMethod.getName());
						});
			}
			throw new UnsupportedOperationException("the import asked the store for " + method);
		}

		private void upsert(Query query) {
			String uscc = query.getQueryObject().getString("_id");
			this.sequenceSum += Long.parseLong(uscc.substring(10, 17));
			this.upserts++;
			this.batch++;
		}

		private BulkWriteResult execute() {
			List<BulkWriteUpsert> upserted = new ArrayList<>(this.batch);
			for (int i = 0; i < this.batch; i++) {
				upserted.add(new BulkWriteUpsert(i, new BsonString("new")));
			}
			this.largestBatch = Math.max(this.largestBatch, this.batch);
			this.batch = 0;
			return BulkWriteResult.acknowledged(0, 0, 0, 0, upserted, List.of());
		}

	}

	/** The import file, made row by row as it is read. */
	static final class GeneratedCsv extends InputStream {

		private final int rows;

		private int next = -1;

		private byte[] current = (String.join(",", EnterpriseCsv.IMPORT_COLUMNS) + "\n")
			.getBytes(StandardCharsets.UTF_8);

		private int position;

		GeneratedCsv(int rows) {
			this.rows = rows;
		}

		@Override
		public int read() throws IOException {
			if (!fill()) {
				return -1;
			}
			return this.current[this.position++] & 0xff;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			if (length == 0) {
				return 0;
			}
			if (!fill()) {
				return -1;
			}
			int count = Math.min(length, this.current.length - this.position);
			System.arraycopy(this.current, this.position, buffer, offset, count);
			this.position += count;
			return count;
		}

		private boolean fill() {
			while (this.position == this.current.length) {
				this.next++;
				if (this.next >= this.rows) {
					return false;
				}
				this.current = row(this.next).getBytes(StandardCharsets.UTF_8);
				this.position = 0;
			}
			return true;
		}

		static String row(int i) {
			String district = DISTRICTS[i % DISTRICTS.length];
			StringBuilder row = new StringBuilder(160).append(SyntheticUscc.of(district, i))
				.append(",基准企业")
				.append(i)
				.append("有限公司,深圳市某区某路")
				.append(i)
				.append("号,");
			if (i % BAD_EVERY == BAD_EVERY - 1) {
				row.append("北纬22度");
			}
			else {
				row.append("22.").append(5000 + i % 1000);
			}
			return row.append(",114.").append(1000 + i % 997).append(',').append(district)
				.append(',').append(district).append("001,")
				.append(district).append("001001,C3360,金属表面处理,")
				.append(i % 10 == 0 ? "P-" + i : "")
				.append(',').append(i % 10 == 0)
				.append('\n')
				.toString();
		}

	}

}
