package org.inspectflow.enterprise.trace;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.Document;
import org.inspectflow.contracts.commands.ReportClue;
import org.inspectflow.enterprise.TestRegister;
import org.inspectflow.enterprise.importing.RegisterImport;
import org.inspectflow.enterprise.monitoring.MonitoringRegister;
import org.inspectflow.enterprise.monitoring.MonitoringRegister.Company;
import org.inspectflow.enterprise.monitoring.MonitoringRegister.Engagement;
import org.inspectflow.enterprise.monitoring.MonitoringRegister.ServiceType;
import org.inspectflow.enterprise.register.domain.SyntheticUscc;
import org.inspectflow.enterprise.trace.domain.TraceIds;
import org.inspectflow.support.outbox.MongoOutbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fraud trace on the MongoDB-wire server: which engagements overlap a period (edges included), one clue per client
 * in one document's outbox, a retried trace that sends nothing, and a supervisor's trace limited to the city.
 */
class FraudTraceTest {

	static final String FUTIAN = "914403040000DM001P";

	static final String NANSHAN = "914403050000DM0029";

	static final String GUANGZHOU = SyntheticUscc.of("440106", 1);

	static final String LATE = SyntheticUscc.of("440304", 2);

	static final String UNREGISTERED = SyntheticUscc.of("440305", 3);

	static final Company COMPANY = new Company(SyntheticUscc.of("440303", 7), "深圳示例检测技术有限公司", "QC-7");

	static final LocalDate FROM = LocalDate.parse("2025-03-01");

	static final LocalDate TO = LocalDate.parse("2025-06-30");

	TestRegister test;

	FraudTrace trace;

	@BeforeEach
	void start() {
		this.test = TestRegister.start(Clock.fixed(Instant.parse("2026-11-30T08:00:00Z"), ZoneOffset.UTC));
		this.trace = this.test.get(FraudTrace.class);
		String csv = "uscc,name,latitude,longitude,district\n" + FUTIAN + ",福田示范电镀有限公司,22.521907,114.058911,440304\n"
				+ NANSHAN + ",南山示范印染有限公司,22.580310,113.951820,440305\n" + GUANGZHOU
				+ ",天河示例有限公司,23.1291,113.3612,440106\n" + LATE + ",福田后来有限公司,22.53,114.05,440304\n";
		this.test.get(RegisterImport.class).importCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
		MonitoringRegister monitoring = this.test.get(MonitoringRegister.class);
		monitoring.ensureIndexes();
		monitoring.saveCompanies(List.of(COMPANY, new Company(SyntheticUscc.of("440303", 8), "另一家检测公司", "QC-8")));
		monitoring.saveEngagements(List.of(
				// ends on the first day of the period: overlaps
				new Engagement("E1", FUTIAN, COMPANY.uscc(), ServiceType.ACCEPTANCE_TEST, LocalDate.parse("2024-01-01"),
						FROM),
				// starts on the last day: overlaps; a second engagement of the same client
				new Engagement("E2", NANSHAN, COMPANY.uscc(), ServiceType.SELF_MONITORING, TO,
						LocalDate.parse("2026-01-01")),
				new Engagement("E3", NANSHAN, COMPANY.uscc(), ServiceType.ONLINE_MONITORING_OPERATION,
						LocalDate.parse("2025-04-01"), LocalDate.parse("2025-04-30")),
				new Engagement("E4", GUANGZHOU, COMPANY.uscc(), ServiceType.SELF_MONITORING, FROM, TO),
				// starts the day after the period, ended the day before: no overlap
				new Engagement("E5", LATE, COMPANY.uscc(), ServiceType.SELF_MONITORING, TO.plusDays(1),
						LocalDate.parse("2026-01-01")),
				new Engagement("E6", LATE, COMPANY.uscc(), ServiceType.SELF_MONITORING, LocalDate.parse("2024-01-01"),
						FROM.minusDays(1)),
				new Engagement("E7", UNREGISTERED, COMPANY.uscc(), ServiceType.SELF_MONITORING, FROM, TO),
				// another company's client
				new Engagement("E8", LATE, SyntheticUscc.of("440303", 8), ServiceType.SELF_MONITORING, FROM, TO)));
	}

	@AfterEach
	void stop() {
		this.test.close();
	}

	@Test
	void listsClientsWhoseEngagementOverlapsThePeriodEdgesIncluded() {
		FraudTrace.Clients all = this.trace.clients(COMPANY, FROM, TO, null);
		assertThat(all.clients()).extracting(FraudTrace.Client::enterpriseUscc)
			.containsExactlyInAnyOrder(FUTIAN, NANSHAN, GUANGZHOU, UNREGISTERED);
		FraudTrace.Client nanshan = all.clients().stream()
			.filter((c) -> c.enterpriseUscc().equals(NANSHAN))
			.findFirst()
			.orElseThrow();
		assertThat(nanshan.serviceTypes()).containsExactly("ONLINE_MONITORING_OPERATION", "SELF_MONITORING");
		assertThat(nanshan.engagedFrom()).isEqualTo("2025-04-01");
		assertThat(nanshan.engagedTo()).isEqualTo("2026-01-01");
		assertThat(this.trace.clients(COMPANY, TO.plusDays(1), TO.plusDays(1), null).clients())
			.extracting(FraudTrace.Client::enterpriseUscc)
			.containsExactlyInAnyOrder(NANSHAN, LATE);
		assertThat(TraceIds.overlaps(FROM, TO, TO, TO)).isTrue();
		assertThat(TraceIds.overlaps(FROM, TO, TO.plusDays(1), TO.plusDays(2))).isFalse();
		assertThat(TraceIds.overlaps(FROM, TO, FROM.minusDays(2), FROM.minusDays(1))).isFalse();
	}

	@Test
	void aSupervisorTracesOnlyTheirCityAndLearnsHowManyWereLeftOut() {
		FraudTrace.Clients shenzhen = this.trace.clients(COMPANY, FROM, TO, "440300");
		assertThat(shenzhen.clients()).extracting(FraudTrace.Client::enterpriseUscc)
			.containsExactlyInAnyOrder(FUTIAN, NANSHAN);
		assertThat(shenzhen.outsideScope()).as("Guangzhou's and the unregistered client").isEqualTo(2);
		FraudTrace.Result result = this.trace.trace(COMPANY, FROM, TO, "CASE-2026-000042", "伪造验收报告", "440300",
				"supervisor1");
		assertThat(result.clues()).extracting(FraudTrace.Clue::enterpriseUscc).containsExactlyInAnyOrder(FUTIAN, NANSHAN);
		assertThat(result.outsideScope()).isEqualTo(2);
	}

	@Test
	void opensOneClueForEachClientInOneDocumentAndARetrySendsNothing() throws Exception {
		FraudTrace.Result first = this.trace.trace(COMPANY, FROM, TO, "CASE-2026-000042", "伪造验收报告 faked report",
				null, "admin1");
		assertThat(first.created()).isTrue();
		assertThat(first.clues()).hasSize(4);
		List<JsonNode> commands = outbox(first.traceId());
		assertThat(commands).hasSize(4);
		JsonNode one = commands.stream()
			.filter((c) -> c.get("data").get("enterpriseUscc").asText().equals(FUTIAN))
			.findFirst()
			.orElseThrow();
		assertThat(one.get("type").asText()).isEqualTo(ReportClue.TYPE);
		assertThat(one.get("correlationid").asText()).isEqualTo(first.traceId());
		JsonNode clue = one.get("data");
		assertThat(clue.get("source").asText()).isEqualTo("FRAUD_TRACE");
		assertThat(clue.get("problemType").asText()).isEqualTo("MONITORING_DATA_FRAUD");
		assertThat(clue.get("clientReference").asText()).isEqualTo("CASE-2026-000042");
		assertThat(clue.get("reportedBy").asText()).isEqualTo("admin1");
		assertThat(clue.get("description").asText()).contains(COMPANY.name()).contains("CASE-2026-000042");
		assertThat(clue.get("location").get("latitude").asDouble()).isEqualTo(22.521907);
		assertThat(clue.get("clueId").asText())
			.isEqualTo(TraceIds.clueId(java.util.UUID.fromString(first.traceId()), FUTIAN).toString());

		FraudTrace.Result retry = this.trace.trace(COMPANY, FROM, TO, "CASE-2026-000042", "伪造验收报告 faked report",
				null, "admin1");
		assertThat(retry.created()).isFalse();
		assertThat(retry.traceId()).isEqualTo(first.traceId());
		assertThat(retry.clues()).isEqualTo(first.clues());
		assertThat(this.test.mongo().getCollection(FraudTrace.COLLECTION).countDocuments()).isEqualTo(1);
		assertThat(outbox(first.traceId())).as("nothing more to send").hasSize(4);

		FraudTrace.Result other = this.trace.trace(COMPANY, FROM, TO, "CASE-2026-000043", "another source", null,
				"admin1");
		assertThat(other.created()).isTrue();
		assertThat(other.clues().get(0).clueId()).isNotIn(first.clues().stream().map(FraudTrace.Clue::clueId).toList());
	}

	private List<JsonNode> outbox(String traceId) {
		Document raw = this.test.mongo().findById(traceId, Document.class, FraudTrace.COLLECTION);
		ObjectMapper json = this.test.get(ObjectMapper.class);
		return raw.getList(MongoOutbox.FIELD, Document.class, List.of()).stream().map((entry) -> {
			try {
				return json.readTree(entry.getString("body"));
			}
			catch (Exception ex) {
				throw new AssertionError(ex);
			}
		}).toList();
	}

}
