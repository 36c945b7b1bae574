package org.inspectflow.contracts.events;

import java.time.OffsetDateTime;

/**
 * A penalty case (立案) was opened against the enterprise; the administrative penalty itself is handled outside
 * InspectFlow, but the enterprise's compliance record and case-file evaluation need to know.
 *
 * @param penaltyCaseNumber the file number of the penalty case, e.g. {@code 深环罚〔2026〕123号}
 * @param violationType code of the violation
 * @param legalBasis the provision the case is opened under
 */
public record PenaltyCaseOpened(String caseId, String enterpriseUscc, String penaltyCaseNumber,
		PenaltyGrounds grounds, String violationType, String legalBasis, OffsetDateTime openedAt, String openedBy) {

	public static final String TYPE = "workflow.PenaltyCaseOpened.v1";

}
