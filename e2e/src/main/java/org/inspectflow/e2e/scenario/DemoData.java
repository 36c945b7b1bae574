package org.inspectflow.e2e.scenario;

import java.util.List;

/**
 * The demo realm's people and enterprises as the scenarios use them (README's demo users; notification-service's
 * directory gives their e-mail addresses and phone numbers), and synthetic codes built the way the demo register
 * builds them. Demo data only: nothing here exists outside a local stack.
 */
final class DemoData {

	static final String FUTIAN = "440304";

	static final String NANSHAN = "440305";

	static final String SHENZHEN = "440300";

	/** 福田示范电镀有限公司, enterprise1's. */
	static final String FUTIAN_PLATING = "914403040000DM001P";

	static final double[] FUTIAN_PLATING_SITE = { 22.521907, 114.058911 };

	/** 南山示范印染有限公司, enterprise2's. */
	static final String NANSHAN_DYEING = "914403050000DM0029";

	static final double[] NANSHAN_DYEING_SITE = { 22.580310, 113.951820 };

	/** The province's list of first offences that may be exempt from penalty (FirstOffenceExemption.dmn). */
	static final List<String> EXEMPTABLE = List.of("MONITORING_RECORDS_INCOMPLETE", "MONITORING_DATA_GAP",
			"HAZARDOUS_WASTE_LABEL_MISSING", "DISCHARGE_PERMIT_REPORT_LATE", "VOC_STORAGE_UNSEALED", "DUST_COVER_MISSING");

	/**
	 * A person of the demo realm, with where notification-service reaches them.
	 *
	 * @param recipient how {@code NotificationDelivered} names them: the user name, for enterprise users the USCC
	 */
	record Person(String username, String email, String phone, String recipient) {
	}

	static final Person OFFICER1 = new Person("officer1", "officer1@demo.inspectflow.org", "+8613800000001", "officer1");

	static final Person OFFICER2 = new Person("officer2", "officer2@demo.inspectflow.org", "+8613800000002", "officer2");

	static final Person SUPERVISOR1 = new Person("supervisor1", "supervisor1@demo.inspectflow.org", "+8613800000003",
			"supervisor1");

	static final Person ENTERPRISE1 = new Person("enterprise1", "enterprise1@demo.inspectflow.org", "+8613800000004",
			FUTIAN_PLATING);

	static final Person ENTERPRISE2 = new Person("enterprise2", "enterprise2@demo.inspectflow.org", "+8613800000005",
			NANSHAN_DYEING);

	static final Person ADMIN1 = new Person("admin1", "admin1@demo.inspectflow.org", null, "admin1");

	private static final String USCC_CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] USCC_WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	private DemoData() {
	}

	/** The check character of GB 32100-2015 for the first 17 characters. */
	static char usccCheck(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += USCC_CHARACTERS.indexOf(first17.charAt(i)) * USCC_WEIGHTS[i];
		}
		int check = 31 - sum % 31;
		return USCC_CHARACTERS.charAt(check == 31 ? 0 : check);
	}

	/**
	 * A synthetic code as the demo register makes it: {@code 91}, the district, {@code XY}, a 7-digit number and the
	 * check character. The register's monitoring companies are {@code synthetic("440305", 9000000 + i)}.
	 */
	static String synthetic(String district, int sequence) {
		String first17 = "91" + district + "XY" + String.format("%07d", sequence);
		return first17 + usccCheck(first17);
	}

}
