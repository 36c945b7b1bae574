package org.inspectflow.mongodev;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoBackend;

/**
 * The local stand-in for MongoDB: a MongoDB-wire server (mongo-java-server) keeping its data in one H2 file, with
 * the oplog on so that change streams work. It exists because no real {@code mongod} can be installed on the
 * machines we develop and test on; production and docker-compose use real MongoDB 7. It does not support
 * multi-document transactions, {@code $text} or geo queries, so the services must not depend on them.
 *
 * <p>Usage: {@code java -jar mongo-dev-server.jar --port 27017 --bind 127.0.0.1 --data ./data/mongo}, or
 * {@code --memory} instead of {@code --data} to keep everything in memory (benchmarks only).
 */
public final class MongoDevServer implements AutoCloseable {

	private final MongoBackend backend;

	private final MongoServer server;

	private final InetSocketAddress address;

	private MongoDevServer(MongoBackend backend, MongoServer server, InetSocketAddress address) {
		this.backend = backend;
		this.server = server;
		this.address = address;
	}

	/**
	 * Opens (or creates) the store under {@code dataDir} and listens on {@code host:port} ({@code port} 0 picks a
	 * free port).
	 */
	public static MongoDevServer start(String host, int port, Path dataDir) throws IOException {
		Files.createDirectories(dataDir);
		return start(host, port, new DevServerBackend(dataDir.resolve("mongo.mv").toString()));
	}

	/** Listens on {@code host:port} with everything kept in memory: for benchmarks, never for data to keep. */
	public static MongoDevServer startInMemory(String host, int port) {
		return start(host, port, new DevServerBackend.InMemory());
	}

	private static MongoDevServer start(String host, int port, MongoBackend backend) {
		MongoServer server = new MongoServer(backend);
		server.enableOplog();
		try {
			server.bind(host, port);
		}
		catch (Exception ex) { // Netty throws the checked BindException undeclared
			backend.close();
			if (hasCause(ex, BindException.class)) {
				throw new IllegalStateException("port " + port + " on " + host
						+ " is already in use: stop what listens there or choose another port (INSPECTFLOW_MONGO_PORT)",
						ex);
			}
			throw (ex instanceof RuntimeException runtime) ? runtime : new IllegalStateException(ex);
		}
		return new MongoDevServer(backend, server, server.getLocalAddress());
	}

	public InetSocketAddress address() {
		return this.address;
	}

	public String connectionString() {
		return "mongodb://" + this.address.getHostString() + ":" + this.address.getPort();
	}

	@Override
	public void close() {
		this.server.shutdown();
		this.backend.close();
	}

	public static void main(String[] args) throws Exception {
		Options options;
		try {
			options = Options.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println("mongo-dev-server: " + ex.getMessage());
			System.err.println("usage: mongo-dev-server [--port 27017] [--bind 127.0.0.1] [--data ./data/mongo | --memory]");
			System.exit(2);
			return;
		}
		MongoDevServer devServer;
		try {
			devServer = (options.data() == null) ? startInMemory(options.bind(), options.port())
					: start(options.bind(), options.port(), options.data());
		}
		catch (IllegalStateException ex) {
			System.err.println("mongo-dev-server: " + ex.getMessage());
			System.exit(1);
			return;
		}
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			devServer.close();
			stopped.countDown();
		}, "mongo-dev-server-shutdown"));
		System.out.println("mongo-dev-server: ready on " + devServer.connectionString() + ((options.data() == null)
				? " (in memory only: nothing is kept after a stop)" : " (data in " + options.data().toAbsolutePath() + ")"));
		stopped.await();
	}

	private static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return true;
			}
		}
		return false;
	}

	record Options(int port, String bind, Path data) {

		static Options parse(String[] args) {
			int port = 27017;
			String bind = "127.0.0.1";
			Path data = Path.of("data", "mongo");
			boolean dataGiven = false;
			boolean memory = false;
			for (int i = 0; i < args.length; i++) {
				String name = args[i];
				if ("--memory".equals(name)) {
					memory = true;
					continue;
				}
				if (i + 1 >= args.length) {
					throw new IllegalArgumentException("missing value after " + name);
				}
				String value = args[++i];
				switch (name) {
					case "--port" -> port = parsePort(value);
					case "--bind" -> bind = value;
					case "--data" -> {
						data = Path.of(value);
						dataGiven = true;
					}
					default -> throw new IllegalArgumentException("unknown option " + name);
				}
			}
			if (memory && dataGiven) {
				throw new IllegalArgumentException("--memory keeps nothing on disk: give either --memory or --data");
			}
			return new Options(port, bind, memory ? null : data);
		}

		private static int parsePort(String value) {
			try {
				int port = Integer.parseInt(value);
				if (port < 0 || port > 65535) {
					throw new NumberFormatException();
				}
				return port;
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("--port must be a number from 0 to 65535, not '" + value + "'");
			}
		}

	}

}
