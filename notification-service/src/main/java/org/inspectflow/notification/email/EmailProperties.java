package org.inspectflow.notification.email;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code inspectflow.notification.email}; the SMTP server itself is {@code spring.mail.*}.
 *
 * @param from the sender, e.g. {@code InspectFlow <no-reply@inspectflow.local>}
 */
@ConfigurationProperties("inspectflow.notification.email")
record EmailProperties(@DefaultValue("InspectFlow 生态环境执法 <no-reply@inspectflow.local>") String from) {

}
