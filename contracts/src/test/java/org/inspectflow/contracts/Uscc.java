package org.inspectflow.contracts;

/**
 * The GB 32100-2015 check of a unified social credit code, so that the samples carry codes that the services' own
 * validation would accept.
 */
final class Uscc {

	private static final String CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	private Uscc() {
	}

	static boolean isValid(String code) {
		if (code == null || code.length() != 18) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			int index = CHARACTERS.indexOf(code.charAt(i));
			if (index < 0) {
				return false;
			}
			sum += index * WEIGHTS[i];
		}
		int check = 31 - sum % 31;
		return CHARACTERS.charAt(check == 31 ? 0 : check) == code.charAt(17);
	}

}
