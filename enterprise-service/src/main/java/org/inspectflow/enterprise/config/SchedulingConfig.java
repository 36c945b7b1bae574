package org.inspectflow.enterprise.config;

import org.inspectflow.enterprise.risk.RiskRecompute;
import org.inspectflow.enterprise.risk.RiskRecomputeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;

/**
 * The daily risk reassessment on its cron ({@code inspectflow.enterprise.risk.recompute.*}: 02:00 Asia/Shanghai by
 * default, when the bureau's systems are quiet); {@code enabled: false} switches it off. Tests call the job itself.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "inspectflow.enterprise.risk.recompute.enabled", matchIfMissing = true)
class SchedulingConfig implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(SchedulingConfig.class);

	private final RiskRecompute recompute;

	private final RiskRecomputeProperties properties;

	SchedulingConfig(RiskRecompute recompute, RiskRecomputeProperties properties) {
		this.recompute = recompute;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addCronTask(new CronTask(this::runDaily,
				new CronTrigger(this.properties.cron(), this.properties.zone())));
	}

	private void runDaily() {
		try {
			this.recompute.runDaily();
		}
		catch (RuntimeException ex) {
			// tomorrow's run starts afresh; until then each changed input still reassesses its enterprise
			log.error("the daily risk recompute failed", ex);
		}
	}

}
