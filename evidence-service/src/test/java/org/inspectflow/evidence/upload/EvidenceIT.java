package org.inspectflow.evidence.upload;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.Document;
import org.bson.types.Binary;
import org.inspectflow.contracts.ClueSource;
import org.inspectflow.contracts.Envelope;
import org.inspectflow.contracts.Exchanges;
import org.inspectflow.contracts.GeoPoint;
import org.inspectflow.contracts.events.ClueReported;
import org.inspectflow.evidence.cases.CaseDirectory;
import org.inspectflow.evidence.chain.domain.HashChain;
import org.inspectflow.evidence.verifier.BundleVerifier;
import org.inspectflow.support.test.Keycloak;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Uploads, the chain and the bundle against the real MongoDB-wire server (GridFS), RabbitMQ and Keycloak tokens:
 * what is stored and chained, what is refused with nothing stored, what tampering verify finds, what the offline
 * verifier finds in an exported bundle.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "inspectflow.evidence.max-size=1MB")
class EvidenceIT {

	static final String ENTERPRISE_1 = "914403040000DM001P";

	static final String ENTERPRISE_2 = "914403050000DM0029";

	static final HttpClient HTTP = HttpClient.newHttpClient();

	static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	CaseDirectory cases;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	ObjectMapper springJson;

	@Autowired
	org.springframework.amqp.core.AmqpAdmin admin;

	String newCase() {
		String caseId = "CASE-IT-" + UUID.randomUUID();
		this.cases.record(caseId, "440304", ENTERPRISE_1, 22.5218, 114.0587);
		return caseId;
	}

	@Test
	void aPhotoIsStoredChainedAndTheSameOneTwiceIsKeptOnce() throws Exception {
		String caseId = newCase();
		org.springframework.amqp.core.Queue listener = new org.springframework.amqp.core.AnonymousQueue();
		this.admin.declareQueue(listener);
		this.admin.declareBinding(org.springframework.amqp.core.BindingBuilder.bind(listener)
			.to(new org.springframework.amqp.core.TopicExchange(Exchanges.EVENTS))
			.with(org.inspectflow.contracts.events.EvidenceStored.TYPE));
		Reply first = upload(caseId, "officer1", "现场-01.jpg", EvidenceSamples.jpeg(1), "image/jpeg");
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		JsonNode entry = first.json();
		assertThat(entry.get("sequence").asLong()).isEqualTo(1);
		assertThat(entry.get("previousHash").asText()).isEqualTo(HashChain.GENESIS);
		assertThat(entry.get("sha256").asText()).isEqualTo(HashChain.hex(
				HashChain.messageDigest().digest(EvidenceSamples.jpeg(1))));
		assertThat(entry.get("metadata").get("contentType").asText()).isEqualTo("image/jpeg");
		assertThat(entry.get("metadata").get("flags").asText()).contains("NO_GPS");

		Reply again = upload(caseId, "officer1", "copy.jpg", EvidenceSamples.jpeg(1), "image/jpeg");
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().get("evidenceId").asText()).isEqualTo(entry.get("evidenceId").asText());
		assertThat(filesOf(caseId)).isEqualTo(1);
		assertThat(get("/cases/" + caseId + "/chain/verify", "officer1").json().get("valid").asBoolean()).isTrue();

		List<String> announced = new ArrayList<>();
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			org.springframework.amqp.core.Message message = this.rabbit.receive(listener.getName());
			if (message != null && new String(message.getBody(), StandardCharsets.UTF_8).contains(caseId)) {
				announced.add(new String(message.getBody(), StandardCharsets.UTF_8));
			}
			return !announced.isEmpty();
		});
		JsonNode stored = JSON.readTree(announced.get(0)).get("data");
		assertThat(stored.get("sha256").asText()).isEqualTo(entry.get("sha256").asText());
		assertThat(stored.get("chainHash").asText()).isEqualTo(entry.get("hash").asText());
		Thread.sleep(2_000);
		assertThat(this.rabbit.receive(listener.getName())).as("announced once, not for the duplicate").isNull();
		this.admin.deleteQueue(listener.getName());
	}

	@Test
	void aPhotosExifIsReadAndAPhotoFarFromTheSiteOrTakenBeforeTheOrderIsFlagged() throws Exception {
		String caseId = newCase();
		java.time.LocalDateTime beforeOrder = java.time.LocalDateTime.of(2026, 3, 1, 10, 30);
		this.cases.ordered(caseId, ENTERPRISE_1, java.time.Instant.parse("2026-03-05T02:00:00Z"));
		Reply far = upload(caseId, "enterprise1", "proof.jpg",
				EvidenceSamples.jpegWithExif(50, 22.6180, 114.0587, beforeOrder), "image/jpeg");
		assertThat(far.status()).as(far.body()).isEqualTo(201);
		JsonNode metadata = far.json().get("metadata");
		assertThat(metadata.get("exifLatitude").asDouble()).isCloseTo(22.618, org.assertj.core.data.Offset.offset(1e-4));
		assertThat(metadata.get("capturedAt").asText()).isEqualTo("2026-03-01T02:30:00Z");
		assertThat(metadata.get("flags").asText()).contains("FAR_FROM_SITE").contains("TAKEN_BEFORE_ORDER");

		Reply onSite = upload(caseId, "enterprise1", "proof2.jpg",
				EvidenceSamples.jpegWithExif(51, 22.5220, 114.0590, java.time.LocalDateTime.of(2026, 3, 6, 9, 0)),
				"image/jpeg");
		assertThat(onSite.json().get("metadata").get("flags").asText()).isEmpty();
	}

	@Test
	void badUploadsAreRefusedWithProblemJsonAndNothingIsStored() throws Exception {
		String caseId = newCase();
		String otherCase = "CASE-IT-" + UUID.randomUUID();
		this.cases.record(otherCase, "440305", ENTERPRISE_2, null, null);
		this.cases.ordered(otherCase, ENTERPRISE_2, java.time.Instant.parse("2026-03-05T02:00:00Z"));
		assertProblem(upload(caseId, "officer1", "empty.jpg", new byte[0], "image/jpeg"), 400, "empty");
		byte[] tooLarge = new byte[1_200_000];
		System.arraycopy(EvidenceSamples.jpeg(2), 0, tooLarge, 0, EvidenceSamples.jpeg(2).length);
		assertProblem(upload(caseId, "officer1", "big.jpg", tooLarge, "image/jpeg"), 413, "larger than");
		assertProblem(upload(caseId, "officer1", "photo.jpg", EvidenceSamples.windowsExecutable(), "image/jpeg"), 415,
				"by its content");
		assertProblem(upload(caseId, "officer1", "../../etc/passwd.jpg", EvidenceSamples.jpeg(3), "image/jpeg"), 400,
				"plain file name");
		assertProblem(upload("CASE-NOWHERE", "officer1", "a.jpg", EvidenceSamples.jpeg(4), "image/jpeg"), 404, "no case");
		assertProblem(upload(otherCase, "enterprise1", "a.jpg", EvidenceSamples.jpeg(5), "image/jpeg"), 404, "no case");
		assertThat(truncatedUpload(caseId)).isBetween(400, 499);
		assertThat(filesOf(caseId)).isZero();
		assertThat(this.mongo.count(Query.query(Criteria.where("_id").is(caseId)), "ledgers")).isZero();
		assertThat(orphanChunks()).isZero();
	}

	@Test
	void aFileSentAsTheWholeBodyIsCheckedChainedAndStoredOnceLikeAPart() throws Exception {
		String caseId = newCase();
		byte[] photo = EvidenceSamples.jpeg(61);
		Reply first = rawUpload(caseId, "officer1", "attachment; filename=\"outfall.jpg\"", photo, "image/jpeg");
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		JsonNode link = first.json();
		assertThat(link.get("sequence").asLong()).isEqualTo(1);
		assertThat(link.get("metadata").get("contentType").asText()).isEqualTo("image/jpeg");
		assertThat(link.get("metadata").toString()).contains("outfall.jpg");
		// the same bytes again, as a part this time: the same link
		Reply again = upload(caseId, "officer1", "outfall.jpg", photo, "image/jpeg");
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().get("evidenceId").asText()).isEqualTo(link.get("evidenceId").asText());

		assertProblem(rawUpload(caseId, "officer1", "attachment; filename=\"x.jpg\"",
				EvidenceSamples.windowsExecutable(), "application/octet-stream"), 415, "by its content");
		assertProblem(rawUpload(caseId, "officer1", "attachment; filename=\"../x.jpg\"", EvidenceSamples.jpeg(62),
				"image/jpeg"), 400, "plain file name");
		assertProblem(rawUpload(caseId, "officer1", null, new byte[0], "image/jpeg"), 400, "empty");
		assertThat(filesOf(caseId)).isEqualTo(1);
		assertThat(orphanChunks()).isZero();
		JsonNode verdict = get("/cases/" + caseId + "/chain/verify", "officer1").json();
		assertThat(verdict.get("valid").asBoolean()).as(verdict.toString()).isTrue();
	}

	@Test
	void fiftyParallelUploadsMakeAGapFreeChainThatVerifies() throws Exception {
		String caseId = newCase();
		ExecutorService pool = Executors.newFixedThreadPool(10);
		List<Future<Integer>> results = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			int seed = 100 + i;
			Callable<Integer> call = () -> upload(caseId, "officer1", "p" + seed + ".png", EvidenceSamples.png(seed),
					"image/png").status();
			results.add(pool.submit(call));
		}
		for (Future<Integer> result : results) {
			assertThat(result.get()).isEqualTo(201);
		}
		pool.shutdown();
		JsonNode list = get("/cases/" + caseId + "/evidence", "officer1").json();
		assertThat(list).hasSize(50);
		for (int i = 0; i < 50; i++) {
			assertThat(list.get(i).get("sequence").asLong()).isEqualTo(i + 1);
		}
		JsonNode verdict = get("/cases/" + caseId + "/chain/verify", "officer1").json();
		assertThat(verdict.get("valid").asBoolean()).as(verdict.toString()).isTrue();
		assertThat(verdict.get("links").asLong()).isEqualTo(50);
	}

	@Test
	void verifyFindsAFlippedByteAnEditedEntryADeletedAndAReorderedOne() throws Exception {
		String caseId = caseWithLinks(4);
		Document ledger = this.mongo.findById(caseId, Document.class, "ledgers");
		@SuppressWarnings("unchecked")
		List<Document> entries = (List<Document>) ledger.get("entries");

		Object thirdFile = entries.get(2).get("fileId");
		Document chunk = this.mongo.findOne(Query.query(Criteria.where("files_id").is(thirdFile)), Document.class,
				"evidence.chunks");
		byte[] data = chunk.get("data", Binary.class).getData().clone();
		data[data.length / 2] ^= 0x01;
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(chunk.get("_id"))),
				new Update().set("data", new Binary(data)), "evidence.chunks");
		assertBrokenAt(caseId, 3, "file");
		data[data.length / 2] ^= 0x01;
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(chunk.get("_id"))),
				new Update().set("data", new Binary(data)), "evidence.chunks");
		assertThat(get("/cases/" + caseId + "/chain/verify", "officer1").json().get("valid").asBoolean()).isTrue();

		List<Document> edited = copy(entries);
		((Document) edited.get(1).get("metadata")).put("filename", "someone-else.jpg");
		replaceEntries(caseId, edited);
		assertBrokenAt(caseId, 2, "metadata");

		List<Document> deleted = copy(entries);
		deleted.remove(1);
		replaceEntries(caseId, deleted);
		assertBrokenAt(caseId, 2, "missing or out of order");

		List<Document> reordered = copy(entries);
		Document third = reordered.get(2);
		reordered.set(2, reordered.get(3));
		reordered.set(3, third);
		replaceEntries(caseId, reordered);
		assertBrokenAt(caseId, 3, "out of order");

		replaceEntries(caseId, entries);
		assertThat(get("/cases/" + caseId + "/chain/verify", "officer1").json().get("valid").asBoolean()).isTrue();
	}

	@Test
	void anExportedBundleVerifiesOfflineAndATamperedOneIsCaughtAtTheRightLink(@TempDir Path dir) throws Exception {
		String caseId = caseWithLinks(3);
		HttpResponse<byte[]> bundle = HTTP.send(HttpRequest.newBuilder(uri("/cases/" + caseId + "/evidence/bundle"))
			.header("Authorization", "Bearer " + Keycloak.userToken("officer1"))
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(bundle.statusCode()).isEqualTo(200);
		Path intact = dir.resolve("intact.zip");
		Files.write(intact, bundle.body());
		assertThat(BundleVerifier.verify(intact).valid()).isTrue();
		assertThat(BundleVerifier.run(new String[] { "verify", intact.toString() })).isZero();

		Path tampered = dir.resolve("tampered.zip");
		Files.write(tampered, rewrite(bundle.body(), "files/000002-"));
		HashChain.Verdict verdict = BundleVerifier.verify(tampered);
		assertThat(verdict.valid()).isFalse();
		assertThat(verdict.broken().sequence()).isEqualTo(2);
		assertThat(BundleVerifier.run(new String[] { "verify", tampered.toString() })).isEqualTo(1);
	}

	@Test
	void theEnterpriseAddsItsProofAndSeesOnlyWhatIsItsOrSharedDownloadsAreAudited() throws Exception {
		String caseId = newCase();
		this.cases.ordered(caseId, ENTERPRISE_1, java.time.Instant.parse("2026-03-05T02:00:00Z"));
		String officers = upload(caseId, "officer1", "inspection.jpg", EvidenceSamples.jpeg(40), "image/jpeg").json()
			.get("evidenceId").asText();
		Reply proof = upload(caseId, "enterprise1", "fixed.jpg", EvidenceSamples.jpeg(41), "image/jpeg");
		assertThat(proof.status()).isEqualTo(201);
		String proofId = proof.json().get("evidenceId").asText();

		assertThat(get("/cases/" + caseId + "/evidence", "enterprise1").body()).contains(proofId)
			.doesNotContain(officers);
		assertThat(get("/cases/" + caseId + "/evidence/" + officers + "/content", "enterprise1").status())
			.isEqualTo(404);
		assertThat(get("/cases/" + caseId + "/evidence", "enterprise2").status()).isEqualTo(404);
		assertThat(get("/cases/" + caseId + "/evidence", "officer2").status()).isEqualTo(404);
		assertThat(get("/cases/" + caseId + "/chain/verify", "enterprise1").status()).isEqualTo(403);
		HttpResponse<String> integrator = HTTP.send(HttpRequest.newBuilder(uri("/cases/" + caseId + "/evidence"))
			.header("Authorization", "Bearer " + Keycloak.integratorToken())
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(integrator.statusCode()).isEqualTo(403);

		Reply download = get("/cases/" + caseId + "/evidence/" + officers + "/content", "officer1");
		assertThat(download.status()).isEqualTo(200);
		assertThat(this.mongo.count(Query.query(Criteria.where("evidenceId").is(officers).and("username")
			.is("officer1")), "downloads")).isEqualTo(1);
	}

	@Test
	void theCaseDirectoryFollowsTheWorkflowsEvents() throws Exception {
		String caseId = "CASE-IT-" + UUID.randomUUID();
		ClueReported reported = new ClueReported(caseId, UUID.randomUUID().toString(), ClueSource.COMPLAINT,
				ENTERPRISE_1, new GeoPoint(22.52, 114.05), "SMOKE", "smoke", OffsetDateTime.now(), "officer1",
				"440304");
		this.rabbit.send(Exchanges.EVENTS, ClueReported.TYPE, MessageBuilder
			.withBody(this.springJson
				.writeValueAsBytes(Envelope.of(ClueReported.TYPE, "/inspectflow/workflow-service", caseId, reported,
						caseId, null, null)))
			.build());
		await().atMost(Duration.ofSeconds(30)).until(() -> this.cases.find(caseId).isPresent());
		assertThat(this.cases.find(caseId).get().district()).isEqualTo("440304");
		assertThat(upload(caseId, "officer1", "a.jpg", EvidenceSamples.jpeg(60), "image/jpeg").status()).isEqualTo(201);
	}

	// ------------------------------------------------------------------------------------------------ helpers

	private String caseWithLinks(int links) throws Exception {
		String caseId = newCase();
		for (int i = 0; i < links; i++) {
			assertThat(upload(caseId, "officer1", "p" + i + ".png", EvidenceSamples.png(200 + i), "image/png").status())
				.isEqualTo(201);
		}
		return caseId;
	}

	private void assertBrokenAt(String caseId, long sequence, String reason) throws Exception {
		JsonNode verdict = get("/cases/" + caseId + "/chain/verify", "officer1").json();
		assertThat(verdict.get("valid").asBoolean()).as(verdict.toString()).isFalse();
		assertThat(verdict.get("broken").get("sequence").asLong()).as(verdict.toString()).isEqualTo(sequence);
		assertThat(verdict.get("broken").get("reason").asText()).contains(reason);
	}

	private void replaceEntries(String caseId, List<Document> entries) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(caseId)), new Update().set("entries", entries),
				"ledgers");
	}

	private static List<Document> copy(List<Document> entries) {
		List<Document> copy = new ArrayList<>();
		for (Document entry : entries) {
			Document clone = new Document(entry);
			clone.put("metadata", new Document((Document) entry.get("metadata")));
			copy.add(clone);
		}
		return copy;
	}

	private long filesOf(String caseId) {
		return this.mongo.count(Query.query(Criteria.where("metadata.caseId").is(caseId)), "evidence.files");
	}

	private long orphanChunks() {
		List<Object> files = this.mongo.findAll(Document.class, "evidence.files").stream().map((f) -> f.get("_id"))
			.toList();
		return this.mongo.count(Query.query(Criteria.where("files_id").nin(files)), "evidence.chunks");
	}

	private static byte[] rewrite(byte[] zip, String prefixToFlip) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip));
				ZipOutputStream rewritten = new ZipOutputStream(out)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				byte[] content = in.readAllBytes();
				if (entry.getName().startsWith(prefixToFlip)) {
					content[content.length / 2] ^= 0x01;
				}
				rewritten.putNextEntry(new ZipEntry(entry.getName()));
				rewritten.write(content);
				rewritten.closeEntry();
			}
		}
		return out.toByteArray();
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private Reply get(String path, String user) throws Exception {
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri(path))
			.header("Authorization", "Bearer " + Keycloak.userToken(user))
			.build(), HttpResponse.BodyHandlers.ofString());
		return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
				response.body());
	}

	private Reply upload(String caseId, String user, String filename, byte[] content, String declaredType)
			throws Exception {
		String boundary = "----inspectflow" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: " + declaredType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.write(content);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/cases/" + caseId + "/evidence"))
			.header("Authorization", "Bearer " + Keycloak.userToken(user))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());
		return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
				response.body());
	}

	private Reply rawUpload(String caseId, String user, String disposition, byte[] content, String type)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri("/cases/" + caseId + "/evidence"))
			.header("Authorization", "Bearer " + Keycloak.userToken(user))
			.header("Content-Type", type)
			.POST(HttpRequest.BodyPublishers.ofByteArray(content));
		if (disposition != null) {
			request.header("Content-Disposition", disposition);
		}
		HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
				response.body());
	}

	/** A multipart body cut off in the middle of the file, then the connection closed for writing. */
	private int truncatedUpload(String caseId) throws Exception {
		String boundary = "----inspectflowcut";
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cut.jpg\"\r\n"
				+ "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] jpeg = EvidenceSamples.jpeg(77);
		int declaredLength = head.length + jpeg.length + 64;
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /cases/" + caseId + "/evidence HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
					+ Keycloak.userToken("officer1") + "\r\nContent-Type: multipart/form-data; boundary=" + boundary
					+ "\r\nContent-Length: " + declaredLength + "\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			out.write(head);
			out.write(jpeg, 0, jpeg.length / 2);
			out.flush();
			socket.shutdownOutput();
			InputStream in = socket.getInputStream();
			String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
			return status.length() >= 12 ? Integer.parseInt(status.substring(9, 12)) : 400;
		}
	}

	private static void assertProblem(Reply reply, int status, String detail) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(status);
		assertThat(reply.contentType()).as(reply.body()).startsWith("application/problem+json");
		assertThat(reply.body()).contains(detail);
	}

	record Reply(int status, String contentType, String body) {

		JsonNode json() throws IOException {
			return JSON.readTree(this.body);
		}

	}

}
