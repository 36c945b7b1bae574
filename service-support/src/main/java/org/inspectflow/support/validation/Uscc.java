package org.inspectflow.support.validation;

/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from a 31-character set, the
 * last a check character over the first 17. Every service that takes a USCC from outside checks it here, so that a
 * typo is refused at the door instead of matching no enterprise later.
 */
public final class Uscc {

	private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	private Uscc() {
	}

	/**
	 * Whether the code is 18 characters of the set, with digits in positions 3–8 (the administrative division code)
	 * and the right check character.
	 */
	public static boolean isValid(String code) {
		if (code == null || code.length() != 18) {
			return false;
		}
		for (int i = 2; i < 8; i++) {
			if (!Character.isDigit(code.charAt(i)) || code.charAt(i) > '9') {
				return false;
			}
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			int index = CHARSET.indexOf(code.charAt(i));
			if (index < 0) {
				return false;
			}
			sum += index * WEIGHTS[i];
		}
		return code.charAt(17) == checkCharacter(sum);
	}

	/** The check character for the first 17 characters (for making synthetic codes). */
	public static char checkCharacter(String first17) {
		if (first17 == null || first17.length() != 17) {
			throw new IllegalArgumentException("the check character is computed over 17 characters");
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			int index = CHARSET.indexOf(first17.charAt(i));
			if (index < 0) {
				throw new IllegalArgumentException("'" + first17.charAt(i) + "' is not in the USCC character set");
			}
			sum += index * WEIGHTS[i];
		}
		return checkCharacter(sum);
	}

	private static char checkCharacter(int sum) {
		int check = 31 - (sum % 31);
		return CHARSET.charAt(check == 31 ? 0 : check);
	}

}
