package org.inspectflow.workflow.config;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The sweep of kept early messages; tests drive it by hand. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "inspectflow.workflow.scheduling.enabled", matchIfMissing = true)
class SchedulingConfig {

}
