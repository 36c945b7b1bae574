package org.inspectflow.workflow.verification;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
 * @param location where the officer was (GPS of the phone)
 * @param enterpriseUscc the party responsible, when the clue named none (an officer identifies it on site); required
 * for a violation of a case without an enterprise
 */
public record VerificationRecord(@NotNull @Pattern(regexp = "UNFOUNDED|VIOLATION_CONFIRMED|SERIOUS_VIOLATION|NEEDS_SITE_VISIT",
		message = "is one of UNFOUNDED, VIOLATION_CONFIRMED, SERIOUS_VIOLATION, NEEDS_SITE_VISIT") String finding,
		@NotBlank @Size(max = 3000) String findings,
		@Size(max = 64) @Pattern(regexp = "[A-Z0-9_]+", message = "is an upper-case code such as VOC_STORAGE_UNSEALED") String violationType,
		@Size(max = 500) String legalBasis,
		@Pattern(regexp = "MINOR|GENERAL", message = "is MINOR or GENERAL") String severity,
		DismissalReason dismissalReason, @Size(max = 2000) String dismissalExplanation,
		@Size(max = 50) List<@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_-]+") String> evidenceIds,
		@jakarta.validation.Valid Location location, String enterpriseUscc) {

	public VerificationRecord {
		evidenceIds = evidenceIds == null ? List.of() : List.copyOf(evidenceIds);
	}

	/** A position in WGS 84 degrees. */
	public record Location(@NotNull @jakarta.validation.constraints.DecimalMin("-90")
	@jakarta.validation.constraints.DecimalMax("90") Double latitude,
			@NotNull @jakarta.validation.constraints.DecimalMin("-180")
			@jakarta.validation.constraints.DecimalMax("180") Double longitude) {

		org.inspectflow.contracts.GeoPoint point() {
			return new org.inspectflow.contracts.GeoPoint(this.latitude, this.longitude);
		}

	}

}
