package org.inspectflow.e2e.scenario;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scenarios name the demo register's monitoring company by its synthetic code: the GB 32100-2015 check character
 * computed here must be the standard's, or the Yongkang trace would ask for a company that does not exist.
 */
class DemoDataTest {

	@Test
	void computesTheCheckCharacterOfPublicCodesAndOfTheDemoEnterprises() {
		for (String code : new String[] { "91110108551385082Q", "91440300708461136T", "914403001922038216",
				"91350100M000100Y43", DemoData.FUTIAN_PLATING, DemoData.NANSHAN_DYEING }) {
			assertThat(DemoData.usccCheck(code.substring(0, 17))).as(code).isEqualTo(code.charAt(17));
		}
	}

	@Test
	void buildsSyntheticCodesAsTheDemoRegisterDoes() {
		String company = DemoData.synthetic("440305", 9_000_000);
		assertThat(company).startsWith("91440305XY9000000").hasSize(18);
		assertThat(DemoData.usccCheck(company.substring(0, 17))).isEqualTo(company.charAt(17));
	}

}
