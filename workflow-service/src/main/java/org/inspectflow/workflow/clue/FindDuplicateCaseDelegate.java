package org.inspectflow.workflow.clue;

import org.inspectflow.workflow.cases.CaseRepository;
import org.inspectflow.workflow.process.EngineClock;
import org.inspectflow.workflow.process.ProcessConstants;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * Applies the enterprise match (the case moves to the enterprise's district) and looks for an open case of the same
 * enterprise and problem type, which this clue then joins instead of opening a second case.
 */
@Component
class FindDuplicateCaseDelegate implements JavaDelegate {

	private final CaseRepository cases;

	private final org.springframework.jdbc.core.JdbcTemplate jdbc;

	FindDuplicateCaseDelegate(CaseRepository cases, org.springframework.jdbc.core.JdbcTemplate jdbc) {
		this.cases = cases;
		this.jdbc = jdbc;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String caseId = execution.getProcessBusinessKey();
		String uscc = (String) execution.getVariable(ProcessConstants.VAR_ENTERPRISE_USCC);
		String district = (String) execution.getVariable(ProcessConstants.VAR_DISTRICT);
		boolean matched = Boolean.TRUE.equals(execution.getVariable(ProcessConstants.VAR_ENTERPRISE_MATCHED));
		this.jdbc.update("UPDATE wf_case SET enterprise_uscc = ?, district = ?, city = ? WHERE case_id = ?", uscc,
				district, execution.getVariable(ProcessConstants.VAR_CITY), caseId);
		this.cases.appendTimeline(caseId, "ENTERPRISE_MATCHED", "enterprise-service", EngineClock.now(),
				matched ? uscc + " (" + district + ")" : "no registered enterprise matched", java.util.List.of());
		String duplicate = uscc == null ? null
				: this.cases.findOpenDuplicate(uscc, (String) execution.getVariable(ProcessConstants.VAR_PROBLEM_TYPE),
						caseId)
					.orElse(null);
		execution.setVariable(ProcessConstants.VAR_DUPLICATE_CASE_ID, duplicate);
	}

}
