package org.inspectflow.notification.templates;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code inspectflow.notification}: where the notifications' links point.
 *
 * @param portalUrl the portal as its users reach it (the gateway)
 * @param enterpriseCasePath the enterprise portal's page of a case, {@code {caseId}} filled in
 * @param staffCasePath the officers' and supervisors' page of a case
 * @param inboxPath the page of the in-app inbox, for notifications about no case
 */
@ConfigurationProperties("inspectflow.notification")
record TemplateProperties(@DefaultValue("http://localhost:8080") String portalUrl,
		@DefaultValue("/enterprise/orders/{caseId}") String enterpriseCasePath,
		@DefaultValue("/cases/{caseId}") String staffCasePath, @DefaultValue("/inbox") String inboxPath) {

}
