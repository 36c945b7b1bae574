package org.inspectflow.workflow.clue;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.inspectflow.contracts.ClueSource;
import org.inspectflow.contracts.GeoPoint;
import org.inspectflow.support.security.Caller;
import org.inspectflow.support.validation.Uscc;
import org.inspectflow.workflow.process.Jurisdictions;
import org.inspectflow.support.web.Problems;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Clue intake. {@code POST /clues}: officers (for their own district) and supervisors (any district of their
 * city; only they may dispatch by a double-random draw). {@code POST /integrations/clues}: integrators (client
 * credentials), into the intake district until the enterprise is matched. The reporter is always the caller the
 * token names; the case's status, its officers and its number are the process's, and a body that names them is
 * refused (see service-support's {@code KnownFieldsOnly}).
 */
@RestController
class ClueController {

	private final ClueService clues;

	private final String intakeDistrict;

	ClueController(ClueService clues, @Value("${inspectflow.workflow.intake-district:440304}") String intakeDistrict) {
		this.clues = clues;
		this.intakeDistrict = intakeDistrict;
	}

	@PostMapping("/clues")
	ResponseEntity<ClueService.Opened> report(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody ClueRequest body) {
		Caller caller = Caller.from(jwt);
		boolean supervises = caller.hasRole("supervisor") || caller.hasRole("admin");
		String district = body.district() != null ? body.district() : caller.district();
		if (district == null) {
			throw Problems.badRequest("say which district the clue is for (district)");
		}
		if (!supervises && !district.equals(caller.district())) {
			throw Problems.forbidden("officers report clues for their own district " + caller.district()
					+ "; a supervisor dispatches to other districts");
		}
		if (supervises && !caller.hasRole("admin") && !Jurisdictions.cityOf(district).equals(caller.city())) {
			throw Problems.forbidden("district " + district + " is not in your city " + caller.city());
		}
		if (!supervises && (body.drawId() != null || !body.drawnOfficersOrEmpty().isEmpty())) {
			throw Problems.forbidden("only supervisors dispatch by a double-random draw");
		}
		if (body.drawnOfficersOrEmpty().isEmpty() != (body.drawId() == null)) {
			throw Problems.badRequest("a draw's officers come with its drawId, and a drawId with its officers");
		}
		requireSelf(body, caller.username());
		return open(body, district, caller.username());
	}

	@PostMapping("/integrations/clues")
	ResponseEntity<ClueService.Opened> reportByIntegrator(@AuthenticationPrincipal Jwt jwt,
			@Valid @RequestBody ClueRequest body) {
		if (body.clueId() == null) {
			throw Problems.badRequest("integrators send a clueId (a UUID of theirs), so that a resent clue opens no"
					+ " second case");
		}
		if (body.drawId() != null || !body.drawnOfficersOrEmpty().isEmpty()) {
			throw Problems.forbidden("integrators do not dispatch");
		}
		if (body.district() != null) {
			throw Problems.forbidden("integrators do not dispatch: the clue waits in the intake district until its"
					+ " enterprise is matched, and the match places the case (leave out district)");
		}
		String client = jwt.getClaimAsString("azp") != null ? jwt.getClaimAsString("azp") : jwt.getSubject();
		requireSelf(body, client);
		return open(body, this.intakeDistrict, client);
	}

	/**
	 * The reporter is the caller the token names; {@code reportedBy} (a field of {@code workflow.ReportClue.v1}, whose
	 * data integrators send here) may only repeat it.
	 */
	private static void requireSelf(ClueRequest body, String reporter) {
		if (body.reportedBy() != null && !body.reportedBy().equals(reporter)) {
			throw Problems.forbidden("a clue is reported in the name of the signed-in caller (" + reporter
					+ "), not of '" + body.reportedBy() + "': leave out reportedBy");
		}
	}

	private ResponseEntity<ClueService.Opened> open(ClueRequest body, String district, String reporter) {
		if (body.enterpriseUscc() == null && body.location() == null) {
			throw Problems.badRequest("a clue names the enterprise (enterpriseUscc) or where the problem is (location)");
		}
		if (body.enterpriseUscc() != null && !Uscc.isValid(body.enterpriseUscc())) {
			throw Problems.badRequest("'" + body.enterpriseUscc() + "' is not a valid unified social credit code"
					+ " (18 characters, GB 32100-2015 check character); check it against the business licence");
		}
		ClueService.Opened opened;
		try {
			opened = this.clues.open(new NewClue(body.clueId(), body.source(), body.enterpriseUscc(),
				body.location() == null ? null : new GeoPoint(body.location().latitude(), body.location().longitude()),
				body.problemType(), body.severity(), body.description(), district, body.clientReference(),
				body.reportedAt(), reporter, body.drawId(), body.drawnOfficersOrEmpty()));
		}
		catch (ClueService.ClueIdTakenException ex) {
			throw Problems.conflict(ex.getMessage());
		}
		URI location = URI.create("/cases/" + opened.caseId());
		return opened.created() ? ResponseEntity.created(location).body(opened)
				: ResponseEntity.ok().location(location).body(opened);
	}

	record ClueRequest(
			@Pattern(regexp = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
					message = "is a UUID") String clueId,
			@NotNull ClueSource source, String enterpriseUscc, @Valid Location location,
			@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Z0-9_]+",
					message = "is an upper-case code such as WASTEWATER_EXCEEDANCE") String problemType,
			NewClue.Severity severity, @NotBlank @Size(max = 3000) String description,
			@Pattern(regexp = "[1-9][0-9]{5}", message = "is a 6-digit administrative division code") String district,
			@Size(max = 128) String clientReference, OffsetDateTime reportedAt, @Size(max = 128) String reportedBy,
			@Size(max = 64) String drawId, @Size(max = 10) List<@NotBlank @Size(max = 64) String> drawnOfficers) {

		List<String> drawnOfficersOrEmpty() {
			return this.drawnOfficers == null ? List.of() : this.drawnOfficers;
		}

	}

	record Location(@NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
			@NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude) {
	}

}
