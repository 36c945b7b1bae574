package org.inspectflow.notification.recipients;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code inspectflow.notification.directory}: the recipient directory's seed.
 *
 * @param seed load {@code seedResource} into an empty directory at start (the demo users of the Keycloak realm)
 * @param seedResource a JSON array of recipients
 */
@ConfigurationProperties("inspectflow.notification.directory")
record DirectoryProperties(@DefaultValue("true") boolean seed,
		@DefaultValue("classpath:seed/recipients.json") String seedResource) {

}
