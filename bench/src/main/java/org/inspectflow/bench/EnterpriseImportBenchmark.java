package org.inspectflow.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.inspectflow.enterprise.EnterpriseServiceApplication;
import org.inspectflow.enterprise.importing.EnterpriseCsv;
import org.inspectflow.enterprise.importing.ImportReport;
import org.inspectflow.enterprise.importing.RegisterImport;
import org.inspectflow.support.validation.Uscc;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The streamed register import over a generated CSV of many rows (valid synthetic enterprises, one bad row in a
 * thousand), against the MongoDB-wire dev server that bench/run starts on its own port: rows per second, and the
 * benchmark JVM's peak resident memory against its size at the start — bounded memory means the peak does not grow
 * with the file. The CSV is generated while it is read (a pipe), so it never exists whole anywhere.
 * <p>
 * {@code bench/run import} ({@code ROWS=100000}; {@code ROWS=1000000} for the million, about a quarter hour
 * on the dev server).
 */
public final class EnterpriseImportBenchmark {

	private EnterpriseImportBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int rows = Integer.getInteger("rows", 100_000);
		String mongo = System.getProperty("mongo", "mongodb://127.0.0.1:27417");
		String[] settings = { "--spring.data.mongodb.uri=" + mongo, "--spring.data.mongodb.database=inspectflow-bench",
				"--inspectflow.enterprise.seed.enabled=false", "--spring.rabbitmq.listener.simple.auto-startup=false",
				"--spring.rabbitmq.listener.direct.auto-startup=false",
				"--inspectflow.messaging.outbox-relay.enabled=false", "--logging.level.root=WARN",
				"--spring.main.banner-mode=off",
				// the benchmark jar carries workflow-service (JDBC, the engine) for its own benchmark; this one has none
				"--spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration,"
						+ "org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration,"
						+ "org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration,"
						+ "org.inspectflow.support.outbox.JdbcMessagingAutoConfiguration,"
						+ "org.operaton.bpm.spring.boot.starter.OperatonBpmAutoConfiguration,"
						+ "org.operaton.bpm.spring.boot.starter.rest.OperatonBpmRestJerseyAutoConfiguration" };
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(EnterpriseServiceApplication.class)
			.web(WebApplicationType.NONE)
			.run(settings)) {
			RegisterImport importer = context.getBean(RegisterImport.class);
			long startRss = rssKb("VmRSS");
			System.out.printf("register import of %,d generated rows (1 bad in 1,000) into the dev server at %s%n",
					rows, mongo);
			long start = System.nanoTime();
			ImportReport report;
			try (InputStream csv = generated(rows)) {
				report = importer.importCsv(csv);
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			long peakRss = rssKb("VmHWM");
			System.out.printf("stored %,d, rejected %,d (%d listed) in %.1f s: %,.0f rows/s%n", report.stored(),
					report.rejected(), report.errors().size(), seconds, report.rows() / seconds);
			System.out.printf("RSS: %d MB at the start, %d MB at the peak (heap capped by -Xmx)%n", startRss / 1024,
					peakRss / 1024);
		}
	}

	/** The CSV, written by another thread into a pipe as it is read. */
	private static InputStream generated(int rows) throws IOException {
		PipedInputStream in = new PipedInputStream(1 << 16);
		PipedOutputStream out = new PipedOutputStream(in);
		Thread writer = new Thread(() -> {
			try (Writer csv = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8)) {
				csv.write(String.join(",", EnterpriseCsv.IMPORT_COLUMNS) + "\n");
				String[] districts = { "440303", "440304", "440305", "440306", "440307", "440309" };
				for (int i = 0; i < rows; i++) {
					String district = districts[i % districts.length];
					String first17 = "91" + district + String.format("%09d", i);
					String uscc = first17 + Uscc.checkCharacter(first17);
					if (i % 1000 == 999) {
						uscc = first17 + "I";
					}
					csv.write(String.join(",", List.of(uscc, "基准企业" + i, "深圳市某区某路" + i + "号",
							String.format("%.6f", 22.5 + (i % 1000) / 10000.0),
							String.format("%.6f", 114.0 + (i % 997) / 10000.0), district, district + "001",
							district + "001001", "C3360", "金属表面处理", "", Boolean.toString(i % 10 == 0))) + "\n");
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}, "csv-generator");
		writer.setDaemon(true);
		writer.start();
		return in;
	}

	private static long rssKb(String field) throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
			if (line.startsWith(field + ":")) {
				return Long.parseLong(line.replaceAll("[^0-9]", ""));
			}
		}
		return -1;
	}

}
