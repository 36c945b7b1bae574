package org.inspectflow.notification.rules.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.inspectflow.contracts.NotificationChannel;
import org.inspectflow.contracts.RecipientType;
import org.inspectflow.notification.recipients.domain.Recipient;
import org.inspectflow.notification.recipients.domain.RecipientLookup;
import org.inspectflow.notification.recipients.domain.RecipientRole;

/**
 * Decides who is told what about a message and on which channels: the configured rules applied to the message,
 * the audiences resolved through the directory. Each person is told once per channel even when several rules name
 * them.
 */
public final class NotificationRules {

	private final List<NotificationRule> rules;

	public NotificationRules(List<NotificationRule> rules) {
		this.rules = List.copyOf(rules);
	}

	public List<NotificationRule> all() {
		return this.rules;
	}

	/** The message types some rule reacts to. */
	public Set<String> eventTypes() {
		Set<String> types = new HashSet<>();
		this.rules.forEach((rule) -> types.add(rule.event()));
		return types;
	}

	/**
	 * The notifications a message causes. {@code unresolved} collects, for the log, the audiences that named nobody
	 * the directory knows.
	 */
	public List<PlannedNotification> plan(Notice notice, RecipientLookup directory, List<String> unresolved) {
		Map<String, PlannedNotification> planned = new LinkedHashMap<>();
		for (NotificationRule rule : this.rules) {
			if (!rule.appliesTo(notice)) {
				continue;
			}
			List<Target> targets = targets(rule.audience(), notice, directory);
			if (targets.isEmpty()) {
				unresolved.add(rule.audience() + " of " + notice.type() + " (case " + notice.caseId() + ")");
			}
			String template = rule.template() != null ? rule.template() : notice.template();
			for (Target target : targets) {
				for (NotificationChannel channel : ordered(rule.channels())) {
					planned.putIfAbsent(target.recipient().id() + "|" + channel, new PlannedNotification(
							target.recipient(), target.type(), target.party(), channel, template));
				}
			}
		}
		return List.copyOf(planned.values());
	}

	private static List<Target> targets(Audience audience, Notice notice, RecipientLookup directory) {
		return switch (audience) {
			case ENTERPRISE -> enterprise(notice.enterpriseUscc(), directory);
			case ASSIGNED_OFFICERS -> officers(notice, directory);
			case CITY_SUPERVISORS -> supervisors(notice.city(), directory);
			case ADDRESSED -> addressed(notice.addressee(), directory);
		};
	}

	private static List<Target> enterprise(String uscc, RecipientLookup directory) {
		if (uscc == null) {
			return List.of();
		}
		return directory.enterpriseUsers(uscc)
			.stream()
			.map((user) -> new Target(user, RecipientType.ENTERPRISE, uscc))
			.toList();
	}

	private static List<Target> officers(Notice notice, RecipientLookup directory) {
		List<Recipient> officers = new ArrayList<>();
		if (!notice.assignedOfficers().isEmpty()) {
			notice.assignedOfficers().forEach((id) -> directory.find(id).ifPresent(officers::add));
		}
		else if (notice.district() != null) {
			officers.addAll(directory.officersOf(notice.district()));
		}
		return officers.stream().map((officer) -> new Target(officer, RecipientType.OFFICER, officer.id())).toList();
	}

	private static List<Target> supervisors(String city, RecipientLookup directory) {
		if (city == null) {
			return List.of();
		}
		return directory.supervisorsOf(city)
			.stream()
			.map((supervisor) -> new Target(supervisor, RecipientType.SUPERVISOR, supervisor.id()))
			.toList();
	}

	private static List<Target> addressed(Notice.Addressee addressee, RecipientLookup directory) {
		if (addressee == null) {
			return List.of();
		}
		return switch (addressee.type()) {
			case ENTERPRISE -> enterprise(addressee.id(), directory);
			case SUPERVISOR -> {
				if (addressee.id().startsWith(Notice.Addressee.CITY_PREFIX)) {
					yield supervisors(addressee.id().substring(Notice.Addressee.CITY_PREFIX.length()), directory);
				}
				yield directory.find(addressee.id())
					.filter((user) -> user.role() == RecipientRole.SUPERVISOR)
					.map((user) -> List.of(new Target(user, RecipientType.SUPERVISOR, user.id())))
					.orElse(List.of());
			}
			case OFFICER -> directory.find(addressee.id())
				.filter((user) -> user.role() == RecipientRole.OFFICER)
				.map((user) -> List.of(new Target(user, RecipientType.OFFICER, user.id())))
				.orElse(List.of());
			// integrators hear through their webhooks, never through the people's channels
			case INTEGRATOR -> List.of();
		};
	}

	/** The channels in a fixed order, so that the in-app entry is made before the slower outside channels. */
	private static List<NotificationChannel> ordered(Set<NotificationChannel> channels) {
		return CHANNEL_ORDER.stream().filter(channels::contains).toList();
	}

	private static final List<NotificationChannel> CHANNEL_ORDER = List.of(NotificationChannel.IN_APP,
			NotificationChannel.EMAIL, NotificationChannel.SMS, NotificationChannel.WEBHOOK);

	private record Target(Recipient recipient, RecipientType type, String party) {

	}

}
