package org.inspectflow.workflow.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.inspectflow.contracts.ClueSource;
import org.inspectflow.contracts.GeoPoint;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The cases, their timelines, their evidence and their shares, in workflow-service's own tables of the engine's
 * database: every write joins the transaction of the engine step that makes it.
 */
@Repository
public class CaseRepository {

	private static final String COLUMNS = "case_id, clue_id, source, client_reference, enterprise_uscc, problem_type, "
			+ "severity, description, latitude, longitude, district, city, priority, risk_tier, status, merged_into, "
			+ "outcome, assigned_officer, deadline, deadline_provisional, rectification_round, non_site, "
			+ "problem_found, reported_by, reported_at, closed_at";

	private final JdbcTemplate jdbc;

	CaseRepository(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Keeps a new case.
	 *
	 * @param correlationId the conversation all messages of the case carry (the opening command's correlation id,
	 * or the case id)
	 */
	public void insert(CaseRecord c, String correlationId) {
		this.jdbc.update("INSERT INTO wf_case (" + COLUMNS + ", correlation_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
				+ " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", c.caseId(), c.clueId(), c.source().name(),
				c.clientReference(), c.enterpriseUscc(), c.problemType(), c.severity(), c.description(),
				c.location() == null ? null : c.location().latitude(),
				c.location() == null ? null : c.location().longitude(), c.district(), c.city(), c.priority(),
				c.riskTier(), c.status().name(), c.mergedInto(), c.outcome(), c.assignedOfficer(),
				c.deadline() == null ? null : java.sql.Date.valueOf(c.deadline()), c.deadlineProvisional(),
				c.rectificationRound(), c.nonSite(), c.problemFound(), c.reportedBy(), timestamp(c.reportedAt()),
				timestamp(c.closedAt()), correlationId);
	}

	public Optional<CaseRecord> find(String caseId) {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM wf_case WHERE case_id = ?", CASE, caseId)
			.stream()
			.findFirst();
	}

	public Optional<CaseRecord> findByClueId(String clueId) {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM wf_case WHERE clue_id = ?", CASE, clueId)
			.stream()
			.findFirst();
	}

	/** The oldest other open case about the same enterprise and problem type, if any. */
	public Optional<String> findOpenDuplicate(String enterpriseUscc, String problemType, String caseId) {
		return this.jdbc
			.queryForList("SELECT case_id FROM wf_case WHERE enterprise_uscc = ? AND problem_type = ? AND case_id <> ?"
					+ " AND status NOT IN ('CLOSED', 'DISMISSED', 'MERGED') ORDER BY reported_at, case_id",
					String.class, enterpriseUscc, problemType, caseId)
			.stream()
			.findFirst();
	}

	public void recordTriage(String caseId, String enterpriseUscc, String riskTier, String priority) {
		this.jdbc.update("UPDATE wf_case SET enterprise_uscc = ?, risk_tier = ?, priority = ?, status = ?"
				+ " WHERE case_id = ?", enterpriseUscc, riskTier, priority, CaseStatus.VERIFYING.name(), caseId);
	}

	public void setStatus(String caseId, CaseStatus status) {
		this.jdbc.update("UPDATE wf_case SET status = ? WHERE case_id = ?", status.name(), caseId);
	}

	public void recordVerification(String caseId, boolean nonSite, boolean problemFound, String severity) {
		this.jdbc.update("UPDATE wf_case SET non_site = ?, problem_found = ?, severity = COALESCE(?, severity) WHERE case_id = ?",
				nonSite, problemFound, severity, caseId);
	}

	public void recordOrder(String caseId, String orderId, int round, LocalDate deadline, boolean provisional) {
		this.jdbc.update("UPDATE wf_case SET status = ?, order_id = ?, rectification_round = ?, deadline = ?,"
				+ " deadline_provisional = ? WHERE case_id = ?", CaseStatus.RECTIFYING.name(), orderId, round,
				java.sql.Date.valueOf(deadline), provisional, caseId);
	}

	/** The rectification order in force, if one was issued. */
	public Optional<String> currentOrderId(String caseId) {
		return this.jdbc.queryForList("SELECT order_id FROM wf_case WHERE case_id = ? AND order_id IS NOT NULL",
				String.class, caseId).stream().findFirst();
	}

	public void assignOfficer(String caseId, String officer) {
		this.jdbc.update("UPDATE wf_case SET assigned_officer = ? WHERE case_id = ?", officer, caseId);
	}

	/** Ends a case: closed, dismissed or merged. */
	public void end(String caseId, CaseStatus status, String outcome, String mergedInto, Instant at) {
		this.jdbc.update("UPDATE wf_case SET status = ?, outcome = ?, merged_into = ?, closed_at = ? WHERE case_id = ?",
				status.name(), outcome, mergedInto, timestamp(at), caseId);
	}

	public void appendTimeline(String caseId, String step, String actor, Instant at, String detail,
			List<String> evidenceIds) {
		this.jdbc.update("INSERT INTO wf_timeline (case_id, step, actor, occurred_at, detail, evidence_ids)"
				+ " VALUES (?, ?, ?, ?, ?, ?)", caseId, step, actor, timestamp(at), fit(detail, 4000),
				fit(joinIds(evidenceIds), 4000));
	}

	/** The timeline keeps a summary; the full text is in the record it summarises. */
	private static String fit(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

	public List<TimelineEntry> timeline(String caseId) {
		Map<String, String> hashes = new HashMap<>();
		this.jdbc.query("SELECT evidence_id, sha256 FROM wf_evidence WHERE case_id = ?",
				(ResultSet row) -> {
					hashes.put(row.getString("evidence_id"), row.getString("sha256"));
				}, caseId);
		return this.jdbc.query("SELECT step, actor, occurred_at, detail, evidence_ids FROM wf_timeline"
				+ " WHERE case_id = ? ORDER BY id", (row, n) -> new TimelineEntry(row.getString("step"),
						row.getString("actor"), instant(row, "occurred_at"), row.getString("detail"),
						splitIds(row.getString("evidence_ids")).stream()
							.map((id) -> new TimelineEntry.EvidenceRef(id, hashes.get(id)))
							.toList()),
				caseId);
	}

	/** Keeps what evidence-service reported; a repeated report changes nothing. */
	public boolean recordEvidence(String evidenceId, String caseId, String sha256, String chainHash, String kind,
			Instant storedAt, String uploadedBy) {
		Integer known = this.jdbc.queryForObject("SELECT COUNT(*) FROM wf_evidence WHERE evidence_id = ?",
				Integer.class, evidenceId);
		if (known != null && known > 0) {
			return false;
		}
		this.jdbc.update("INSERT INTO wf_evidence (evidence_id, case_id, sha256, chain_hash, kind, stored_at,"
				+ " uploaded_by) VALUES (?, ?, ?, ?, ?, ?, ?)", evidenceId, caseId, sha256, chainHash, kind,
				timestamp(storedAt), uploadedBy);
		return true;
	}

	public void share(String caseId, String district, String purpose, String sharedBy, Instant at) {
		this.jdbc.update("DELETE FROM wf_case_share WHERE case_id = ? AND district = ?", caseId, district);
		this.jdbc.update("INSERT INTO wf_case_share (case_id, district, purpose, shared_by, shared_at)"
				+ " VALUES (?, ?, ?, ?, ?)", caseId, district, purpose, sharedBy, timestamp(at));
	}

	/** The share of the case with this district, if there is one. */
	public Optional<CaseShare> findShare(String caseId, String district) {
		return this.jdbc
			.query("SELECT district, purpose, shared_by, shared_at FROM wf_case_share WHERE case_id = ? AND district = ?",
					SHARE, caseId, district)
			.stream()
			.findFirst();
	}

	/** The districts the case is shared with, and why. */
	public List<CaseShare> shares(String caseId) {
		return this.jdbc.query("SELECT district, purpose, shared_by, shared_at FROM wf_case_share WHERE case_id = ?"
				+ " ORDER BY shared_at, district", SHARE, caseId);
	}

	/** Keeps one access to a case from outside the caller's jurisdiction. */
	public void logAccess(String caseId, CaseAccessRecord access) {
		this.jdbc.update("INSERT INTO wf_case_access_log (case_id, username, district, action, basis, purpose,"
				+ " shared_by, shared_at, accessed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", caseId, access.username(),
				access.district(), fit(access.action(), 120), access.basis().name(), fit(access.purpose(), 500),
				access.sharedBy(), timestamp(access.sharedAt()), timestamp(access.accessedAt()));
	}

	/** The accesses to a case from outside its jurisdiction, the latest first. */
	public List<CaseAccessRecord> accessLog(String caseId, int offset, int limit) {
		return this.jdbc.query("SELECT username, district, action, basis, purpose, shared_by, shared_at, accessed_at"
				+ " FROM wf_case_access_log WHERE case_id = ? ORDER BY id DESC LIMIT ? OFFSET ?",
				(row, n) -> new CaseAccessRecord(row.getString("username"), row.getString("district"),
						row.getString("action"),
						row.getString("basis") == null ? CaseAccessRecord.Basis.SHARE
								: CaseAccessRecord.Basis.valueOf(row.getString("basis")),
						row.getString("purpose"), row.getString("shared_by"), instant(row, "shared_at"),
						instant(row, "accessed_at")),
				caseId, limit, offset);
	}

	public long accessLogSize(String caseId) {
		Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM wf_case_access_log WHERE case_id = ?", Long.class,
				caseId);
		return count == null ? 0 : count;
	}

	/** Open and overdue cases per district and officer, within a city (or one district). */
	public List<CaseLoad> caseLoad(String city, String district, LocalDate today) {
		List<Object> args = new ArrayList<>();
		StringBuilder sql = new StringBuilder("SELECT district, assigned_officer, COUNT(*) AS open_cases,"
				+ " SUM(CASE WHEN deadline < ? THEN 1 ELSE 0 END) AS overdue_cases FROM wf_case"
				+ " WHERE status NOT IN ('CLOSED', 'DISMISSED', 'MERGED')");
		args.add(java.sql.Date.valueOf(today));
		if (city != null) {
			sql.append(" AND city = ?");
			args.add(city);
		}
		if (district != null) {
			sql.append(" AND district = ?");
			args.add(district);
		}
		sql.append(" GROUP BY district, assigned_officer ORDER BY district, assigned_officer");
		return this.jdbc.query(sql.toString(), (row, n) -> new CaseLoad(row.getString("district"),
				row.getString("assigned_officer"), row.getLong("open_cases"), row.getLong("overdue_cases")),
				args.toArray());
	}

	/** Per officer: inspections recorded, problems found, and how many of those were non-site. */
	public List<OfficerActivity> officerActivity(String city, String district, Instant from, Instant to) {
		List<Object> args = new ArrayList<>(List.of(timestamp(from), timestamp(to)));
		StringBuilder sql = new StringBuilder("SELECT r.recorded_by, COUNT(*) AS inspections,"
				+ " SUM(CASE WHEN r.finding <> 'UNFOUNDED' THEN 1 ELSE 0 END) AS problems,"
				+ " SUM(CASE WHEN r.mode = 'NON_SITE' THEN 1 ELSE 0 END) AS non_site"
				+ " FROM wf_inspection_record r JOIN wf_case c ON c.case_id = r.case_id"
				+ " WHERE r.inspected_at >= ? AND r.inspected_at < ?");
		if (city != null) {
			sql.append(" AND c.city = ?");
			args.add(city);
		}
		if (district != null) {
			sql.append(" AND c.district = ?");
			args.add(district);
		}
		sql.append(" GROUP BY r.recorded_by ORDER BY problems DESC, inspections DESC, r.recorded_by");
		return this.jdbc.query(sql.toString(), (row, n) -> new OfficerActivity(row.getString("recorded_by"),
				row.getLong("inspections"), row.getLong("problems"), row.getLong("non_site")), args.toArray());
	}

	static String joinIds(List<String> ids) {
		if (ids == null || ids.isEmpty()) {
			return null;
		}
		return String.join(",", ids);
	}

	static List<String> splitIds(String joined) {
		return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(","));
	}

	private static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static Instant instant(ResultSet row, String column) throws SQLException {
		Timestamp value = row.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	private static final RowMapper<CaseShare> SHARE = (row, n) -> new CaseShare(row.getString("district"),
			row.getString("purpose"), row.getString("shared_by"), instant(row, "shared_at"));

	private static final RowMapper<CaseRecord> CASE = (row, n) -> {
		double latitude = row.getDouble("latitude");
		GeoPoint location = row.wasNull() ? null : new GeoPoint(latitude, row.getDouble("longitude"));
		java.sql.Date deadline = row.getDate("deadline");
		return new CaseRecord(row.getString("case_id"), row.getString("clue_id"),
				ClueSource.valueOf(row.getString("source")), row.getString("client_reference"),
				row.getString("enterprise_uscc"), row.getString("problem_type"), row.getString("severity"),
				row.getString("description"), location, row.getString("district"), row.getString("city"),
				row.getString("priority"), row.getString("risk_tier"), CaseStatus.valueOf(row.getString("status")),
				row.getString("merged_into"), row.getString("outcome"), row.getString("assigned_officer"),
				deadline == null ? null : deadline.toLocalDate(), row.getBoolean("deadline_provisional"),
				row.getInt("rectification_round"), row.getBoolean("non_site"), row.getBoolean("problem_found"),
				row.getString("reported_by"), instant(row, "reported_at"), instant(row, "closed_at"));
	};

	/** Open cases of one district and officer (officer null: not claimed yet). */
	public record CaseLoad(String district, String officer, long openCases, long overdueCases) {
	}

	public record OfficerActivity(String officer, long inspections, long problemsFound, long nonSite) {
	}

}
