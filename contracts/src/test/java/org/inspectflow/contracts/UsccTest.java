package org.inspectflow.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The samples' USCC check is only worth something if it tells good codes from bad ones.
 */
class UsccTest {

	@ParameterizedTest
	@ValueSource(strings = { "91110108551385082Q", "91440300708461136T", "914403001922038216", "91350100M000100Y43",
			"914403040000DM001P", "914403050000DM0029" })
	void acceptsCodesWithTheRightCheckCharacter(String code) {
		assertThat(Uscc.isValid(code)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "91440300708461136U", "914403040000DM001Q", "91440300708461136", "9144030070846113IT" })
	void rejectsWrongCheckCharactersLengthsAndLetters(String code) {
		assertThat(Uscc.isValid(code)).isFalse();
	}

}
