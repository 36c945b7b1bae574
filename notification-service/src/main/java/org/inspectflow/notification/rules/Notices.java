package org.inspectflow.notification.rules;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.inspectflow.contracts.Envelope;
import org.inspectflow.contracts.RecipientType;
import org.inspectflow.contracts.commands.SendNotification;
import org.inspectflow.contracts.events.CaseClosed;
import org.inspectflow.contracts.events.InspectionAssigned;
import org.inspectflow.contracts.events.RectificationAccepted;
import org.inspectflow.contracts.events.RectificationOrdered;
import org.inspectflow.contracts.events.RectificationOverdue;
import org.inspectflow.contracts.events.RectificationRejected;
import org.inspectflow.contracts.events.RectificationReminderDue;
import org.inspectflow.contracts.events.RectificationSubmitted;
import org.inspectflow.notification.recipients.domain.DivisionCodes;
import org.inspectflow.notification.rules.domain.Notice;
import org.inspectflow.notification.templates.domain.MessageTemplates;
import org.inspectflow.notification.templates.domain.Phrase;
import org.inspectflow.support.messaging.MalformedMessageException;
import org.inspectflow.support.validation.Uscc;

/**
 * Reads a message as a {@link Notice}: the facts the rules and the templates need, whatever its record type. A field
 * that would address the wrong people (a USCC failing its check character, a city code that is none) makes the
 * message malformed, so it is dead-lettered with the reason rather than told to nobody or to the wrong enterprise.
 */
public final class Notices {

	private static final int MAX_ID = 64;

	private Notices() {
	}

	/** The notice of a message; empty for a type no template knows (a type bound to the queue later). */
	public static Optional<Notice> of(Envelope<?> envelope) {
		Object data = envelope.data();
		String id = envelope.id();
		String type = envelope.type();
		Map<String, Object> values = new HashMap<>();
		if (data instanceof RectificationOrdered ordered) {
			values.put("orderId", ordered.orderId());
			values.put("round", ordered.round());
			values.put("deadline", MessageTemplates.endOf(ordered.deadline()));
			values.put("provisionalNote", provisional(ordered.deadlineProvisional()));
			values.put("requirements", ordered.requirements());
			return Optional.of(event(id, type, ordered.caseId(), ordered.enterpriseUscc(), values));
		}
		if (data instanceof RectificationReminderDue reminder) {
			values.put("orderId", reminder.orderId());
			values.put("round", reminder.round());
			values.put("deadline", MessageTemplates.endOf(reminder.deadline()));
			values.put("provisionalNote", provisional(reminder.deadlineProvisional()));
			values.put("workingDaysLeft", reminder.workingDaysLeft());
			return Optional.of(event(id, type, reminder.caseId(), reminder.enterpriseUscc(), values));
		}
		if (data instanceof RectificationRejected rejected) {
			values.put("orderId", rejected.orderId());
			values.put("round", rejected.round());
			values.put("reasons", rejected.reasons());
			values.put("rejectedAt", rejected.rejectedAt());
			values.put("reviewedBy", rejected.reviewedBy());
			values.put("rejectionNote", new Phrase(
					rejected.escalated() ? "note.rejection-escalated" : "note.rejection-new-order"));
			return Optional.of(event(id, type, rejected.caseId(), rejected.enterpriseUscc(), values));
		}
		if (data instanceof RectificationOverdue overdue) {
			values.put("orderId", overdue.orderId());
			values.put("round", overdue.round());
			values.put("deadline", MessageTemplates.endOf(overdue.deadline()));
			values.put("escalatedTo", overdue.escalatedTo());
			return Optional.of(event(id, type, overdue.caseId(), overdue.enterpriseUscc(), values));
		}
		if (data instanceof RectificationAccepted accepted) {
			values.put("orderId", accepted.orderId());
			values.put("round", accepted.round());
			values.put("acceptedAt", accepted.acceptedAt());
			values.put("reviewedBy", accepted.reviewedBy());
			values.put("comment", accepted.comment());
			return Optional.of(event(id, type, accepted.caseId(), accepted.enterpriseUscc(), values));
		}
		if (data instanceof CaseClosed closed) {
			values.put("outcome", closed.outcome() == null ? null : new Phrase("outcome." + closed.outcome()));
			values.put("closedAt", closed.closedAt());
			values.put("closedBy", closed.closedBy());
			return Optional.of(event(id, type, closed.caseId(), closed.enterpriseUscc(), values));
		}
		if (data instanceof RectificationSubmitted submitted) {
			values.put("orderId", submitted.orderId());
			values.put("round", submitted.round());
			values.put("submittedAt", submitted.submittedAt());
			values.put("submittedBy", submitted.submittedBy());
			values.put("statement", submitted.statement());
			values.put("evidenceCount", submitted.evidenceIds().size());
			return Optional.of(event(id, type, submitted.caseId(), submitted.enterpriseUscc(), values));
		}
		if (data instanceof InspectionAssigned assigned) {
			requireLength("caseId", assigned.caseId());
			if (!DivisionCodes.isDistrict(assigned.district())) {
				throw new MalformedMessageException("district '" + assigned.district() + "' is no district code");
			}
			values.put("caseId", assigned.caseId());
			values.put("taskId", assigned.taskId());
			values.put("method", assigned.method() == null ? null : new Phrase("assignment." + assigned.method()));
			values.put("district", assigned.district());
			values.put("deadline", MessageTemplates.endOf(assigned.dueDate()));
			return Optional.of(new Notice(id, type, assigned.caseId(), null, assigned.officerIds(),
					assigned.district(), DivisionCodes.cityOf(assigned.district()), null, defaultTemplate(type),
					values));
		}
		if (data instanceof SendNotification command) {
			return Optional.of(command(id, type, command));
		}
		return Optional.empty();
	}

	/** The template of an event type: its name in kebab case ({@code workflow.CaseClosed.v1} → case-closed). */
	static String defaultTemplate(String type) {
		String[] parts = type.split("\\.");
		String name = parts.length >= 2 ? parts[1] : type;
		return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

	private static Notice event(String id, String type, String caseId, String uscc, Map<String, Object> values) {
		requireLength("caseId", caseId);
		requireUscc(uscc);
		values.put("caseId", caseId);
		values.put("enterpriseUscc", uscc);
		return new Notice(id, type, caseId, uscc, List.of(), null, null, null, defaultTemplate(type), values);
	}

	private static Notice command(String id, String type, SendNotification command) {
		requireLength("caseId", command.caseId());
		requireLength("notificationId", command.notificationId());
		String addressed = command.recipientId();
		String uscc = null;
		String city = null;
		if (command.recipientType() == RecipientType.INTEGRATOR) {
			throw new MalformedMessageException("integrators are told through their webhook subscriptions, not by a"
					+ " SendNotification command");
		}
		if (command.recipientType() == RecipientType.ENTERPRISE) {
			requireUscc(addressed);
			uscc = addressed;
		}
		else if (addressed.startsWith(Notice.Addressee.CITY_PREFIX)) {
			city = addressed.substring(Notice.Addressee.CITY_PREFIX.length());
			if (command.recipientType() != RecipientType.SUPERVISOR || !DivisionCodes.isCity(city)) {
				throw new MalformedMessageException("recipientId '" + addressed
						+ "': only SUPERVISOR recipients are addressed by city, as city:<six-digit city code>");
			}
		}
		Map<String, Object> values = new HashMap<>();
		command.parameters().forEach((name, value) -> values.put(name, parameter(name, value)));
		values.putIfAbsent("caseId", command.caseId());
		values.putIfAbsent("enterpriseUscc", uscc);
		return new Notice(id, type, command.caseId(), uscc, List.of(), null, city,
				new Notice.Addressee(command.recipientType(), addressed), command.template(), values);
	}

	/** A deadline parameter is shown as a time in China, whether the sender gave a date or an instant. */
	private static Object parameter(String name, String value) {
		if (value == null || !name.toLowerCase(Locale.ROOT).contains("deadline")) {
			return value;
		}
		try {
			return MessageTemplates.endOf(LocalDate.parse(value));
		}
		catch (DateTimeParseException notADate) {
			try {
				return OffsetDateTime.parse(value);
			}
			catch (DateTimeParseException notAnInstant) {
				return value;
			}
		}
	}

	private static Phrase provisional(boolean provisional) {
		return new Phrase(provisional ? "note.deadline-provisional" : "note.none");
	}

	private static void requireUscc(String uscc) {
		if (uscc != null && !Uscc.isValid(uscc)) {
			throw new MalformedMessageException("enterpriseUscc '" + uscc + "' fails the GB 32100-2015 check character");
		}
	}

	private static void requireLength(String field, String value) {
		if (value != null && value.length() > MAX_ID) {
			throw new MalformedMessageException(field + " is longer than " + MAX_ID + " characters");
		}
	}

}
