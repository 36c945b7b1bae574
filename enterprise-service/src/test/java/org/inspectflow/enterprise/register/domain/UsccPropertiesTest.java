package org.inspectflow.enterprise.register.domain;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.inspectflow.support.validation.Uscc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GB 32100-2015 check character, as the register relies on it: any code made with the check passes, and any
 * single changed character — a typo — fails, so a mistyped USCC is refused at import instead of registering a
 * second enterprise.
 */
class UsccPropertiesTest {

	private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	@Property
	void generatedCodesPass(@ForAll("codes") String code) {
		assertThat(Uscc.isValid(code)).as(code).isTrue();
	}

	@Property
	void syntheticDemoCodesPass(@ForAll("districts") String district, @ForAll @IntRange(max = 9_999_999) int n) {
		assertThat(Uscc.isValid(SyntheticUscc.of(district, n))).isTrue();
	}

	@Property
	void anySingleChangedCharacterFails(@ForAll("codes") String code, @ForAll @IntRange(max = 17) int position,
			@ForAll("replacements") char replacement) {
		if (code.charAt(position) == replacement) {
			return; // not a change
		}
		String changed = code.substring(0, position) + replacement + code.substring(position + 1);
		assertThat(Uscc.isValid(changed)).as(code + " → " + changed).isFalse();
	}

	@Provide
	Arbitrary<String> codes() {
		Arbitrary<String> head = Arbitraries.of(CHARSET.chars().mapToObj((c) -> (char) c).toArray(Character[]::new))
			.list()
			.ofSize(2)
			.map(UsccPropertiesTest::join);
		Arbitrary<String> division = Arbitraries.strings().numeric().ofLength(6);
		Arbitrary<String> organisation = Arbitraries
			.of(CHARSET.chars().mapToObj((c) -> (char) c).toArray(Character[]::new))
			.list()
			.ofSize(9)
			.map(UsccPropertiesTest::join);
		return Combinators.combine(head, division, organisation).as((h, d, o) -> {
			String first17 = h + d + o;
			return first17 + Uscc.checkCharacter(first17);
		});
	}

	/** Any character of the set, and a few a typist could hit that are outside it. */
	@Provide
	Arbitrary<Character> replacements() {
		return Arbitraries.of((CHARSET + "IOSVZaz-").chars().mapToObj((c) -> (char) c).toArray(Character[]::new));
	}

	@Provide
	Arbitrary<String> districts() {
		return Arbitraries.of("440303", "440304", "440305", "440306", "440307", "440309");
	}

	private static String join(java.util.List<Character> characters) {
		StringBuilder text = new StringBuilder();
		characters.forEach(text::append);
		return text.toString();
	}

}
