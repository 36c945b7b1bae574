package org.inspectflow.enterprise.register.domain;

import org.inspectflow.support.validation.Uscc;

/**
 * Synthetic unified social credit codes for demo and test data: {@code 91} (registered with the market regulator,
 * a company), the district's code, the marker {@code XY} (no real organisation code starts so in our data) and a
 * sequence number, with the right GB 32100-2015 check character. Never a real company's code.
 */
public final class SyntheticUscc {

	private SyntheticUscc() {
	}

	public static String of(String district, int sequence) {
		if (sequence < 0 || sequence > 9_999_999) {
			throw new IllegalArgumentException("sequence " + sequence + " is outside 0..9999999");
		}
		String first17 = "91" + district + "XY" + String.format("%07d", sequence);
		return first17 + Uscc.checkCharacter(first17);
	}

}
