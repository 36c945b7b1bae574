package org.inspectflow.support.validation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UsccTest {

	@Test
	void publishedCodesPass() {
		assertThat(Uscc.isValid("91110108551385082Q")).isTrue();
		assertThat(Uscc.isValid("91440300708461136T")).isTrue();
		assertThat(Uscc.isValid("914403001922038216")).isTrue();
		assertThat(Uscc.isValid("91350100M000100Y43")).isTrue();
	}

	@Test
	void theDemoEnterprisesPass() {
		assertThat(Uscc.isValid("914403040000DM001P")).isTrue();
		assertThat(Uscc.isValid("914403050000DM0029")).isTrue();
	}

	@Test
	void aWrongCheckCharacterALetterOutsideTheSetOrAWrongLengthFail() {
		assertThat(Uscc.isValid("91110108551385082R")).isFalse();
		assertThat(Uscc.isValid("91110108551385O82Q")).as("O is not in the set").isFalse();
		assertThat(Uscc.isValid("91110108551385082")).isFalse();
		assertThat(Uscc.isValid(null)).isFalse();
		String lettersInTheDivisionCode = "91AB0108551385082";
		assertThat(Uscc.isValid(lettersInTheDivisionCode + Uscc.checkCharacter(lettersInTheDivisionCode)))
			.as("positions 3-8 are the administrative division code").isFalse();
		assertThat(Uscc.checkCharacter("91110108551385082")).isEqualTo('Q');
	}

}
