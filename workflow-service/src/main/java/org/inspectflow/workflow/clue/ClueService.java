package org.inspectflow.workflow.clue;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.inspectflow.contracts.events.ClueReported;
import org.inspectflow.workflow.cases.CaseRecord;
import org.inspectflow.workflow.cases.CaseRepository;
import org.inspectflow.workflow.cases.CaseStatus;
import org.inspectflow.workflow.process.CaseEvents;
import org.inspectflow.workflow.process.Jurisdictions;
import org.inspectflow.workflow.process.ProcessConstants;
import org.operaton.bpm.engine.RuntimeService;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens a case for a clue: the case row, the first timeline step, {@code ClueReported} and the process instance
 * commit together, or none of them does. A clue id seen before returns its case and changes nothing. The case row
 * keeps the case's conversation (correlation id), which every later message of the case carries ({@link CaseEvents}).
 */
@Service
public class ClueService {

	private final CaseRepository cases;

	private final RuntimeService runtime;

	private final CaseEvents events;

	private final JdbcTemplate jdbc;

	private final Duration enterpriseMatchTimeout;

	ClueService(CaseRepository cases, RuntimeService runtime, CaseEvents events, JdbcTemplate jdbc,
			@Value("${inspectflow.workflow.enterprise-match-timeout:PT1H}") Duration enterpriseMatchTimeout) {
		this.cases = cases;
		this.runtime = runtime;
		this.events = events;
		this.jdbc = jdbc;
		this.enterpriseMatchTimeout = enterpriseMatchTimeout;
	}

	/** Opens the case of a request's clue, or finds the one this clue opened before: its conversation is the case. */
	@Transactional
	public Opened open(NewClue clue) {
		return open(clue, null);
	}

	/**
	 * Opens the case, or finds the one this clue opened before.
	 *
	 * @param correlationId the conversation the case joins, carried by all its messages: the correlation id of the
	 * command that reports the clue; null for a clue reported by a request (the case id, a conversation of its own)
	 */
	@Transactional
	public Opened open(NewClue clue, String correlationId) {
		String clueId = clue.clueId() != null ? clue.clueId() : UUID.randomUUID().toString();
		var existing = this.cases.findByClueId(clueId);
		if (existing.isPresent()) {
			if (!existing.get().reportedBy().equals(clue.reportedBy())) {
				throw new ClueIdTakenException(clueId);
			}
			return new Opened(existing.get().caseId(), false);
		}
		Instant now = Instant.now();
		String caseId = nextCaseId(now);
		String district = Objects.requireNonNull(clue.district(), "district");
		String severity = (clue.severity() == null ? NewClue.Severity.GENERAL : clue.severity()).name();
		Instant reportedAt = clue.reportedAt() == null ? now : clue.reportedAt().toInstant();
		this.cases.insert(new CaseRecord(caseId, clueId, clue.source(), clue.clientReference(), clue.enterpriseUscc(),
				clue.problemType(), severity, clue.description(), clue.location(), district,
				Jurisdictions.cityOf(district), null, null, CaseStatus.REPORTED, null, null, null, null, false, 0,
				false, false, clue.reportedBy(), reportedAt, null), correlationId == null ? caseId : correlationId);
		this.cases.appendTimeline(caseId, "CLUE_REPORTED", clue.reportedBy(), now,
				clue.source() + ": " + clue.description(), java.util.List.of());
		this.events.publish(null, ClueReported.TYPE, caseId,
				new ClueReported(caseId, clueId, clue.source(), clue.enterpriseUscc(), clue.location(),
						clue.problemType(), clue.description(), reportedAt.atZone(java.time.ZoneOffset.UTC)
							.toOffsetDateTime(),
						clue.reportedBy(), district));
		Map<String, Object> variables = new HashMap<>();
		variables.put(ProcessConstants.VAR_CASE_ID, caseId);
		variables.put(ProcessConstants.VAR_CLUE_ID, clueId);
		variables.put(ProcessConstants.VAR_SOURCE, clue.source().name());
		variables.put(ProcessConstants.VAR_SEVERITY, severity);
		variables.put(ProcessConstants.VAR_ENTERPRISE_USCC, clue.enterpriseUscc());
		variables.put(ProcessConstants.VAR_LATITUDE, clue.location() == null ? null : clue.location().latitude());
		variables.put(ProcessConstants.VAR_LONGITUDE, clue.location() == null ? null : clue.location().longitude());
		variables.put(ProcessConstants.VAR_PROBLEM_TYPE, clue.problemType());
		variables.put(ProcessConstants.VAR_DISTRICT, district);
		variables.put(ProcessConstants.VAR_CITY, Jurisdictions.cityOf(district));
		variables.put(ProcessConstants.VAR_REPORTED_BY, clue.reportedBy());
		variables.put("enterpriseMatchTimeout", this.enterpriseMatchTimeout.toString());
		// answers not in yet: the decision tables read them as "unknown"
		variables.put(ProcessConstants.VAR_ENTERPRISE_MATCHED, false);
		variables.put(ProcessConstants.VAR_RISK_TIER, null);
		variables.put(ProcessConstants.VAR_POSITIVE_LIST, false);
		variables.put(CaseEvents.VAR_TRACEPARENT, this.events.currentTraceparent());
		if (!clue.drawnOfficers().isEmpty()) {
			variables.put(ProcessConstants.VAR_DRAWN_OFFICERS, String.join(",", clue.drawnOfficers()));
			variables.put(ProcessConstants.VAR_DRAW_ID, clue.drawId());
		}
		this.runtime.startProcessInstanceByKey(ProcessConstants.CASE_HANDLING_PROCESS, caseId, variables);
		return new Opened(caseId, true);
	}

	private String nextCaseId(Instant now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.update((connection) -> {
			PreparedStatement insert = connection.prepareStatement(
					"INSERT INTO wf_case_number (issued_at) VALUES (?)", new String[] { "number" });
			insert.setTimestamp(1, Timestamp.from(now));
			return insert;
		}, keys);
		long number = Objects.requireNonNull(keys.getKey()).longValue();
		int year = now.atZone(java.time.ZoneId.of("Asia/Shanghai")).getYear();
		return String.format("CASE-%d-%06d", year, number);
	}

	/** A clue id another reporter used: clue ids are the reporter's own idempotency keys. */
	public static class ClueIdTakenException extends RuntimeException {

		ClueIdTakenException(String clueId) {
			super("clue id " + clueId + " was used by another reporter: choose a new one (a random UUID)");
		}

	}

	/** @param created false when the clue had opened this case before */
	public record Opened(String caseId, boolean created) {
	}

}
