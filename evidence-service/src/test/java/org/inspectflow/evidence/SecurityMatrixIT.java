package org.inspectflow.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.inspectflow.evidence.cases.CaseDirectory;
import org.inspectflow.evidence.chain.domain.HashChain;
import org.inspectflow.evidence.upload.EvidenceSamples;
import org.inspectflow.support.test.ForgedTokens;
import org.inspectflow.support.test.Keycloak;
import org.inspectflow.support.test.SecurityMatrix;
import org.inspectflow.support.test.SecurityMatrix.Expect;
import org.inspectflow.support.test.SecurityMatrix.Who;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8's security matrix for evidence-service, against the real Keycloak: every endpoint the service maps, called
 * by every kind of caller on cases of either side — Futian and enterprise A, Nanshan and enterprise B, and a case of
 * another city (BOLA); an enterprise or an integrator at the officers' functions, an admin adding evidence (BFLA);
 * forged tokens (401); and uploads that try to set what the service decides — uploader, role, the case's enterprise,
 * hashes, sequence — which are ignored or refused (mass assignment).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "inspectflow.security.clock-skew=0s")
@DirtiesContext
class SecurityMatrixIT {

	static final String FUTIAN = SecurityMatrix.FUTIAN;

	static final String NANSHAN = SecurityMatrix.NANSHAN;

	/** 天河区, Guangzhou: a district of another city than supervisor1's. */
	static final String ANOTHER_CITY = "440106";

	static final String ENTERPRISE_A = SecurityMatrix.ENTERPRISE_A_USCC;

	static final String ENTERPRISE_B = SecurityMatrix.ENTERPRISE_B_USCC;

	static final Instant ORDERED_AT = Instant.parse("2026-03-05T02:00:00Z");

	static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	static final ObjectMapper JSON = new ObjectMapper();

	/** Each upload gets its own picture, so no two uploads to one case are the same content by accident. */
	static final AtomicInteger SEEDS = new AtomicInteger(1);

	@LocalServerPort
	int port;

	@Autowired
	CaseDirectory cases;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void everyEndpointAnswersEveryCallerAsTheMatrixSays() throws Exception {
		String a = caseOf(FUTIAN, ENTERPRISE_A, true);
		String officersOnly = add(a, "officer1", "", photo());
		String shared = add(a, "officer1", "?share=true", photo());
		String proofOfA = add(a, "enterprise1", "", photo());
		String b = caseOf(NANSHAN, ENTERPRISE_B, true);
		String officersOfB = add(b, "officer2", "", photo());
		String proofOfB = add(b, "enterprise2", "", photo());
		String elsewhere = caseOf(ANOTHER_CITY, null, false);
		String beforeOrder = caseOf(FUTIAN, ENTERPRISE_A, false);
		String ended = caseOf(FUTIAN, ENTERPRISE_A, true);
		this.cases.ended(ended);

		SecurityMatrix matrix = new SecurityMatrix("http://localhost:" + this.port);
		String upload = "/cases/{caseId}/evidence";
		// each caller adds a new photo to a case of its own, so an allowed upload is a 201, not a repeat
		Multipart file = new Multipart();
		Function<Who, byte[]> photoPerCaller = (who) -> file.fileOnly("matrix.jpg", EvidenceSamples.jpeg(seed()));
		FreshCases ofA = new FreshCases(() -> caseOf(FUTIAN, ENTERPRISE_A, true));
		matrix.row("POST", upload, ofA)
			.body(file.contentType(), photoPerCaller)
			.allow(Who.OFFICER_FUTIAN, Who.SUPERVISOR, Who.ENTERPRISE_A);
		FreshCases ofB = new FreshCases(() -> caseOf(NANSHAN, ENTERPRISE_B, true));
		matrix.row("POST", upload, ofB)
			.body(file.contentType(), photoPerCaller)
			.allow(Who.OFFICER_NANSHAN, Who.SUPERVISOR, Who.ENTERPRISE_B);
		// an admin reaches every case, but adds no evidence
		FreshCases inAnotherCity = new FreshCases(() -> caseOf(ANOTHER_CITY, null, false));
		matrix.row("POST", upload, inAnotherCity).body(file.contentType(), photoPerCaller);
		FreshCases ofABeforeOrder = new FreshCases(() -> caseOf(FUTIAN, ENTERPRISE_A, false));
		matrix.row("POST", upload, ofABeforeOrder)
			.body(file.contentType(), photoPerCaller)
			.allow(Who.OFFICER_FUTIAN, Who.SUPERVISOR);
		matrix.row("POST", upload, "/cases/" + ended + "/evidence")
			.body(file.contentType(), photoPerCaller)
			.expect(Who.OFFICER_FUTIAN, Expect.status(409))
			.expect(Who.SUPERVISOR, Expect.status(409))
			.expect(Who.ENTERPRISE_A, Expect.status(409));

		String list = "/cases/{caseId}/evidence";
		matrix.row("GET", list, "/cases/" + a + "/evidence")
			.expect(Who.OFFICER_FUTIAN, lists(List.of(officersOnly, shared, proofOfA), List.of()))
			.expect(Who.SUPERVISOR, lists(List.of(officersOnly, shared, proofOfA), List.of()))
			.expect(Who.ADMIN, lists(List.of(officersOnly, shared, proofOfA), List.of()))
			.expect(Who.ENTERPRISE_A, lists(List.of(shared, proofOfA), List.of(officersOnly)));
		matrix.row("GET", list, "/cases/" + b + "/evidence")
			.allow(Who.OFFICER_NANSHAN, Who.SUPERVISOR, Who.ADMIN)
			.expect(Who.ENTERPRISE_B, lists(List.of(proofOfB), List.of(officersOfB)));
		matrix.row("GET", list, "/cases/" + elsewhere + "/evidence").allow(Who.ADMIN);
		matrix.row("GET", list, "/cases/" + beforeOrder + "/evidence")
			.allow(Who.OFFICER_FUTIAN, Who.SUPERVISOR, Who.ADMIN);
		matrix.row("GET", list, "/cases/CASE-NOWHERE-" + UUID.randomUUID() + "/evidence");

		String content = "/cases/{caseId}/evidence/{evidenceId}/content";
		matrix.row("GET", content, "/cases/" + a + "/evidence/" + officersOnly + "/content")
			.allow(Who.OFFICER_FUTIAN, Who.SUPERVISOR, Who.ADMIN);
		matrix.row("GET", content, "/cases/" + a + "/evidence/" + shared + "/content")
			.allow(Who.OFFICER_FUTIAN, Who.SUPERVISOR, Who.ADMIN, Who.ENTERPRISE_A);
		matrix.row("GET", content, "/cases/" + a + "/evidence/" + proofOfA + "/content")
			.allow(Who.OFFICER_FUTIAN, Who.SUPERVISOR, Who.ADMIN, Who.ENTERPRISE_A);
		matrix.row("GET", content, "/cases/" + b + "/evidence/" + proofOfB + "/content")
			.allow(Who.OFFICER_NANSHAN, Who.SUPERVISOR, Who.ADMIN, Who.ENTERPRISE_B);
		// a case the caller reaches does not open another case's file
		matrix.row("GET", content, "/cases/" + a + "/evidence/" + officersOfB + "/content");
		matrix.row("GET", content, "/cases/" + a + "/evidence/" + proofOfB + "/content");

		String verify = "/cases/{caseId}/chain/verify";
		matrix.row("GET", verify, "/cases/" + a + "/chain/verify")
			.allow(Who.OFFICER_FUTIAN, Who.SUPERVISOR, Who.ADMIN)
			.expect(Who.ENTERPRISE_A, forbidden());
		matrix.row("GET", verify, "/cases/" + b + "/chain/verify")
			.allow(Who.OFFICER_NANSHAN, Who.SUPERVISOR, Who.ADMIN)
			.expect(Who.ENTERPRISE_B, forbidden());
		matrix.row("GET", verify, "/cases/" + elsewhere + "/chain/verify").allow(Who.ADMIN);

		String bundle = "/cases/{caseId}/evidence/bundle";
		matrix.row("GET", bundle, "/cases/" + a + "/evidence/bundle")
			.allow(Who.OFFICER_FUTIAN, Who.SUPERVISOR, Who.ADMIN)
			.expect(Who.ENTERPRISE_A, forbidden());
		matrix.row("GET", bundle, "/cases/" + b + "/evidence/bundle")
			.allow(Who.OFFICER_NANSHAN, Who.SUPERVISOR, Who.ADMIN)
			.expect(Who.ENTERPRISE_B, forbidden());
		matrix.row("GET", bundle, "/cases/" + elsewhere + "/evidence/bundle").allow(Who.ADMIN);

		matrix.row("GET", "/me", "/me")
			.allow(Who.OFFICER_FUTIAN, Who.OFFICER_NANSHAN, Who.SUPERVISOR, Who.ENTERPRISE_A, Who.ENTERPRISE_B,
					Who.ADMIN, Who.INTEGRATOR, Who.INTEGRATOR_B);

		matrix.assertCovers(this.mappings, "* /error");
		matrix.assertAll();

		// the refused uploads left nothing behind
		ofA.holdFilesOnlyFor(Who.OFFICER_FUTIAN, Who.SUPERVISOR, Who.ENTERPRISE_A);
		ofB.holdFilesOnlyFor(Who.OFFICER_NANSHAN, Who.SUPERVISOR, Who.ENTERPRISE_B);
		inAnotherCity.holdFilesOnlyFor();
		ofABeforeOrder.holdFilesOnlyFor(Who.OFFICER_FUTIAN, Who.SUPERVISOR);
		assertThat(filesOf(ended)).isZero();
		assertThat(this.mongo.count(Query.query(Criteria.where("_id").is(ended)), "ledgers")).isZero();
	}

	@Test
	void forgedTokensAreRefusedWith401AndChangeNothing() throws Exception {
		String caseId = caseOf(FUTIAN, ENTERPRISE_A, true);
		String path = "/cases/" + caseId + "/evidence";
		assertThat(get(path, Keycloak.userToken("officer1")).status()).as("the genuine token").isEqualTo(200);
		Map<String, String> forged = ForgedTokens.all("officer1");
		assertThat(forged.keySet()).containsExactlyElementsOf(ForgedTokens.names());
		for (Map.Entry<String, String> token : forged.entrySet()) {
			Reply read = get(path, token.getValue());
			assertThat(read.status()).as(token.getKey() + ": " + read.body()).isEqualTo(401);
			assertThat(read.contentType()).as(token.getKey()).startsWith("application/problem+json");
			Reply write = upload(caseId, token.getValue(), "", new Multipart().file("x.jpg", "image/jpeg",
					EvidenceSamples.jpeg(seed())));
			assertThat(write.status()).as(token.getKey() + ": " + write.body()).isEqualTo(401);
			assertThat(write.contentType()).as(token.getKey()).startsWith("application/problem+json");
		}
		assertThat(filesOf(caseId)).isZero();
	}

	@Test
	void anUploadCannotSetTheUploaderRoleCaseEnterpriseHashesOrSequence() throws Exception {
		String caseId = caseOf(FUTIAN, ENTERPRISE_A, true);
		String otherCase = caseOf(NANSHAN, ENTERPRISE_B, true);
		Reply first = upload(caseId, Keycloak.userToken("officer1"), "", photo());
		String fake = "f".repeat(64);
		String claims = "uploader=officer1&uploaderRole=official&actor=officer1&role=officer&sequence=7&sha256=" + fake
				+ "&hash=" + fake + "&previousHash=" + fake + "&metadataDigest=" + fake + "&enterpriseUscc="
				+ ENTERPRISE_B + "&enterpriseId=" + ENTERPRISE_B + "&caseId=" + otherCase
				+ "&sharedWithEnterprise=false&flags=&at=2020-01-01T00:00:00Z&fileId=000000000000000000000000";
		Multipart body = new Multipart();
		for (String claim : claims.split("&")) {
			String[] pair = claim.split("=", 2);
			body.field(pair[0], pair[1]);
		}
		byte[] jpeg = EvidenceSamples.jpeg(seed());
		// the part's header lies about the type, and a form field tries to make the photo an inspection record
		body.field("kind", "INSPECTION_RECORD").file("proof.jpg", "application/pdf", jpeg);
		Reply proof = upload(caseId, Keycloak.userToken("enterprise1"), "?" + claims, body);
		assertThat(proof.status()).as(proof.body()).isEqualTo(201);

		JsonNode stored = linkOf(caseId, proof.json().get("evidenceId").asText());
		assertThat(stored.get("sequence").asLong()).isEqualTo(2);
		assertThat(stored.get("actor").asText()).isEqualTo("enterprise1");
		assertThat(stored.get("sha256").asText()).isEqualTo(HashChain.hex(HashChain.messageDigest().digest(jpeg)));
		assertThat(stored.get("previousHash").asText()).isEqualTo(first.json().get("hash").asText());
		JsonNode metadata = stored.get("metadata");
		assertThat(metadata.get("uploader").asText()).isEqualTo("enterprise1");
		assertThat(metadata.get("uploaderRole").asText()).isEqualTo("enterprise");
		assertThat(metadata.get("caseId").asText()).isEqualTo(caseId);
		assertThat(metadata.get("contentType").asText()).isEqualTo("image/jpeg");
		assertThat(metadata.get("kind").asText()).isEqualTo("PHOTO");
		assertThat(metadata.get("sharedWithEnterprise").asText()).isEqualTo("true");
		assertThat(metadata.get("flags").asText()).isEqualTo("NO_GPS,NO_CAPTURE_TIME");
		assertThat(metadata.has("enterpriseUscc")).isFalse();
		assertThat(this.cases.find(caseId).get().enterpriseUscc()).isEqualTo(ENTERPRISE_A);
		assertThat(this.cases.find(otherCase).get().enterpriseUscc()).isEqualTo(ENTERPRISE_B);
		assertThat(filesOf(otherCase)).isZero();
		assertThat(this.mongo.count(Query.query(Criteria.where("_id").is(otherCase)), "ledgers")).isZero();
		assertThat(get("/cases/" + caseId + "/chain/verify", Keycloak.userToken("officer1")).json().get("valid")
			.asBoolean()).isTrue();
	}

	@Test
	void anOfficerCannotSetTheUploaderOrShareByAFormField() throws Exception {
		String caseId = caseOf(FUTIAN, ENTERPRISE_A, true);
		Reply upload = upload(caseId, Keycloak.userToken("officer1"), "?uploader=enterprise1&uploaderRole=enterprise",
				new Multipart().field("share", "true")
					.field("uploader", "enterprise1")
					.file("site.jpg", "image/jpeg", EvidenceSamples.jpeg(seed())));
		assertThat(upload.status()).as(upload.body()).isEqualTo(201);
		String evidenceId = upload.json().get("evidenceId").asText();
		JsonNode metadata = linkOf(caseId, evidenceId).get("metadata");
		assertThat(metadata.get("uploader").asText()).isEqualTo("officer1");
		assertThat(metadata.get("uploaderRole").asText()).isEqualTo("official");
		assertThat(metadata.get("sharedWithEnterprise").asText()).as("share is a query parameter").isEqualTo("false");
		assertThat(get("/cases/" + caseId + "/evidence", Keycloak.userToken("enterprise1")).body())
			.doesNotContain(evidenceId);
	}

	@Test
	void anEnterpriseCannotLabelItsFileAsTheOfficersInspectionRecordOrSamplingResult() throws Exception {
		String caseId = caseOf(FUTIAN, ENTERPRISE_A, true);
		for (String kind : List.of("INSPECTION_RECORD", "SAMPLING_RESULT")) {
			Reply refused = upload(caseId, Keycloak.userToken("enterprise1"), "?kind=" + kind,
					new Multipart().file("record.pdf", "application/pdf", EvidenceSamples.pdf()));
			assertThat(refused.status()).as(refused.body()).isEqualTo(400);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			assertThat(refused.body()).contains("made by the officers");
		}
		assertThat(filesOf(caseId)).isZero();
		assertThat(this.mongo.count(Query.query(Criteria.where("_id").is(caseId)), "ledgers")).isZero();

		Reply report = upload(caseId, Keycloak.userToken("enterprise1"), "?kind=TEST_REPORT",
				new Multipart().file("report.pdf", "application/pdf", EvidenceSamples.pdf()));
		assertThat(report.status()).as(report.body()).isEqualTo(201);
		assertThat(report.json().get("metadata").get("kind").asText()).isEqualTo("TEST_REPORT");
		Reply record = upload(caseId, Keycloak.userToken("officer1"), "?kind=INSPECTION_RECORD",
				new Multipart().file("record.jpg", "image/jpeg", EvidenceSamples.jpeg(seed())));
		assertThat(record.status()).as(record.body()).isEqualTo(201);
		assertThat(record.json().get("metadata").get("kind").asText()).isEqualTo("INSPECTION_RECORD");
	}

	/**
	 * Were an enterprise's upload matched with the officers' unshared files, uploading a file would tell it whether
	 * the officers hold it (a complainant's photo) and answer with their link: it is matched only with what it sees.
	 */
	@Test
	void anEnterpriseUploadingAFileTheOfficersKeepUnsharedLearnsNothingOfTheirs() throws Exception {
		String caseId = caseOf(FUTIAN, ENTERPRISE_A, true);
		byte[] complaintPhoto = EvidenceSamples.jpeg(seed());
		Reply officers = upload(caseId, Keycloak.userToken("officer1"), "",
				new Multipart().file("complainant-12369.jpg", "image/jpeg", complaintPhoto));
		assertThat(officers.status()).isEqualTo(201);
		String officersId = officers.json().get("evidenceId").asText();

		Reply enterprise = upload(caseId, Keycloak.userToken("enterprise1"), "",
				new Multipart().file("ours.jpg", "image/jpeg", complaintPhoto));
		assertThat(enterprise.status()).as("a new link, as for any new file").isEqualTo(201);
		assertThat(enterprise.body()).doesNotContain(officersId).doesNotContain("complainant");
		String enterpriseId = enterprise.json().get("evidenceId").asText();
		assertThat(enterprise.json().get("actor").asText()).isEqualTo("enterprise1");

		Reply again = upload(caseId, Keycloak.userToken("enterprise1"), "",
				new Multipart().file("ours-again.jpg", "image/jpeg", complaintPhoto));
		assertThat(again.status()).as("its own file again is a repeat").isEqualTo(200);
		assertThat(again.json().get("evidenceId").asText()).isEqualTo(enterpriseId);
		Reply officerAgain = upload(caseId, Keycloak.userToken("officer1"), "",
				new Multipart().file("again.jpg", "image/jpeg", complaintPhoto));
		assertThat(officerAgain.status()).isEqualTo(200);
		assertThat(officerAgain.json().get("evidenceId").asText()).isEqualTo(officersId);

		assertThat(get("/cases/" + caseId + "/evidence", Keycloak.userToken("enterprise1")).body())
			.contains(enterpriseId)
			.doesNotContain(officersId);
		assertThat(get("/cases/" + caseId + "/evidence", Keycloak.userToken("officer1")).json()).hasSize(2);
		assertThat(get("/cases/" + caseId + "/chain/verify", Keycloak.userToken("officer1")).json().get("valid")
			.asBoolean()).isTrue();
	}

	@Test
	void theEnterpriseReachesItsCaseFromTheRectificationOrderOn() throws Exception {
		String caseId = caseOf(FUTIAN, ENTERPRISE_A, false);
		String officers = add(caseId, "officer1", "?share=true", photo());
		String enterprise1 = Keycloak.userToken("enterprise1");
		Reply list = get("/cases/" + caseId + "/evidence", enterprise1);
		assertThat(list.status()).as("a case under verification is not told to the enterprise").isEqualTo(404);
		assertThat(list.body()).doesNotContain(officers);
		assertThat(get("/cases/" + caseId + "/evidence/" + officers + "/content", enterprise1).status()).isEqualTo(404);
		assertThat(upload(caseId, enterprise1, "", photo()).status()).isEqualTo(404);
		assertThat(filesOf(caseId)).isEqualTo(1);

		this.cases.ordered(caseId, ENTERPRISE_A, ORDERED_AT);
		assertThat(get("/cases/" + caseId + "/evidence", enterprise1).body()).contains(officers);
		assertThat(upload(caseId, enterprise1, "", photo()).status()).isEqualTo(201);
	}

	// ------------------------------------------------------------------------------------------------ fixtures

	/** A case of the district about the enterprise (none: null), ordered to rectify or not yet. */
	String caseOf(String district, String enterpriseUscc, boolean ordered) {
		String caseId = "CASE-SEC-" + UUID.randomUUID();
		this.cases.record(caseId, district, enterpriseUscc, 22.5218, 114.0587);
		if (ordered) {
			this.cases.ordered(caseId, enterpriseUscc, ORDERED_AT);
		}
		return caseId;
	}

	/**
	 * The upload path of a case made for each caller the first time it is asked (the matrix asks more than once), so
	 * each allowed upload is a new file in a case of its own; afterwards, which callers' cases hold a file.
	 */
	final class FreshCases implements Function<Who, String> {

		private final Map<Who, String> made = new EnumMap<>(Who.class);

		private final Supplier<String> newCase;

		FreshCases(Supplier<String> newCase) {
			this.newCase = newCase;
		}

		@Override
		public String apply(Who who) {
			return "/cases/" + this.made.computeIfAbsent(who, (caller) -> this.newCase.get()) + "/evidence";
		}

		/** The allowed callers' cases hold one file and one link; everyone else's nothing (no orphan, no link). */
		void holdFilesOnlyFor(Who... allowed) {
			List<Who> adders = List.of(allowed);
			assertThat(this.made.keySet()).containsAll(adders);
			this.made.forEach((who, caseId) -> {
				long expected = adders.contains(who) ? 1 : 0;
				assertThat(filesOf(caseId)).as(who + "'s upload to " + caseId).isEqualTo(expected);
				assertThat(SecurityMatrixIT.this.mongo.count(Query.query(Criteria.where("_id").is(caseId)), "ledgers"))
					.as(who + "'s link in " + caseId)
					.isEqualTo(expected);
			});
		}

	}

	static int seed() {
		return SEEDS.getAndIncrement() % 250;
	}

	static Multipart photo() {
		return new Multipart().file("photo-" + UUID.randomUUID() + ".jpg", "image/jpeg", EvidenceSamples.jpeg(seed()));
	}

	/** 2xx listing these links and none of those. */
	static Expect lists(List<String> shown, List<String> hidden) {
		return new Expect("2xx listing " + shown + " without " + hidden, (answer) -> answer.status() == 200
				&& shown.stream().allMatch(answer.body()::contains)
				&& hidden.stream().noneMatch(answer.body()::contains));
	}

	/** Reached the case but may not use this function on it. */
	static Expect forbidden() {
		return new Expect("403 problem+json", (answer) -> answer.status() == 403
				&& answer.contentType().startsWith("application/problem+json"));
	}

	JsonNode linkOf(String caseId, String evidenceId) throws Exception {
		for (JsonNode link : get("/cases/" + caseId + "/evidence", Keycloak.userToken("officer1")).json()) {
			if (evidenceId.equals(link.get("evidenceId").asText())) {
				return link;
			}
		}
		throw new AssertionError("no link " + evidenceId + " in " + caseId);
	}

	long filesOf(String caseId) {
		return this.mongo.count(Query.query(Criteria.where("metadata.caseId").is(caseId)), "evidence.files");
	}

	Reply get(String path, String token) throws Exception {
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", "Bearer " + token)
			.build(), HttpResponse.BodyHandlers.ofString());
		return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
				response.body());
	}

	/** Adds a file as the user, expecting a new link: its evidence id. */
	String add(String caseId, String user, String query, Multipart body) throws Exception {
		Reply reply = upload(caseId, Keycloak.userToken(user), query, body);
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		return reply.json().get("evidenceId").asText();
	}

	Reply upload(String caseId, String token, String query, Multipart body) throws Exception {
		HttpResponse<String> response = HTTP.send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/cases/" + caseId + "/evidence" + query))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", body.contentType())
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()))
			.build(), HttpResponse.BodyHandlers.ofString());
		return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
				response.body());
	}

	record Reply(int status, String contentType, String body) {

		JsonNode json() throws IOException {
			return JSON.readTree(this.body);
		}

	}

	/** A multipart/form-data body: form fields and a file part named {@code file}, in the order added. */
	static final class Multipart {

		private final String boundary;

		private final ByteArrayOutputStream body = new ByteArrayOutputStream();

		Multipart() {
			this("----inspectflow-matrix-" + UUID.randomUUID());
		}

		private Multipart(String boundary) {
			this.boundary = boundary;
		}

		String contentType() {
			return "multipart/form-data; boundary=" + this.boundary;
		}

		Multipart field(String name, String value) {
			write("--" + this.boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
					+ "\r\n");
			return this;
		}

		Multipart file(String filename, String declaredType, byte[] content) {
			write("--" + this.boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
					+ "\"\r\nContent-Type: " + declaredType + "\r\n\r\n");
			this.body.writeBytes(content);
			write("\r\n");
			return this;
		}

		/** A body of one JPEG with this body's boundary (so it fits {@link #contentType()}), this one unchanged. */
		byte[] fileOnly(String filename, byte[] jpeg) {
			return new Multipart(this.boundary).file(filename, "image/jpeg", jpeg).bytes();
		}

		byte[] bytes() {
			ByteArrayOutputStream closed = new ByteArrayOutputStream();
			closed.writeBytes(this.body.toByteArray());
			closed.writeBytes(("--" + this.boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
			return closed.toByteArray();
		}

		private void write(String text) {
			this.body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
		}

	}

}
