package org.inspectflow.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import org.bson.Document;
import org.inspectflow.contracts.Envelope;
import org.inspectflow.contracts.Exchanges;
import org.inspectflow.contracts.events.RectificationOrdered;
import org.inspectflow.mongodev.MongoDevServer;
import org.inspectflow.support.messaging.BatchConfirmPublisher;
import org.inspectflow.support.outbox.MongoOutbox;
import com.zaxxer.hikari.HikariDataSource;
import org.inspectflow.support.outbox.JdbcOutbox;
import org.inspectflow.support.outbox.JdbcOutboxRelay;
import org.inspectflow.support.outbox.MongoOutboxRelay;
import org.inspectflow.support.outbox.OutboxRelay;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How fast the outbox relay publishes, as a ratio to the fastest a bare amqp-client publisher with asynchronous
 * publisher confirms reaches into the same quorum queue, measured side by side in one run (alternating rounds,
 * medians). A relay's figure includes its store (reading the pending events, removing them after the confirms):
 * the JDBC outbox of workflow-service on PostgreSQL ({@code INSPECTFLOW_BENCH_DB_URL}), and the MongoDB outbox of the
 * other services on the MongoDB-wire dev server (an H2 file) or {@code INSPECTFLOW_MONGO_URI}.
 *
 * <p>Run with {@code bench/run} (it creates the RabbitMQ virtual host {@code inspectflow-bench}).
 */
public final class OutboxRelayBenchmark {

	private static final String QUEUE = "bench.events";

	public static void main(String[] args) throws Exception {
		int events = Integer.parseInt(System.getProperty("events", "5000"));
		int rounds = Integer.parseInt(System.getProperty("rounds", "5"));
		String host = env("INSPECTFLOW_RABBITMQ_HOST", "127.0.0.1");
		int port = Integer.parseInt(env("INSPECTFLOW_RABBITMQ_PORT", "5672"));
		String vhost = env("INSPECTFLOW_RABBITMQ_VHOST", "inspectflow-bench");

		ConnectionFactory amqp = new ConnectionFactory();
		amqp.setHost(host);
		amqp.setPort(port);
		amqp.setUsername(env("INSPECTFLOW_RABBITMQ_USER", "guest"));
		amqp.setPassword(env("INSPECTFLOW_RABBITMQ_PASSWORD", "guest"));
		amqp.setVirtualHost(vhost);

		Path data = Files.createTempDirectory("outbox-bench");
		String externalMongo = System.getenv("INSPECTFLOW_MONGO_URI");
		MongoDevServer devServer = externalMongo == null ? MongoDevServer.start("127.0.0.1", 0, data) : null;
		String mongoUri = externalMongo != null ? externalMongo : devServer.connectionString();

		ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
			.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
		CachingConnectionFactory springAmqp = new CachingConnectionFactory(amqp);
		springAmqp.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
		springAmqp.setPublisherReturns(true);
		RabbitTemplate template = new RabbitTemplate(springAmqp);
		template.setMandatory(true);
		BatchConfirmPublisher publisher = new BatchConfirmPublisher(amqp, java.time.Duration.ofSeconds(30));

		try (Connection connection = amqp.newConnection("outbox-bench");
				MongoClient client = MongoClients.create(mongoUri)) {
			Channel admin = connection.createChannel();
			admin.exchangeDeclare(Exchanges.EVENTS, "topic", true);
			admin.queueDeclare(QUEUE, true, false, false, Map.of("x-queue-type", "quorum"));
			admin.queueBind(QUEUE, Exchanges.EVENTS, "#");
			admin.queuePurge(QUEUE);

			MongoTemplate mongo = new MongoTemplate(client, "inspectflow-bench");
			OutboxRelay relay = new MongoOutboxRelay(mongo, publisher, 3_600_000);
			MongoOutbox outbox = new MongoOutbox(mongo, json, () -> {
			});
			byte[] body = json.writeValueAsBytes(event(0));

			System.out.printf("outbox relay vs bare amqp-client with async confirms: %d events a round, %d rounds each,"
					+ " quorum queue, RabbitMQ %s:%d vhost %s, store %s%n", events, rounds, host, port, vhost,
					externalMongo != null ? "INSPECTFLOW_MONGO_URI" : "MongoDB-wire dev server (H2 file)");
			bare(connection, body, events); // warm-up, not counted
			fillOutbox(mongo, outbox, json, events);
			relay.relayPending();
			admin.queuePurge(QUEUE);

			HikariDataSource postgres = new HikariDataSource();
			postgres.setJdbcUrl(env("INSPECTFLOW_BENCH_DB_URL", "jdbc:postgresql://127.0.0.1:5432/inspectflow_bench"));
			postgres.setUsername(env("INSPECTFLOW_DB_USER", "postgres"));
			postgres.setPassword(env("INSPECTFLOW_DB_PASSWORD", ""));
			new ResourceDatabasePopulator(new ClassPathResource("inspectflow/messaging-schema.sql")).execute(postgres);
			JdbcTemplate jdbc = new JdbcTemplate(postgres);
			jdbc.update("DELETE FROM inspectflow_outbox");
			TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(postgres));
			JdbcOutbox jdbcOutbox = new JdbcOutbox(jdbc, json, () -> {
			});
			OutboxRelay jdbcRelay = new JdbcOutboxRelay(jdbc, publisher, 3_600_000);

			List<Double> bareRates = new ArrayList<>();
			List<Double> jdbcRates = new ArrayList<>();
			List<Double> mongoRates = new ArrayList<>();
			for (int round = 1; round <= rounds; round++) {
				double bare = bare(connection, body, events);
				admin.queuePurge(QUEUE);
				fillJdbcOutbox(transactions, jdbcOutbox, events);
				double jdbcRate = timed(jdbcRelay, events);
				admin.queuePurge(QUEUE);
				fillOutbox(mongo, outbox, json, events);
				double mongoRate = timed(relay, events);
				admin.queuePurge(QUEUE);
				bareRates.add(bare);
				jdbcRates.add(jdbcRate);
				mongoRates.add(mongoRate);
				System.out.printf("  round %d: bare %,8.0f msg/s   JDBC relay %,8.0f msg/s (%.2f)   MongoDB relay %,8.0f"
						+ " msg/s (%.2f)%n", round, bare, jdbcRate, jdbcRate / bare, mongoRate, mongoRate / bare);
			}
			double bareMedian = median(bareRates);
			System.out.printf("median: bare %,.0f msg/s, JDBC relay %,.0f msg/s, MongoDB relay %,.0f msg/s%n", bareMedian,
					median(jdbcRates), median(mongoRates));
			System.out.printf("JDBC outbox relay (workflow-service, PostgreSQL) / bare publisher = %.2f (target >= 0.50)%n",
					median(jdbcRates) / bareMedian);
			System.out.printf("MongoDB outbox relay (dev server) / bare publisher = %.2f (target >= 0.50)%n",
					median(mongoRates) / bareMedian);
			admin.queueDelete(QUEUE);
			postgres.close();
		}
		finally {
			springAmqp.destroy();
			publisher.close();
			if (devServer != null) {
				devServer.close();
			}
		}
	}

	/**
	 * Publishes {@code count} persistent messages without waiting between them, the broker confirming asynchronously,
	 * and returns messages per second once every one is confirmed.
	 */
	static double bare(Connection connection, byte[] body, int count) throws Exception {
		try (Channel channel = connection.createChannel()) {
			channel.confirmSelect();
			AMQP.BasicProperties persistent = new AMQP.BasicProperties.Builder().deliveryMode(2)
				.contentType("application/cloudevents+json")
				.build();
			long start = System.nanoTime();
			for (int i = 0; i < count; i++) {
				channel.basicPublish(Exchanges.EVENTS, RectificationOrdered.TYPE, persistent, body);
			}
			channel.waitForConfirmsOrDie(120_000);
			return count / ((System.nanoTime() - start) / 1e9);
		}
	}

	static double timed(OutboxRelay relay, int events) {
		long start = System.nanoTime();
		int published = relay.relayPending();
		double seconds = (System.nanoTime() - start) / 1e9;
		if (published != events) {
			throw new IllegalStateException("the relay published " + published + " of " + events);
		}
		return events / seconds;
	}

	static void fillJdbcOutbox(TransactionTemplate transactions, JdbcOutbox outbox, int count) {
		for (int from = 0; from < count; from += 500) {
			int start = from;
			transactions.executeWithoutResult((status) -> {
				for (int i = start; i < Math.min(count, start + 500); i++) {
					outbox.append(event(i));
				}
			});
		}
	}

	static void fillOutbox(MongoTemplate mongo, MongoOutbox outbox, ObjectMapper json, int count) {
		mongo.dropCollection("bench_cases");
		List<Document> documents = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			documents.add(outbox.withEvents("bench_cases", new Document("_id", "CASE-" + i), event(i)));
		}
		mongo.insert(documents, "bench_cases");
	}

	static Envelope<RectificationOrdered> event(int i) {
		String caseId = "CASE-2026-" + String.format("%06d", i);
		return Envelope.of(RectificationOrdered.TYPE, "/inspectflow/workflow-service", caseId,
				new RectificationOrdered(caseId, "914403040000DM001P", "ORDER-" + i, LocalDate.of(2026, 12, 15), false,
						1, List.of("停止超标排放", "安装在线监测设备并联网")),
				caseId, null, null);
	}

	static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int n = sorted.size();
		return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

}
