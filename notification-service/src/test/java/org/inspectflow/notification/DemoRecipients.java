package org.inspectflow.notification;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.inspectflow.notification.recipients.domain.Recipient;
import org.inspectflow.notification.recipients.domain.RecipientLookup;
import org.inspectflow.notification.recipients.domain.RecipientRole;

/** The realm's demo users as an in-memory directory, for tests of the rules without MongoDB. */
public final class DemoRecipients implements RecipientLookup {

	public static final String ENTERPRISE1 = "914403040000DM001P";

	public static final String ENTERPRISE2 = "914403050000DM0029";

	public static final Recipient OFFICER1 = new Recipient("officer1", "张伟", RecipientRole.OFFICER, "440304", "440300",
			null, null, "officer1@demo.inspectflow.org", "+8613800000001", Locale.SIMPLIFIED_CHINESE);

	public static final Recipient OFFICER2 = new Recipient("officer2", "李娜", RecipientRole.OFFICER, "440305", "440300",
			null, null, "officer2@demo.inspectflow.org", "+8613800000002", Locale.SIMPLIFIED_CHINESE);

	public static final Recipient SUPERVISOR1 = new Recipient("supervisor1", "王强", RecipientRole.SUPERVISOR, null,
			"440300", null, null, "supervisor1@demo.inspectflow.org", "+8613800000003", Locale.SIMPLIFIED_CHINESE);

	public static final Recipient USER1 = new Recipient("enterprise1", "陈静", RecipientRole.ENTERPRISE, null, null,
			ENTERPRISE1, "福田示范电镀有限公司", "enterprise1@demo.inspectflow.org", "+8613800000004",
			Locale.SIMPLIFIED_CHINESE);

	public static final Recipient USER2 = new Recipient("enterprise2", "Liu Yang", RecipientRole.ENTERPRISE, null, null,
			ENTERPRISE2, "Nanshan Demo Dyeing Co., Ltd.", "enterprise2@demo.inspectflow.org", "+8613800000005",
			Locale.ENGLISH);

	private final List<Recipient> all = List.of(OFFICER1, OFFICER2, SUPERVISOR1, USER1, USER2);

	@Override
	public Optional<Recipient> find(String id) {
		return this.all.stream().filter((r) -> r.id().equals(id)).findFirst();
	}

	@Override
	public List<Recipient> enterpriseUsers(String uscc) {
		return this.all.stream()
			.filter((r) -> r.role() == RecipientRole.ENTERPRISE && uscc.equals(r.enterpriseUscc()))
			.toList();
	}

	@Override
	public List<Recipient> supervisorsOf(String city) {
		return this.all.stream().filter((r) -> r.role() == RecipientRole.SUPERVISOR && city.equals(r.city())).toList();
	}

	@Override
	public List<Recipient> officersOf(String district) {
		return this.all.stream()
			.filter((r) -> r.role() == RecipientRole.OFFICER && district.equals(r.district()))
			.toList();
	}

}
