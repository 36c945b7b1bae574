package org.inspectflow.mongodev;

import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MongoDevServerTest {

	@TempDir
	Path data;

	@Test
	void keepsDocumentsAcrossARestart() throws Exception {
		try (MongoDevServer server = MongoDevServer.start("127.0.0.1", 0, this.data);
				MongoClient client = MongoClients.create(server.connectionString())) {
			client.getDatabase("inspectflow-test").getCollection("enterprises")
				.insertOne(new Document("_id", "91440300708461136T").append("name", "示例企业"));
		}
		try (MongoDevServer server = MongoDevServer.start("127.0.0.1", 0, this.data);
				MongoClient client = MongoClients.create(server.connectionString())) {
			MongoCollection<Document> enterprises = client.getDatabase("inspectflow-test").getCollection("enterprises");
			assertThat(enterprises.find(new Document("_id", "91440300708461136T")).first())
				.containsEntry("name", "示例企业");
		}
	}

	@Test
	void answersHelloAsMongoDb7DoesSoHealthChecksWork() throws Exception {
		try (MongoDevServer server = MongoDevServer.start("127.0.0.1", 0, this.data);
				MongoClient client = MongoClients.create(server.connectionString())) {
			Document hello = client.getDatabase("inspectflow-enterprise").runCommand(new Document("hello", 1));
			assertThat(hello.get("isWritablePrimary")).isEqualTo(true);
			assertThat(hello.get("maxWireVersion")).isNotNull();
		}
	}

	@Test
	void saysWhichPortIsTakenAndWhatToDo() throws Exception {
		try (MongoDevServer first = MongoDevServer.start("127.0.0.1", 0, this.data.resolve("a"))) {
			int taken = first.address().getPort();
			assertThatThrownBy(() -> MongoDevServer.start("127.0.0.1", taken, this.data.resolve("b")))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("port " + taken)
				.hasMessageContaining("INSPECTFLOW_MONGO_PORT");
		}
	}

	@Test
	void inMemoryAnswersHelloAndKeepsNothingOnDisk() throws Exception {
		try (MongoDevServer server = MongoDevServer.startInMemory("127.0.0.1", 0);
				MongoClient client = MongoClients.create(server.connectionString())) {
			assertThat(client.getDatabase("inspectflow-evidence").runCommand(new Document("hello", 1))
				.get("isWritablePrimary")).isEqualTo(true);
			MongoCollection<Document> ledgers = client.getDatabase("inspectflow-evidence").getCollection("ledgers");
			ledgers.insertOne(new Document("_id", "case-1").append("length", 1));
			assertThat(ledgers.countDocuments()).isEqualTo(1);
		}
		try (MongoDevServer server = MongoDevServer.startInMemory("127.0.0.1", 0);
				MongoClient client = MongoClients.create(server.connectionString())) {
			assertThat(client.getDatabase("inspectflow-evidence").getCollection("ledgers").countDocuments()).isZero();
		}
	}

	@Test
	void takesEitherADataFolderOrMemory() {
		assertThat(MongoDevServer.Options.parse(new String[] { "--memory", "--port", "27418" }).data()).isNull();
		assertThat(MongoDevServer.Options.parse(new String[] { "--port", "27418" }).data())
			.isEqualTo(Path.of("data", "mongo"));
		assertThatThrownBy(() -> MongoDevServer.Options.parse(new String[] { "--memory", "--data", "x" }))
			.hasMessageContaining("either --memory or --data");
	}

	@Test
	void refusesUnknownOptions() {
		assertThatThrownBy(() -> MongoDevServer.Options.parse(new String[] { "--prot", "1" }))
			.hasMessageContaining("unknown option --prot");
		assertThatThrownBy(() -> MongoDevServer.Options.parse(new String[] { "--port", "abc" }))
			.hasMessageContaining("--port must be a number");
	}

}
