package org.inspectflow.notification.rules.domain;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.inspectflow.contracts.RecipientType;

/**
 * What a message says that matters for telling people about it, independent of its record type: the case, the
 * enterprise, the officers and the city it concerns, and the values its templates name.
 *
 * @param eventId the message id: each notification is made once per (message, recipient, channel)
 * @param type the message type
 * @param caseId null when the message is about no case
 * @param enterpriseUscc null when it concerns no enterprise
 * @param assignedOfficers user names of the officers in charge; empty when unknown
 * @param district the district of the case; null when unknown
 * @param city the city of the case; null when unknown
 * @param addressee for commands: whom they address; null for events
 * @param template the message's own template id
 * @param values the template's values: strings, numbers, dates and times, lists, phrases of the templates
 */
public record Notice(String eventId, String type, String caseId, String enterpriseUscc,
		List<String> assignedOfficers, String district, String city, Addressee addressee, String template,
		Map<String, Object> values) {

	public Notice {
		assignedOfficers = assignedOfficers == null ? List.of() : List.copyOf(assignedOfficers);
		// a value may be null (a comment not given): the template shows it as a dash
		values = values == null ? Map.of() : Collections.unmodifiableMap(new HashMap<>(values));
	}

	/**
	 * The same notice completed with what is known of the case elsewhere (the case view: its officers and its
	 * jurisdiction); what the message itself says wins.
	 */
	public Notice withCase(List<String> officers, String district, String city) {
		return new Notice(this.eventId, this.type, this.caseId, this.enterpriseUscc,
				this.assignedOfficers.isEmpty() && officers != null ? officers : this.assignedOfficers,
				this.district == null ? district : this.district, this.city == null ? city : this.city,
				this.addressee, this.template, this.values);
	}

	/**
	 * Whom a command addresses.
	 *
	 * @param id a USCC for an enterprise; a user name, or for supervisors {@code city:<code>}
	 */
	public record Addressee(RecipientType type, String id) {

		public static final String CITY_PREFIX = "city:";

	}

}
