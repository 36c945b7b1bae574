package org.inspectflow.enterprise.draw;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.Document;
import org.inspectflow.enterprise.TestRegister;
import org.inspectflow.enterprise.draw.domain.DoubleRandomDraw;
import org.inspectflow.enterprise.importing.RegisterImport;
import org.inspectflow.enterprise.register.domain.SyntheticUscc;
import org.inspectflow.support.outbox.MongoOutbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Commit, reveal and verify on the MongoDB-wire server; the result is published once. */
class DrawServiceTest {

	TestRegister test;

	DrawService draws;

	@BeforeEach
	void start() {
		this.test = TestRegister.start(Clock.fixed(Instant.parse("2026-11-30T08:00:00Z"), ZoneOffset.UTC));
		this.draws = this.test.get(DrawService.class);
		StringBuilder csv = new StringBuilder("uscc,name,latitude,longitude,district\n");
		for (int i = 1; i <= 40; i++) {
			csv.append(SyntheticUscc.of("440304", i)).append(",福田企业").append(i).append(",22.52,114.05,440304\n");
		}
		this.test.get(RegisterImport.class)
			.importCsv(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)));
		this.draws.seedRosterIfEmpty();
	}

	@AfterEach
	void stop() {
		this.test.close();
	}

	@Test
	void commitsRevealsOnceAndVerifies() {
		Document created = this.draws.create("440304", null, 5, 3, "supervisor1");
		assertThat(created.getList("population", Document.class)).hasSize(40);
		assertThat(created.getList("officerPool", Document.class)).extracting((d) -> d.getString("id"))
			.contains("officer1")
			.doesNotContain("officer2");
		assertThat(created.getString("seedCommitment")).isEqualTo(DoubleRandomDraw.commitment(created.getString("seed")));

		Document revealed = this.draws.reveal(created, "supervisor1");
		assertThat(revealed.getList("targets", Document.class)).hasSize(5);
		assertThat(revealed.getList("officers", String.class)).hasSize(3);
		List<Document> outbox = revealed.getList(MongoOutbox.FIELD, Document.class);
		assertThat(outbox).as("the result and one clue per target").hasSize(6);
		assertThat(outbox.get(0).getString("type")).isEqualTo("enterprise.InspectionDrawPublished.v1");
		ObjectMapper json = this.test.get(ObjectMapper.class);
		assertThat(outbox).as("one conversation: the draw").allSatisfy((message) -> {
			JsonNode envelope = json.readTree(message.getString("body"));
			assertThat(envelope.get("correlationid").asText()).isEqualTo(created.getString("_id"));
			assertThat(envelope.get("causationid").isNull()).as("the supervisor revealed it").isTrue();
		});
		assertThat(outbox.subList(1, 6)).allSatisfy((command) -> {
			assertThat(command.getString("type")).isEqualTo("workflow.ReportClue.v1");
			assertThat(command.getString("body")).contains("DOUBLE_RANDOM_DRAW").contains(created.getString("_id"));
		});

		Document again = this.draws.reveal(this.draws.find(created.getString("_id")).orElseThrow(), "supervisor1");
		assertThat(again.getList(MongoOutbox.FIELD, Document.class)).as("published once").hasSize(6);
		assertThat(DrawService.run(again).targets().stream().map(DoubleRandomDraw.Team::enterpriseUscc).toList())
			.isEqualTo(again.getList("targets", Document.class).stream().map((t) -> t.getString("enterpriseUscc")).toList());
		assertThat(DoubleRandomDraw.snapshotHash(DrawService.candidates(again), DrawService.officers(again)))
			.isEqualTo(again.getString("snapshotHash"));
		assertThat(List.of(this.draws.create("440304", null, 5, 3, "supervisor1").getString("seed")))
			.as("a fresh seed per draw")
			.doesNotContain(created.getString("seed"));
	}

}
