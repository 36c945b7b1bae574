package org.inspectflow.notification.recipients.domain;

import java.util.Locale;

/**
 * A person who can be told something, with the addresses and the language to tell them in. The id is the user's
 * Keycloak user name, so that the inbox entries made for it are the ones its token may read.
 *
 * @param district for officers: the district of their jurisdiction; null otherwise
 * @param city for officers and supervisors: the city of their jurisdiction; null otherwise
 * @param enterpriseUscc for enterprise users: their enterprise; null otherwise
 * @param enterpriseName for enterprise users: their enterprise's name, as notices name it; null otherwise
 * @param email null when the person has none (email is then refused as permanent)
 * @param phone E.164, null when the person has none
 * @param locale the language notices are written in
 */
public record Recipient(String id, String displayName, RecipientRole role, String district, String city,
		String enterpriseUscc, String enterpriseName, String email, String phone, Locale locale) {

	/** The language of anyone whose language is not known: the bureaus work in Chinese. */
	public static final Locale DEFAULT_LOCALE = Locale.SIMPLIFIED_CHINESE;

	public Recipient {
		if (id == null || id.isBlank()) {
			throw new IllegalArgumentException("a recipient needs an id (the user name)");
		}
		if (role == null) {
			throw new IllegalArgumentException("recipient " + id + " needs a role");
		}
		locale = locale == null ? DEFAULT_LOCALE : locale;
	}

}
