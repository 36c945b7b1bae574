package org.inspectflow.notification.rules;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.inspectflow.contracts.NotificationChannel;
import org.inspectflow.contracts.RecipientType;
import org.inspectflow.contracts.commands.SendNotification;
import org.inspectflow.contracts.events.InspectionAssigned;
import org.inspectflow.contracts.events.RectificationOrdered;
import org.inspectflow.contracts.events.RectificationOverdue;
import org.inspectflow.contracts.events.RectificationSubmitted;
import org.inspectflow.contracts.events.CaseClosed;
import org.inspectflow.notification.DemoRecipients;
import org.inspectflow.notification.Samples;
import org.inspectflow.notification.rules.domain.Audience;
import org.inspectflow.notification.rules.domain.Notice;
import org.inspectflow.notification.rules.domain.NotificationRule;
import org.inspectflow.notification.rules.domain.NotificationRules;
import org.inspectflow.notification.rules.domain.PlannedNotification;
import org.inspectflow.support.messaging.MalformedMessageException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.inspectflow.contracts.NotificationChannel.EMAIL;
import static org.inspectflow.contracts.NotificationChannel.IN_APP;
import static org.inspectflow.contracts.NotificationChannel.SMS;

/**
 * Who is told what: the rules as application.yml ships them, applied to the contracts' golden samples with the
 * realm's demo users as the directory.
 */
class NotificationRulesTest {

	private static final NotificationRules RULES = shippedRules();

	private static final DemoRecipients DIRECTORY = new DemoRecipients();

	@Test
	void theEnterpriseIsToldOfItsRectificationOrderInTheInboxByEmailAndBySms() {
		List<PlannedNotification> planned = plan(notice(RectificationOrdered.TYPE));

		assertThat(planned).extracting((p) -> p.recipient().id() + " " + p.channel())
			.containsExactly("enterprise1 IN_APP", "enterprise1 EMAIL", "enterprise1 SMS");
		assertThat(planned).allSatisfy((p) -> {
			assertThat(p.recipientType()).isEqualTo(RecipientType.ENTERPRISE);
			assertThat(p.party()).as("reported as the enterprise").isEqualTo(DemoRecipients.ENTERPRISE1);
			assertThat(p.template()).isEqualTo("rectification-ordered");
		});
	}

	@Test
	void remindersRejectionsAcceptancesAndClosuresGoToTheEnterpriseWithoutSms() {
		for (String type : List.of("workflow.RectificationReminderDue.v1", "workflow.RectificationRejected.v1",
				"workflow.RectificationAccepted.v1", CaseClosed.TYPE)) {
			assertThat(plan(notice(type))).as(type)
				.extracting((p) -> p.recipient().id() + " " + p.channel())
				.containsExactly("enterprise1 IN_APP", "enterprise1 EMAIL");
		}
	}

	@Test
	void anOverdueOrderGoesToTheEnterpriseAndToTheSupervisorsOfTheCity() {
		Notice overdue = notice(RectificationOverdue.TYPE).withCase(List.of("officer2"), "440305", "440300");

		List<PlannedNotification> planned = plan(overdue);

		assertThat(planned).extracting((p) -> p.recipient().id() + " " + p.channel() + " " + p.template())
			.containsExactly("enterprise2 IN_APP rectification-overdue", "enterprise2 EMAIL rectification-overdue",
					"enterprise2 SMS rectification-overdue", "supervisor1 IN_APP rectification-overdue-escalated",
					"supervisor1 EMAIL rectification-overdue-escalated");
		assertThat(planned.get(3).recipientType()).isEqualTo(RecipientType.SUPERVISOR);
		assertThat(planned.get(3).party()).isEqualTo("supervisor1");
	}

	@Test
	void aSubmissionGoesToTheCasesOfficerFromTheCaseView() {
		Notice submitted = notice(RectificationSubmitted.TYPE);
		List<String> unresolved = new ArrayList<>();
		assertThat(RULES.plan(submitted, DIRECTORY, unresolved)).as("no officer known").isEmpty();
		assertThat(unresolved).containsExactly("ASSIGNED_OFFICERS of enterprise.RectificationSubmitted.v1 (case "
				+ "CASE-2026-000123)");

		assertThat(plan(submitted.withCase(List.of("officer1"), "440304", "440300")))
			.extracting((p) -> p.recipient().id() + " " + p.channel() + " " + p.recipientType())
			.containsExactly("officer1 IN_APP OFFICER", "officer1 EMAIL OFFICER");
	}

	@Test
	void anAssignmentGoesToTheAssignedOfficersTheDirectoryKnows() {
		// the sample assigns officer1 and officer3; officer3 is not in the demo directory
		assertThat(plan(notice(InspectionAssigned.TYPE))).extracting((p) -> p.recipient().id() + " " + p.channel())
			.containsExactly("officer1 IN_APP", "officer1 EMAIL");
	}

	@Test
	void anAssignmentNamingNoOfficerGoesToTheDistrictsOfficers() {
		Notice nobodyNamed = new Notice("e-1", InspectionAssigned.TYPE, "CASE-2026-000150", null, List.of(), "440305",
				"440300", null, "inspection-assigned", Map.of());
		assertThat(plan(nobodyNamed)).extracting((p) -> p.recipient().id()).containsOnly("officer2");
	}

	@Test
	void aSendNotificationCommandReachesWhomItAddresses() {
		ObjectNode command = Samples.json(SendNotification.TYPE);
		assertThat(plan(Notices.of(Samples.envelope(command)).orElseThrow()))
			.extracting((p) -> p.recipient().id() + " " + p.channel() + " " + p.template())
			.containsExactly("supervisor1 IN_APP rectification-overdue-escalated",
					"supervisor1 EMAIL rectification-overdue-escalated");

		((ObjectNode) command.get("data")).put("recipientId", "city:440300");
		assertThat(plan(Notices.of(Samples.envelope(command)).orElseThrow())).extracting((p) -> p.recipient().id())
			.containsOnly("supervisor1");

		((ObjectNode) command.get("data")).put("recipientId", "city:440100");
		assertThat(plan(Notices.of(Samples.envelope(command)).orElseThrow())).as("a city without supervisors")
			.isEmpty();

		// a user name addressed as a supervisor must be one
		((ObjectNode) command.get("data")).put("recipientId", "officer1");
		assertThat(plan(Notices.of(Samples.envelope(command)).orElseThrow())).isEmpty();
	}

	@Test
	void aCommandAddressingACityAsAnythingButSupervisorsIsMalformed() {
		ObjectNode command = Samples.json(SendNotification.TYPE);
		((ObjectNode) command.get("data")).put("recipientType", "OFFICER").put("recipientId", "city:440300");
		assertThatThrownBy(() -> Notices.of(Samples.envelope(command))).isInstanceOf(MalformedMessageException.class)
			.hasMessageContaining("only SUPERVISOR recipients are addressed by city");
	}

	@Test
	void anEventNamingAnEnterpriseWithAWrongCheckCharacterIsMalformed() {
		ObjectNode ordered = Samples.json(RectificationOrdered.TYPE);
		((ObjectNode) ordered.get("data")).put("enterpriseUscc", "914403040000DM001Q");
		assertThatThrownBy(() -> Notices.of(Samples.envelope(ordered))).isInstanceOf(MalformedMessageException.class)
			.hasMessageContaining("check character");
	}

	@Test
	void onePersonIsToldOncePerChannelEvenWhenTwoRulesNameThem() {
		NotificationRules twice = new NotificationRules(List.of(
				new NotificationRule(RectificationOrdered.TYPE, null, Audience.ENTERPRISE, Set.of(IN_APP, EMAIL), null),
				new NotificationRule(RectificationOrdered.TYPE, null, Audience.ENTERPRISE, Set.of(EMAIL, SMS),
						"rectification-reminder-due")));
		assertThat(twice.plan(notice(RectificationOrdered.TYPE), DIRECTORY, new ArrayList<>()))
			.extracting((p) -> p.channel() + " " + p.template())
			.containsExactly("IN_APP rectification-ordered", "EMAIL rectification-ordered",
					"SMS rectification-reminder-due");
	}

	@Test
	void refusesRulesThatCannotWork() {
		assertThatThrownBy(() -> new NotificationRule(RectificationOrdered.TYPE, null, Audience.ADDRESSED,
				Set.of(IN_APP), null)).hasMessageContaining("only notification commands address someone");
		assertThatThrownBy(() -> new NotificationRule(RectificationOrdered.TYPE, null, Audience.ENTERPRISE,
				Set.<NotificationChannel>of(), null)).hasMessageContaining("needs channels");
	}

	@Test
	void eventsTemplatesAreTheirNamesInKebabCase() {
		assertThat(Notices.defaultTemplate("workflow.RectificationReminderDue.v1"))
			.isEqualTo("rectification-reminder-due");
		assertThat(Notices.defaultTemplate("workflow.CaseClosed.v1")).isEqualTo("case-closed");
	}

	private static List<PlannedNotification> plan(Notice notice) {
		return RULES.plan(notice, DIRECTORY, new ArrayList<>());
	}

	private static Notice notice(String type) {
		return Notices.of(Samples.envelope(type)).orElseThrow();
	}

	private static NotificationRules shippedRules() {
		try {
			StandardEnvironment environment = new StandardEnvironment();
			// the first document only: the defaults, not the compose profile
			environment.getPropertySources()
				.addFirst(new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
					.get(0));
			return Binder.get(environment)
				.bind("inspectflow.notification", NotificationRulesProperties.class)
				.orElseThrow(() -> new IllegalStateException("no inspectflow.notification in application.yml"))
				.toRules();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
