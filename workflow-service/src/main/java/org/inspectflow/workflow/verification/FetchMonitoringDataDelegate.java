package org.inspectflow.workflow.verification;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.inspectflow.workflow.cases.CaseRepository;
import org.inspectflow.workflow.process.EngineClock;
import org.inspectflow.workflow.process.ProcessConstants;
import org.operaton.bpm.engine.delegate.BpmnError;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.JavaDelegate;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Non-site verification (非现场): fetches the enterprise's monitoring readings of the past day from the
 * online-monitoring platform and keeps them as a snapshot the officer decides on; the process keeps the snapshot's id.
 * The task runs asynchronously; when the platform does not answer, the case goes to an inspection on site
 * ({@code Error_MonitoringUnavailable}) rather than waiting for an outside system.
 */
@Component
class FetchMonitoringDataDelegate implements JavaDelegate {

	private static final Duration LOOK_BACK = Duration.ofHours(24);

	private final MonitoringPlatformClient platform;

	private final JdbcTemplate jdbc;

	private final ObjectMapper json;

	private final CaseRepository cases;

	FetchMonitoringDataDelegate(MonitoringPlatformClient platform, JdbcTemplate jdbc, ObjectMapper json,
			CaseRepository cases) {
		this.platform = platform;
		this.jdbc = jdbc;
		this.json = json;
		this.cases = cases;
	}

	@Override
	public void execute(DelegateExecution execution) throws JsonProcessingException {
		String caseId = execution.getProcessBusinessKey();
		String uscc = (String) execution.getVariable(ProcessConstants.VAR_ENTERPRISE_USCC);
		Instant now = EngineClock.now();
		MonitoringPlatformClient.Readings readings;
		try {
			readings = this.platform.readings(uscc, now.minus(LOOK_BACK), now);
		}
		catch (RuntimeException ex) {
			// the case must not wait on an outside system: verify on site instead
			this.cases.appendTimeline(caseId, "MONITORING_DATA_UNAVAILABLE", "online-monitoring platform", now,
					"no readings (" + ex.getClass().getSimpleName() + "): verification on site", List.of());
			throw new BpmnError("MONITORING_UNAVAILABLE", ex.getMessage());
		}
		String snapshotId = UUID.randomUUID().toString();
		long exceedances = readings.exceedances();
		this.jdbc.update("INSERT INTO wf_monitoring_snapshot (snapshot_id, case_id, fetched_at, exceedances, content)"
				+ " VALUES (?, ?, ?, ?, ?)", snapshotId, caseId, Timestamp.from(now), exceedances,
				this.json.writeValueAsString(readings));
		execution.setVariable(ProcessConstants.VAR_MONITORING_SNAPSHOT_ID, snapshotId);
		execution.setVariable("monitoringExceedances", exceedances);
		this.cases.appendTimeline(caseId, "MONITORING_DATA_FETCHED", "online-monitoring platform", now,
				readings.readings().size() + " readings, " + exceedances + " over the limit", List.of());
	}

}
