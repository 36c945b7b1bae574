package org.inspectflow.enterprise.importing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

import org.bson.Document;
import org.inspectflow.contracts.RiskTier;
import org.inspectflow.enterprise.TestRegister;
import org.inspectflow.enterprise.importing.ImportReport.RowError;
import org.inspectflow.enterprise.register.Enterprise;
import org.inspectflow.enterprise.register.EnterpriseRegister;
import org.inspectflow.enterprise.register.domain.SyntheticUscc;
import org.inspectflow.enterprise.risk.PositiveList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegisterImportTest {

	static final String HEADER = "uscc,name,address,latitude,longitude,district,street,keyPollutantUnit,dischargePermitNumber\n";

	static final String A = SyntheticUscc.of("440304", 11);

	static final String B = SyntheticUscc.of("440305", 12);

	static final String C = SyntheticUscc.of("440306", 13);

	static final String D = SyntheticUscc.of("440307", 14);

	TestRegister test;

	RegisterImport importer;

	@BeforeEach
	void start() {
		// batches of two: duplicates are found across batches too
		this.test = TestRegister.start(Clock.systemUTC(), Map.of("inspectflow.enterprise.import.batch-size", 2));
		this.importer = this.test.get(RegisterImport.class);
	}

	@AfterEach
	void stop() {
		this.test.close();
	}

	@Test
	void storesTheGoodRowsAndReportsEveryBadOneWithItsLine() {
		String badCheck = A.substring(0, 17) + (A.charAt(17) == '0' ? '1' : '0');
		String csv = HEADER
				+ A + ",福田甲有限公司,\"深圳市福田区\n沙头街道1号\",22.52,114.05,440304,440304003,true,P-1\n" // lines 2-3
				+ badCheck + ",坏校验码有限公司,,22.52,114.05,440304,,false,\n" // line 4
				+ B + ",,,22.53,113.93,440305,,false,\n" // line 5: no name
				+ "\n" // line 6: blank
				+ C + ",坐标越界有限公司,,114.05,22.52,440306,,false,\n" // line 7: latitude and longitude swapped
				+ D + ",坐标错误有限公司,,北纬22度,114.2,440307,,false,\n" // line 8
				+ B + ",南山乙有限公司,,22.53,113.93,440305,,false,\n" // line 9: good (line 5 was refused)
				+ C + ",宝安丙有限公司,,22.66,113.86,440306,,0,\n" // line 10
				+ A + ",福田甲重复有限公司,,22.52,114.05,440304,,false,\n" // line 11: duplicate of line 2 (earlier batch)
				+ D + ",区划错误有限公司,,22.70,114.24,440300,,false,\n" // line 12: a city is not a district
				+ C + ",宝安丙重复有限公司,,22.66,113.86,440306,,false,\n"; // line 13: duplicate in the same batch
		ImportReport report = this.importer.importCsv(stream(csv));

		assertThat(report.rows()).as("data rows; the blank line is skipped").isEqualTo(10);
		assertThat(report.stored()).isEqualTo(3);
		assertThat(report.inserted()).isEqualTo(3);
		assertThat(report.rejected()).isEqualTo(7);
		assertThat(report.errors()).extracting(RowError::line).containsExactly(4L, 5L, 7L, 8L, 11L, 12L, 13L);
		assertThat(report.errors().get(0).reasons()).singleElement().asString().contains("check character");
		assertThat(report.errors().get(1).reasons()).containsExactly("missing name");
		assertThat(report.errors().get(2).reasons()).singleElement().asString().startsWith("bad coordinates");
		assertThat(report.errors().get(3).reasons()).singleElement().asString().startsWith("bad coordinates");
		assertThat(report.errors().get(4).reasons()).containsExactly("duplicate USCC: first on line 2");
		assertThat(report.errors().get(5).reasons()).singleElement().asString().startsWith("bad district code '440300'");
		assertThat(report.errors().get(6).reasons()).containsExactly("duplicate USCC: first on line 10");

		EnterpriseRegister register = this.test.get(EnterpriseRegister.class);
		Enterprise a = register.find(A).orElseThrow();
		assertThat(a.name()).isEqualTo("福田甲有限公司");
		assertThat(a.city()).isEqualTo("440300");
		assertThat(a.street()).isEqualTo("440304003");
		assertThat(a.keyPollutantUnit()).isTrue();
		assertThat(a.riskTier()).isEqualTo(RiskTier.MEDIUM);
		assertThat(register.find(B)).isPresent();
		assertThat(register.find(C).orElseThrow().name()).isEqualTo("宝安丙有限公司");
		assertThat(register.find(D)).isEmpty();
		Document stored = this.test.mongo().findById(A, Document.class, EnterpriseRegister.COLLECTION);
		assertThat(stored.getString(EnterpriseRegister.GEOHASH)).hasSize(9).startsWith("ws10");
	}

	@Test
	void aSecondImportUpdatesByUsccAndKeepsWhatTheImportDoesNotOwn() {
		this.importer.importCsv(stream(HEADER + A + ",福田甲有限公司,,22.52,114.05,440304,,true,P-1\n"));
		this.test.get(PositiveList.class).set(A, true, "supervisor1", "升级改造完成");
		ImportReport again = this.importer
			.importCsv(stream("\uFEFF" + HEADER + A + ",福田甲有限公司（更名）,,22.52,114.05,440304,,false,P-1\n"));
		assertThat(again.updated()).isEqualTo(1);
		assertThat(again.inserted()).isZero();
		Enterprise a = this.test.get(EnterpriseRegister.class).find(A).orElseThrow();
		assertThat(a.name()).isEqualTo("福田甲有限公司（更名）");
		assertThat(a.positiveList()).as("the listing is not the import's").isTrue();
		assertThat(a.keyPollutantUnit()).isFalse();
		assertThat(a.riskTier()).as("reassessed: no longer a key pollutant unit").isEqualTo(RiskTier.LOW);
	}

	@Test
	void refusesAFileWithoutTheRequiredColumns() {
		assertThatThrownBy(() -> this.importer.importCsv(stream("uscc,name\n" + A + ",x\n")))
			.isInstanceOf(RegisterImport.BadFileException.class)
			.hasMessageContaining("latitude, longitude, district");
	}

	@Test
	void keepsWhatWasReadBeforeAnUnreadablePart() {
		ImportReport report = this.importer.importCsv(stream(HEADER + A + ",甲,,22.52,114.05,440304,,false,\n"
				+ B + ",\"未闭合的引号,,22.53,113.93,440305,,false,\n"));
		assertThat(report.stored()).isEqualTo(1);
		assertThat(report.errors()).singleElement().satisfies((error) -> {
			assertThat(error.line()).isEqualTo(3);
			assertThat(error.reasons()).singleElement().asString().startsWith("unreadable CSV");
		});
	}

	@Test
	void exportsWhatCanBeImportedAgain() throws Exception {
		this.importer.importCsv(stream(HEADER + A + ",福田甲有限公司,\"深圳市福田区, 沙头\",22.52,114.05,440304,,true,P-1\n"
				+ B + ",南山乙有限公司,,22.53,113.93,440305,,false,\n"));
		var out = new java.io.ByteArrayOutputStream();
		long written = this.test.get(RegisterExport.class)
			.write(org.springframework.data.mongodb.core.query.Criteria.where("city").is("440300"), "440304", out);
		assertThat(written).isEqualTo(1);
		String csv = out.toString(StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFFuscc,name,address,latitude,longitude,district").contains(A)
			.contains("\"深圳市福田区, 沙头\"").doesNotContain(B);
		ImportReport again = this.importer.importCsv(stream(csv));
		assertThat(again.rejected()).isZero();
		assertThat(again.updated()).isEqualTo(1);
	}

	private static ByteArrayInputStream stream(String csv) {
		return new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
	}

}
