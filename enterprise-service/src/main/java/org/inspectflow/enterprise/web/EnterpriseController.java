package org.inspectflow.enterprise.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.inspectflow.contracts.RiskTier;
import org.inspectflow.enterprise.compliance.ComplianceEvents;
import org.inspectflow.enterprise.compliance.ComplianceHistory;
import org.inspectflow.enterprise.compliance.domain.ComplianceEntry;
import org.inspectflow.enterprise.importing.ImportReport;
import org.inspectflow.enterprise.importing.RegisterExport;
import org.inspectflow.enterprise.importing.RegisterImport;
import org.inspectflow.enterprise.register.Enterprise;
import org.inspectflow.enterprise.register.EnterpriseRegister;
import org.inspectflow.enterprise.register.domain.DivisionCodes;
import org.inspectflow.enterprise.risk.PositiveList;
import org.inspectflow.support.security.Caller;
import org.inspectflow.support.validation.Uscc;
import org.inspectflow.support.web.Problems;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The register's API. URL rules give the roles ({@code EnterpriseConfig}); {@link EnterpriseAccess} decides whose
 * enterprises the caller sees.
 */
@RestController
@RequestMapping("/enterprises")
class EnterpriseController {

	static final int MAX_PAGE_SIZE = 200;

	private final EnterpriseRegister register;

	private final ComplianceHistory history;

	private final PositiveList positiveList;

	private final RegisterImport importer;

	private final RegisterExport exporter;

	EnterpriseController(EnterpriseRegister register, ComplianceHistory history, PositiveList positiveList,
			RegisterImport importer, RegisterExport exporter) {
		this.register = register;
		this.history = history;
		this.positiveList = positiveList;
		this.importer = importer;
		this.exporter = exporter;
	}

	/**
	 * Search by name or USCC within the caller's district (officers) or city (supervisors), or everywhere (admins); a
	 * district outside the caller's scope is 403.
	 */
	@GetMapping
	PageView search(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String q,
			@RequestParam(required = false) String district, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		Caller caller = Caller.from(jwt);
		if (q != null && q.length() > 64) {
			throw Problems.badRequest("q is at most 64 characters: part of a name or the start of a USCC");
		}
		requireDistrict(district);
		if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
			throw Problems.badRequest("page starts at 0 and size is 1 to " + MAX_PAGE_SIZE);
		}
		Criteria scope = EnterpriseAccess.scope(caller);
		requireReach(caller, district);
		EnterpriseRegister.Page found = this.register.search(scope, q, district, page, size);
		return new PageView(found.items().stream().map(Summary::of).toList(), found.page(), found.size(),
				found.total());
	}

	@GetMapping("/{uscc}")
	Details get(@AuthenticationPrincipal Jwt jwt, @PathVariable String uscc) {
		Enterprise enterprise = visible(Caller.from(jwt), uscc);
		return Details.of(enterprise, this.positiveList.history(uscc));
	}

	@GetMapping("/{uscc}/compliance")
	ComplianceView compliance(@AuthenticationPrincipal Jwt jwt, @PathVariable String uscc) {
		Enterprise enterprise = visible(Caller.from(jwt), uscc);
		List<ComplianceEntry> entries = this.history.of(uscc);
		LocalDate yearAgo = LocalDate.now(ComplianceEvents.ZONE).minusMonths(12);
		long recent = entries.stream()
			.filter(ComplianceEntry::isViolation)
			.filter((entry) -> !entry.date().isBefore(yearAgo))
			.count();
		return new ComplianceView(enterprise.uscc(), enterprise.name(), enterprise.riskTier(),
				enterprise.riskReasons(), recent, entries.stream().map(Entry::of).toList());
	}

	/** Admins import a CSV file (multipart part {@code file}); every good row is stored, every bad one reported. */
	@PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ImportReport importFile(@RequestPart("file") MultipartFile file) throws IOException {
		try (InputStream in = file.getInputStream()) {
			return importCsv(in);
		}
	}

	/** The same import with the CSV as the request body, for scripts ({@code curl --data-binary @file.csv}). */
	@PostMapping(path = "/import", consumes = "text/csv")
	ImportReport importBody(InputStream body) {
		return importCsv(body);
	}

	private ImportReport importCsv(InputStream in) {
		try {
			return this.importer.importCsv(in);
		}
		catch (RegisterImport.BadFileException ex) {
			throw Problems.badRequest(ex.getMessage());
		}
	}

	/** The register (of the supervisor's city, or for admins any) as CSV, streamed. */
	@GetMapping(path = "/export")
	ResponseEntity<StreamingResponseBody> export(@AuthenticationPrincipal Jwt jwt,
			@RequestParam(required = false) String district) {
		Caller caller = Caller.from(jwt);
		requireDistrict(district);
		Criteria scope = EnterpriseAccess.scope(caller);
		requireReach(caller, district);
		String name = "enterprises" + (district == null ? "" : "-" + district) + ".csv";
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
			.body((out) -> this.exporter.write(scope, district, out));
	}

	@PutMapping("/{uscc}/positive-list")
	ListingView putOnList(@AuthenticationPrincipal Jwt jwt, @PathVariable String uscc,
			@Valid @RequestBody ListingChange change) {
		return changeListing(Caller.from(jwt), uscc, true, change);
	}

	@DeleteMapping("/{uscc}/positive-list")
	ListingView takeOffList(@AuthenticationPrincipal Jwt jwt, @PathVariable String uscc,
			@Valid @RequestBody ListingChange change) {
		return changeListing(Caller.from(jwt), uscc, false, change);
	}

	private ListingView changeListing(Caller caller, String uscc, boolean listed, ListingChange change) {
		Enterprise enterprise = visible(caller, uscc);
		if (!EnterpriseAccess.mayManageListing(caller, enterprise)) {
			throw Problems.forbidden("only a supervisor of " + enterprise.city() + " or an admin changes this listing");
		}
		PositiveList.Outcome outcome = this.positiveList.set(uscc, listed, caller.username(), change.reason().strip());
		if (outcome == PositiveList.Outcome.NOT_FOUND) {
			throw Problems.notFound("no enterprise " + uscc + " in the register");
		}
		Enterprise after = this.register.find(uscc).orElseThrow();
		return new ListingView(uscc, after.positiveList(), outcome == PositiveList.Outcome.CHANGED, after.riskTier(),
				after.riskReasons(), this.positiveList.history(uscc));
	}

	/** The enterprise if registered and in the caller's scope; else 404 (400 for a code that cannot be a USCC). */
	private Enterprise visible(Caller caller, String uscc) {
		if (!Uscc.isValid(uscc)) {
			throw Problems.badRequest("'" + uscc + "' is not a unified social credit code (GB 32100-2015)");
		}
		return this.register.find(uscc)
			.filter((enterprise) -> EnterpriseAccess.maySee(caller, enterprise))
			.orElseThrow(() -> Problems.notFound("no enterprise " + uscc + " that you may see"));
	}

	private static void requireReach(Caller caller, String district) {
		if (district != null && !EnterpriseAccess.mayReachDistrict(caller, district)) {
			throw Problems.forbidden("district " + district + " is outside your jurisdiction");
		}
	}

	private static void requireDistrict(String district) {
		if (district != null && !DivisionCodes.isDistrict(district)) {
			throw Problems.badRequest("district '" + district + "' is not a district code such as 440304");
		}
	}

	record PageView(List<Summary> items, int page, int size, long total) {
	}

	record Summary(String uscc, String name, String district, String city, String industryCode,
			boolean keyPollutantUnit, boolean positiveList, RiskTier riskTier) {

		static Summary of(Enterprise e) {
			return new Summary(e.uscc(), e.name(), e.district(), e.city(), e.industryCode(), e.keyPollutantUnit(),
					e.positiveList(), e.riskTier());
		}

	}

	record Location(double latitude, double longitude) {
	}

	record Details(String uscc, String name, String address, Location location, String city, String district,
			String street, String grid, String industryCode, String industryName, String dischargePermitNumber,
			boolean keyPollutantUnit, boolean positiveList, List<PositiveList.Change> positiveListHistory,
			RiskTier riskTier, List<String> riskReasons, Instant updatedAt) {

		static Details of(Enterprise e, List<PositiveList.Change> listing) {
			return new Details(e.uscc(), e.name(), e.address(),
					e.latitude() == null ? null : new Location(e.latitude(), e.longitude()), e.city(), e.district(),
					e.street(), e.grid(), e.industryCode(), e.industryName(), e.dischargePermitNumber(),
					e.keyPollutantUnit(), e.positiveList(), listing, e.riskTier(), e.riskReasons(), e.updatedAt());
		}

	}

	record Entry(String kind, String caseId, LocalDate date, Instant at, String violationType, String reference,
			String detail) {

		static Entry of(ComplianceEntry entry) {
			return new Entry(entry.kind().name(), entry.caseId(), entry.date(), entry.at(), entry.violationType(),
					entry.reference(), entry.detail());
		}

	}

	record ComplianceView(String uscc, String name, RiskTier riskTier, List<String> riskReasons,
			long violationsPast12Months, List<Entry> entries) {
	}

	record ListingChange(@NotBlank @Size(max = 500) String reason) {
	}

	record ListingView(String uscc, boolean positiveList, boolean changed, RiskTier riskTier, List<String> riskReasons,
			List<PositiveList.Change> history) {
	}

}
