package org.inspectflow.workflow.clue;

import org.inspectflow.contracts.GeoPoint;
import org.inspectflow.contracts.commands.MatchEnterprise;
import org.inspectflow.workflow.process.CaseEvents;
import org.inspectflow.workflow.process.ProcessConstants;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.JavaDelegate;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Asks enterprise-service who the clue is about (by USCC, or the nearest site to where the problem was seen). */
@Component
class RequestEnterpriseMatchDelegate implements JavaDelegate {

	private final CaseEvents events;

	private final int radiusMeters;

	RequestEnterpriseMatchDelegate(CaseEvents events,
			@Value("${inspectflow.workflow.enterprise-match-radius-meters:500}") int radiusMeters) {
		this.events = events;
		this.radiusMeters = radiusMeters;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String caseId = execution.getProcessBusinessKey();
		Double latitude = (Double) execution.getVariable(ProcessConstants.VAR_LATITUDE);
		Double longitude = (Double) execution.getVariable(ProcessConstants.VAR_LONGITUDE);
		GeoPoint location = latitude == null || longitude == null ? null : new GeoPoint(latitude, longitude);
		this.events.publish(execution, MatchEnterprise.TYPE, caseId, new MatchEnterprise(caseId,
				(String) execution.getVariable(ProcessConstants.VAR_ENTERPRISE_USCC), location, this.radiusMeters));
	}

}
