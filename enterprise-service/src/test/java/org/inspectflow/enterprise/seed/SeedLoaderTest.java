package org.inspectflow.enterprise.seed;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.Document;
import org.inspectflow.contracts.Envelope;
import org.inspectflow.contracts.commands.CheckFirstOffence;
import org.inspectflow.contracts.RiskTier;
import org.inspectflow.enterprise.TestRegister;
import org.inspectflow.enterprise.compliance.ComplianceEvents;
import org.inspectflow.enterprise.compliance.ComplianceHistory;
import org.inspectflow.enterprise.compliance.domain.ComplianceEntry;
import org.inspectflow.enterprise.monitoring.MonitoringRegister;
import org.inspectflow.enterprise.register.Enterprise;
import org.inspectflow.enterprise.register.EnterpriseRegister;
import org.inspectflow.enterprise.triage.TriageService;
import org.inspectflow.support.outbox.MongoOutbox;
import org.inspectflow.support.validation.Uscc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

class SeedLoaderTest {

	/**
	 * The violation types officers record: the portal's {@code VIOLATION_TYPES}, which include the first-offence list
	 * of workflow-service's {@code FirstOffenceExemption.dmn}.
	 */
	static final Set<String> RECORDED_CODES = Set.of("MONITORING_RECORDS_INCOMPLETE", "MONITORING_DATA_GAP",
			"HAZARDOUS_WASTE_LABEL_MISSING", "DISCHARGE_PERMIT_REPORT_LATE", "VOC_STORAGE_UNSEALED", "DUST_COVER_MISSING",
			"DISCHARGE_EXCEEDS_STANDARD", "NO_DISCHARGE_PERMIT", "TREATMENT_FACILITY_NOT_RUNNING",
			"MONITORING_DATA_FALSIFIED");

	static TestRegister test;

	@BeforeAll
	static void seed() {
		test = TestRegister.start(Clock.systemUTC(), Map.of("inspectflow.enterprise.seed.enabled", true));
		assertThat(test.get(SeedLoader.class).seedIfEmpty()).isTrue();
	}

	@AfterAll
	static void stop() {
		test.close();
	}

	@Test
	void loadsTheDemoRegisterOnlyWhenEmpty() {
		assertThat(test.get(SeedLoader.class).seedIfEmpty()).isFalse();
	}

	@Test
	void holdsTwoThousandSyntheticEnterprisesInSixShenzhenDistricts() {
		var all = test.mongo().findAll(Document.class, EnterpriseRegister.COLLECTION);
		assertThat(all).hasSizeGreaterThanOrEqualTo(2000);
		assertThat(all).allSatisfy((d) -> {
			assertThat(Uscc.isValid(d.getString("_id"))).isTrue();
			Document location = d.get("location", Document.class);
			assertThat(location.getDouble("latitude")).isBetween(22.44, 22.87);
			assertThat(location.getDouble("longitude")).isBetween(113.75, 114.63);
			assertThat(d.getString("city")).isEqualTo("440300");
		});
		assertThat(all.stream().map((d) -> d.getString("district")).collect(Collectors.toSet()))
			.containsExactlyInAnyOrder("440303", "440304", "440305", "440306", "440307", "440309");
		assertThat(all.stream().filter((d) -> d.getBoolean("keyPollutantUnit")).count()).isBetween(100L, 1500L);
		assertThat(all.stream().filter((d) -> d.getBoolean("positiveList")).count()).isGreaterThan(50);
		Set<String> tiers = all.stream().map((d) -> d.getString("riskTier")).collect(Collectors.toSet());
		assertThat(tiers).containsExactlyInAnyOrder("HIGH", "MEDIUM", "LOW");
	}

	@Test
	void includesTheDemoEnterprisesOfTheKeycloakUsers() {
		EnterpriseRegister register = test.get(EnterpriseRegister.class);
		Enterprise futian = register.find("914403040000DM001P").orElseThrow();
		assertThat(futian.district()).isEqualTo("440304");
		assertThat(futian.riskTier()).as("a key pollutant unit without history").isEqualTo(RiskTier.MEDIUM);
		assertThat(register.find("914403050000DM0029").orElseThrow().district()).isEqualTo("440305");
	}

	@Test
	void aSeededViolationIsFoundByTheLookBackOfANewViolationOfTheSameCode() throws Exception {
		List<Document> withViolations = test.mongo()
			.find(Query.query(Criteria.where(EnterpriseRegister.COMPLIANCE + ".kind").is("VIOLATION_FOUND")),
					Document.class, EnterpriseRegister.COLLECTION);
		assertThat(withViolations).hasSizeGreaterThan(50);
		List<ComplianceEntry> violations = withViolations.stream()
			.flatMap((d) -> ComplianceHistory.read(d).stream())
			.filter((e) -> e.kind() == ComplianceEntry.Kind.VIOLATION_FOUND)
			.toList();
		assertThat(violations).extracting(ComplianceEntry::violationType)
			.as("codes as workflow-service's verification API takes them, from the portal's list")
			.allSatisfy((code) -> assertThat(code).matches("[A-Z0-9_]+").isIn(RECORDED_CODES));

		// the first-offence check as workflow-service asks it over RabbitMQ, for a new violation of the same code
		Document enterprise = withViolations.get(0);
		String uscc = enterprise.getString("_id");
		ComplianceEntry seeded = ComplianceHistory.read(enterprise)
			.stream()
			.filter((e) -> e.kind() == ComplianceEntry.Kind.VIOLATION_FOUND)
			.findFirst()
			.orElseThrow();
		LocalDate today = LocalDate.now(ComplianceEvents.ZONE);
		assertThat(seeded.date()).isAfter(today.minusMonths(12));
		Envelope<CheckFirstOffence> command = Envelope.of(CheckFirstOffence.TYPE, "/inspectflow/workflow-service",
				"CASE-2026-700001", new CheckFirstOffence("CASE-2026-700001", uscc, seeded.violationType(), today),
				"CASE-2026-700001", null, null);
		assertThat(test.get(TriageService.class).answer(command)).isTrue();
		Document reply = test.mongo().findById(command.id(), Document.class, TriageService.REPLIES);
		JsonNode answer = test.get(ObjectMapper.class)
			.readTree(reply.getList(MongoOutbox.FIELD, Document.class).get(0).getString("body"))
			.get("data");
		assertThat(answer.get("firstOffence").asBoolean()).as(answer.toString()).isFalse();
		assertThat(answer.get("previousCaseIds").toString()).contains(seeded.caseId());

		String other = RECORDED_CODES.stream()
			.filter((code) -> ComplianceHistory.read(enterprise).stream().noneMatch((e) -> code.equals(e.violationType())))
			.findFirst()
			.orElseThrow();
		assertThat(test.get(TriageService.class)
			.checkFirstOffence(new CheckFirstOffence("CASE-2026-700001", uscc, other, today))
			.firstOffence()).as("another violation is a first offence").isTrue();
	}

	@Test
	void oneMonitoringCompanyServesMoreThanFiftyClients() {
		assertThat(test.mongo().findAll(Document.class, MonitoringRegister.COMPANIES)).hasSize(10);
		String busiest = SeedData.companies().get(0).uscc();
		var engagements = test.get(MonitoringRegister.class)
			.engagementsOf(busiest, LocalDate.of(2020, 1, 1), LocalDate.of(2030, 1, 1));
		assertThat(engagements.stream().map(MonitoringRegister.Engagement::enterpriseUscc).distinct().count())
			.isGreaterThanOrEqualTo(50);
	}

}
