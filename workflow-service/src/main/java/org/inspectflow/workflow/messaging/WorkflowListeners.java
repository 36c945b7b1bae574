package org.inspectflow.workflow.messaging;

import java.util.HashMap;
import java.util.Map;

import org.inspectflow.contracts.Envelope;
import org.inspectflow.contracts.Queues;
import org.inspectflow.contracts.commands.EnterpriseMatchResult;
import org.inspectflow.contracts.commands.FirstOffenceResult;
import org.inspectflow.contracts.commands.ReportClue;
import org.inspectflow.contracts.events.EvidenceStored;
import org.inspectflow.contracts.events.RectificationSubmitted;
import org.inspectflow.support.messaging.Inbox;
import org.inspectflow.support.messaging.MalformedMessageException;
import org.inspectflow.support.validation.Uscc;
import org.inspectflow.workflow.cases.CaseRepository;
import org.inspectflow.workflow.clue.ClueService;
import org.inspectflow.workflow.clue.NewClue;
import org.inspectflow.workflow.process.CaseEvents;
import org.inspectflow.workflow.process.Jurisdictions;
import org.inspectflow.workflow.process.ProcessConstants;
import org.inspectflow.workflow.process.ProcessMessages;
import org.inspectflow.workflow.rectification.RectificationService;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * workflow-service's consumers, thin: each message goes through the inbox (schema check, dead-lettering with a
 * reason, once per message id, in one transaction with its effect) to the feature that handles it; what a case
 * publishes while it is handled names the message as its cause ({@link CaseEvents#reactingTo}). Public so that
 * the process tests feed replies at the message boundary, through the same inbox.
 */
@Component
public class WorkflowListeners {

	private final Inbox inbox;

	private final ClueService clues;

	private final ProcessMessages messages;

	private final CaseRepository cases;

	private final RectificationService rectifications;

	private final String intakeDistrict;

	WorkflowListeners(Inbox inbox, ClueService clues, ProcessMessages messages, CaseRepository cases,
			RectificationService rectifications,
			@Value("${inspectflow.workflow.intake-district:440304}") String intakeDistrict) {
		this.inbox = inbox;
		this.clues = clues;
		this.messages = messages;
		this.cases = cases;
		this.rectifications = rectifications;
		this.intakeDistrict = intakeDistrict;
	}

	/**
	 * Clues from other channels (monitoring alarms, remote sensing, the fraud trace, a draw): each opens a case once.
	 * The case joins the command's conversation (its correlation id), and {@code ClueReported} names the command as
	 * its cause.
	 */
	@RabbitListener(queues = Queues.WORKFLOW_COMMANDS)
	public void onCommand(Message message) {
		this.inbox.receive(Queues.WORKFLOW_COMMANDS, message, (envelope) -> CaseEvents.reactingTo(envelope.id(), () -> {
			if (envelope.data() instanceof ReportClue clue) {
				if (clue.enterpriseUscc() != null && !Uscc.isValid(clue.enterpriseUscc())) {
					throw new MalformedMessageException("enterpriseUscc '" + clue.enterpriseUscc()
							+ "' fails the GB 32100-2015 check character");
				}
				if (clue.enterpriseUscc() == null && clue.location() == null) {
					throw new MalformedMessageException("a clue names the enterprise or where the problem is");
				}
				requireLength("clueId", clue.clueId(), 64);
				requireLength("problemType", clue.problemType(), 64);
				requireLength("description", clue.description(), 3000);
				requireLength("reportedBy", clue.reportedBy(), 128);
				requireLength("clientReference", clue.clientReference(), 128);
				requireLength("correlationid", envelope.correlationid(), 255);
				try {
					this.clues.open(new NewClue(clue.clueId(), clue.source(), clue.enterpriseUscc(), clue.location(),
							clue.problemType(), null, clue.description(), this.intakeDistrict, clue.clientReference(),
							clue.reportedAt(), clue.reportedBy(), clue.drawId(), clue.drawnOfficers()),
							envelope.correlationid() != null ? envelope.correlationid() : envelope.id());
				}
				catch (ClueService.ClueIdTakenException ex) {
					throw new MalformedMessageException(ex.getMessage());
				}
			}
		}));
	}

	/** enterprise-service's answers, delivered to the waiting process (or kept until it waits). */
	@RabbitListener(queues = Queues.WORKFLOW_REPLIES)
	public void onReply(Message message) {
		this.inbox.receive(Queues.WORKFLOW_REPLIES, message,
				(envelope) -> CaseEvents.reactingTo(envelope.id(), () -> reply(envelope)));
	}

	/** The enterprises' submissions of proof: each goes to the officer's review once. */
	@RabbitListener(queues = Queues.WORKFLOW_SUBMISSIONS)
	public void onSubmission(Message message) {
		this.inbox.receive(Queues.WORKFLOW_SUBMISSIONS, message, (envelope) -> CaseEvents.reactingTo(envelope.id(), () -> {
			if (envelope.data() instanceof RectificationSubmitted submitted) {
				this.rectifications.receive(envelope.id(), submitted);
			}
		}));
	}

	/** Evidence stored for a case: its hashes join the case's timeline. */
	@RabbitListener(queues = Queues.WORKFLOW_EVIDENCE)
	public void onEvidence(Message message) {
		this.inbox.receive(Queues.WORKFLOW_EVIDENCE, message, (envelope) -> {
			if (envelope.data() instanceof EvidenceStored stored && this.cases.find(stored.caseId()).isPresent()) {
				requireLength("evidenceId", stored.evidenceId(), 64);
				requireLength("uploadedBy", stored.uploadedBy(), 64);
				this.cases.recordEvidence(stored.evidenceId(), stored.caseId(), stored.sha256(), stored.chainHash(),
						stored.kind().name(), stored.storedAt().toInstant(), stored.uploadedBy());
			}
		});
	}

	private void reply(Envelope<?> envelope) {
		if (envelope.data() instanceof EnterpriseMatchResult result) {
			requireCase(result.caseId());
			Map<String, Object> variables = new HashMap<>();
			variables.put(ProcessConstants.VAR_ENTERPRISE_MATCHED, result.matched() && result.enterpriseUscc() != null);
			if (result.matched() && result.enterpriseUscc() != null) {
				variables.put(ProcessConstants.VAR_ENTERPRISE_USCC, result.enterpriseUscc());
				variables.put(ProcessConstants.VAR_RISK_TIER, result.riskTier() == null ? null : result.riskTier().name());
				variables.put(ProcessConstants.VAR_POSITIVE_LIST, result.positiveList());
				if (Jurisdictions.isDivisionCode(result.district())) {
					variables.put(ProcessConstants.VAR_DISTRICT, result.district());
					variables.put(ProcessConstants.VAR_CITY, Jurisdictions.cityOf(result.district()));
				}
			}
			this.messages.correlate(result.caseId(), ProcessConstants.MESSAGE_ENTERPRISE_MATCHED, envelope.id(),
					variables);
		}
		else if (envelope.data() instanceof FirstOffenceResult result) {
			requireCase(result.caseId());
			this.messages.correlate(result.caseId(), ProcessConstants.MESSAGE_FIRST_OFFENCE_CHECKED, envelope.id(),
					Map.of(ProcessConstants.VAR_FIRST_OFFENCE, result.firstOffence(), "previousCaseIds",
							String.join(",", result.previousCaseIds())));
		}
	}

	/** A value longer than this service keeps is refused with its reason, not stored cut or failed in the database. */
	private static void requireLength(String field, String value, int max) {
		if (value != null && value.length() > max) {
			throw new MalformedMessageException(field + " is longer than " + max + " characters");
		}
	}

	private void requireCase(String caseId) {
		if (this.cases.find(caseId).isEmpty()) {
			throw new MalformedMessageException("no case " + caseId + " here: a reply to nothing we asked");
		}
	}

}
