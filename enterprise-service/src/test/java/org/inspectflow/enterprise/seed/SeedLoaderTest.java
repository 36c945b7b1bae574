package org.inspectflow.enterprise.seed;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.bson.Document;
import org.inspectflow.contracts.RiskTier;
import org.inspectflow.enterprise.TestRegister;
import org.inspectflow.enterprise.monitoring.MonitoringRegister;
import org.inspectflow.enterprise.register.Enterprise;
import org.inspectflow.enterprise.register.EnterpriseRegister;
import org.inspectflow.support.validation.Uscc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SeedLoaderTest {

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
	void oneMonitoringCompanyServesMoreThanFiftyClients() {
		assertThat(test.mongo().findAll(Document.class, MonitoringRegister.COMPANIES)).hasSize(10);
		String busiest = SeedData.companies().get(0).uscc();
		var engagements = test.get(MonitoringRegister.class)
			.engagementsOf(busiest, LocalDate.of(2020, 1, 1), LocalDate.of(2030, 1, 1));
		assertThat(engagements.stream().map(MonitoringRegister.Engagement::enterpriseUscc).distinct().count())
			.isGreaterThanOrEqualTo(50);
	}

}
