package org.inspectflow.enterprise.triage;

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
import org.inspectflow.contracts.Envelope;
import org.inspectflow.contracts.GeoPoint;
import org.inspectflow.contracts.MatchMethod;
import org.inspectflow.contracts.RiskTier;
import org.inspectflow.contracts.commands.CheckFirstOffence;
import org.inspectflow.contracts.commands.EnterpriseMatchResult;
import org.inspectflow.contracts.commands.FirstOffenceResult;
import org.inspectflow.contracts.commands.MatchEnterprise;
import org.inspectflow.enterprise.TestRegister;
import org.inspectflow.enterprise.compliance.ComplianceHistory;
import org.inspectflow.enterprise.compliance.domain.ComplianceEntry;
import org.inspectflow.enterprise.importing.RegisterImport;
import org.inspectflow.enterprise.register.domain.SyntheticUscc;
import org.inspectflow.support.outbox.MongoOutbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TriageServiceTest {

	static final String FUTIAN = "914403040000DM001P";

	static final String NANSHAN = "914403050000DM0029";

	static final String UNREGISTERED = SyntheticUscc.of("440306", 99);

	TestRegister test;

	TriageService triage;

	@BeforeEach
	void register() {
		this.test = TestRegister.start(Clock.fixed(Instant.parse("2026-11-30T08:00:00Z"), ZoneOffset.UTC));
		this.triage = this.test.get(TriageService.class);
		String csv = "uscc,name,latitude,longitude,district,keyPollutantUnit,dischargePermitNumber\n"
				+ FUTIAN + ",福田示范电镀有限公司,22.521907,114.058911,440304,true,P-1\n"
				+ NANSHAN + ",南山示范印染有限公司,22.580310,113.951820,440305,false,\n";
		this.test.get(RegisterImport.class)
			.importCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
	}

	@AfterEach
	void stop() {
		this.test.close();
	}

	@Test
	void matchesByUscc() {
		EnterpriseMatchResult result = this.triage
			.match(new MatchEnterprise("CASE-1", FUTIAN, new GeoPoint(22.580310, 113.951820), 500));
		assertThat(result).isEqualTo(new EnterpriseMatchResult("CASE-1", true, FUTIAN, RiskTier.MEDIUM, false,
				MatchMethod.USCC, "440304", "440300"));
	}

	@Test
	void matchesTheNearestSiteWhenTheUsccIsUnknownOrMissing() {
		GeoPoint nearNanshan = new GeoPoint(22.5815, 113.9520); // about 135 m away
		assertThat(this.triage.match(new MatchEnterprise("CASE-2", null, nearNanshan, 500)))
			.isEqualTo(new EnterpriseMatchResult("CASE-2", true, NANSHAN, RiskTier.LOW, false, MatchMethod.LOCATION,
					"440305", "440300"));
		assertThat(this.triage.match(new MatchEnterprise("CASE-3", UNREGISTERED, nearNanshan, 500)).method())
			.isEqualTo(MatchMethod.LOCATION);
	}

	@Test
	void matchesNothingOutsideTheRadius() {
		EnterpriseMatchResult result = this.triage
			.match(new MatchEnterprise("CASE-4", UNREGISTERED, new GeoPoint(22.5815, 113.9520), 100));
		assertThat(result).isEqualTo(
				new EnterpriseMatchResult("CASE-4", false, null, null, false, MatchMethod.NONE, null, null));
	}

	@Test
	void aFirstOffenceIsOneWithoutTheSameViolationInTwelveMonths() {
		ComplianceHistory history = this.test.get(ComplianceHistory.class);
		history.record(FUTIAN, violation("e1", "CASE-OLD", "TREATMENT_FACILITY_NOT_RUNNING", LocalDate.of(2025, 11, 1)));
		history.record(FUTIAN, violation("e2", "CASE-OTHER-TYPE", "DISCHARGE_EXCEEDS_STANDARD", LocalDate.of(2026, 6, 1)));
		history.record(FUTIAN, violation("e3", "CASE-NOW", "TREATMENT_FACILITY_NOT_RUNNING", LocalDate.of(2026, 11, 30)));

		FirstOffenceResult first = this.triage
			.checkFirstOffence(new CheckFirstOffence("CASE-NOW", FUTIAN, "TREATMENT_FACILITY_NOT_RUNNING",
					LocalDate.of(2026, 11, 30)));
		assertThat(first).as("the only earlier one is older than 12 months; its own case does not count")
			.isEqualTo(new FirstOffenceResult("CASE-NOW", true, List.of()));

		history.record(FUTIAN, violation("e4", "CASE-MAY", "TREATMENT_FACILITY_NOT_RUNNING", LocalDate.of(2026, 5, 20)));
		FirstOffenceResult repeated = this.triage
			.checkFirstOffence(new CheckFirstOffence("CASE-NOW", FUTIAN, "TREATMENT_FACILITY_NOT_RUNNING",
					LocalDate.of(2026, 11, 30)));
		assertThat(repeated).isEqualTo(new FirstOffenceResult("CASE-NOW", false, List.of("CASE-MAY")));
	}

	@Test
	void answersACommandOnceEvenWhenItIsDeliveredAgain() throws Exception {
		Envelope<MatchEnterprise> command = Envelope.of(MatchEnterprise.TYPE, "/inspectflow/workflow-service",
				"CASE-5", new MatchEnterprise("CASE-5", FUTIAN, null, 500), "corr-5", "cause-5", null);
		assertThat(this.triage.answer(command)).isTrue();
		assertThat(this.triage.answer(command)).as("redelivered").isFalse();

		List<Document> replies = this.test.mongo().findAll(Document.class, TriageService.REPLIES);
		assertThat(replies).singleElement().satisfies((reply) -> {
			assertThat(reply.getString("_id")).isEqualTo(command.id());
			assertThat(reply.getList(MongoOutbox.FIELD, Document.class)).singleElement().satisfies((event) -> {
				assertThat(event.getString("type")).isEqualTo(EnterpriseMatchResult.TYPE);
				assertThat(event.getString("exchange")).isEqualTo("inspectflow.commands");
				JsonNode body = this.test.get(ObjectMapper.class).readTree(event.getString("body"));
				assertThat(body.get("subject").asText()).isEqualTo("CASE-5");
				assertThat(body.get("correlationid").asText()).isEqualTo("corr-5");
				assertThat(body.get("causationid").asText()).isEqualTo(command.id());
				assertThat(body.get("data").get("enterpriseUscc").asText()).isEqualTo(FUTIAN);
				assertThat(body.get("data").get("method").asText()).isEqualTo("USCC");
			});
		});
	}

	private static ComplianceEntry violation(String eventId, String caseId, String type, LocalDate date) {
		return new ComplianceEntry(eventId, ComplianceEntry.Kind.VIOLATION_FOUND, caseId, date,
				date.atStartOfDay().toInstant(ZoneOffset.UTC), type, null, "CONFIRMED");
	}

}
