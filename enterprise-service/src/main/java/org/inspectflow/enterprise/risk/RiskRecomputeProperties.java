package org.inspectflow.enterprise.risk;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.support.CronExpression;

/**
 * The daily reassessment of every registered enterprise's risk tier ({@link RiskRecompute}).
 *
 * @param enabled false switches the schedule off (the reassessment after each changed input goes on)
 * @param cron when it runs (Spring's six fields, seconds first), by default 02:00
 * @param zone the time zone the cron expression is read in, by default the bureau's (Asia/Shanghai)
 * @param batchSize enterprises read and written per round trip; what the job holds in memory at once
 */
@ConfigurationProperties("inspectflow.enterprise.risk.recompute")
public record RiskRecomputeProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("0 0 2 * * *") String cron, @DefaultValue("Asia/Shanghai") ZoneId zone,
		@DefaultValue("500") int batchSize) {

	public static final int MAX_BATCH_SIZE = 10_000;

	public RiskRecomputeProperties {
		if (enabled && (cron == null || !CronExpression.isValidExpression(cron))) {
			throw new IllegalArgumentException("inspectflow.enterprise.risk.recompute.cron '" + cron
					+ "' is not a cron expression such as '0 0 2 * * *' (second minute hour day month weekday)");
		}
		if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
			throw new IllegalArgumentException(
					"inspectflow.enterprise.risk.recompute.batch-size must be 1 to " + MAX_BATCH_SIZE + ": " + batchSize);
		}
	}

	/** The defaults, for code that runs without Spring's binding (tests, benchmarks). */
	public static RiskRecomputeProperties defaults() {
		return new RiskRecomputeProperties(true, "0 0 2 * * *", ZoneId.of("Asia/Shanghai"), 500);
	}

}
