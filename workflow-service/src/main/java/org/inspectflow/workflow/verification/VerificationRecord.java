package org.inspectflow.workflow.verification;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.inspectflow.contracts.GeoPoint;
import org.inspectflow.contracts.events.DismissalReason;

/**
 * The structured inspection record (现场检查笔录) or non-site verification an officer submits to complete a
 * verification task.
 *
 * @param finding {@code UNFOUNDED}, {@code VIOLATION_CONFIRMED}, {@code SERIOUS_VIOLATION}, or (non-site only)
 * {@code NEEDS_SITE_VISIT}
 * @param findings what the officer saw or read, in words
 * @param violationType code of the violation on the province's list; required when a violation is found
 * @param legalBasis the provision violated (e.g. 《大气污染防治法》第一百零八条); required when a violation is found
 * @param severity MINOR or GENERAL for a confirmed violation (a serious violation is SERIOUS)
 * @param dismissalReason required when unfounded
 * @param evidenceIds evidence stored by evidence-service for this case
 */
public record VerificationRecord(@NotNull @Pattern(regexp = "UNFOUNDED|VIOLATION_CONFIRMED|SERIOUS_VIOLATION|NEEDS_SITE_VISIT",
		message = "is one of UNFOUNDED, VIOLATION_CONFIRMED, SERIOUS_VIOLATION, NEEDS_SITE_VISIT") String finding,
		@NotBlank @Size(max = 4000) String findings,
		@Size(max = 64) @Pattern(regexp = "[A-Z0-9_]+", message = "is an upper-case code such as VOC_STORAGE_UNSEALED") String violationType,
		@Size(max = 500) String legalBasis,
		@Pattern(regexp = "MINOR|GENERAL", message = "is MINOR or GENERAL") String severity,
		DismissalReason dismissalReason, @Size(max = 4000) String dismissalExplanation,
		@Size(max = 50) List<@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_-]+") String> evidenceIds,
		GeoPoint location) {

	public VerificationRecord {
		evidenceIds = evidenceIds == null ? List.of() : List.copyOf(evidenceIds);
	}

}
