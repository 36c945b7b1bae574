package org.inspectflow.notification.recipients.domain;

import java.util.List;
import java.util.Optional;

/**
 * The directory of people as the rules ask about them; the domain code does not know where it is stored.
 */
public interface RecipientLookup {

	Optional<Recipient> find(String id);

	/** The users of an enterprise (its USCC). */
	List<Recipient> enterpriseUsers(String uscc);

	/** The supervisors of a city (administrative division code, e.g. 440300). */
	List<Recipient> supervisorsOf(String city);

	/** The officers of a district (administrative division code, e.g. 440304). */
	List<Recipient> officersOf(String district);

	/** The name of an enterprise as its users' directory entries give it; empty when none of its users is known. */
	default Optional<String> enterpriseName(String uscc) {
		return enterpriseUsers(uscc).stream()
			.map(Recipient::enterpriseName)
			.filter((name) -> name != null && !name.isBlank())
			.findFirst();
	}

}
