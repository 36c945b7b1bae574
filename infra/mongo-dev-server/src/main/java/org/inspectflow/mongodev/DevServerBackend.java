package org.inspectflow.mongodev;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * The H2 file backend, answering {@code hello} as MongoDB 4.4+ does. mongo-java-server knows only the legacy
 * {@code isMaster}, while current drivers and Spring Boot's MongoDB health check send {@code hello}; answering it here
 * keeps the services written for real MongoDB 7, with no special case on their side.
 */
final class DevServerBackend extends H2Backend {

	DevServerBackend(String fileName) {
		super(fileName);
	}

	@Override
	public Document handleCommand(Channel channel, String database, String command, Document query) {
		return answerHello(command, (name) -> super.handleCommand(channel, database, name, query));
	}

	/** Answers {@code hello} with the backend's {@code isMaster} reply plus {@code isWritablePrimary}. */
	static Document answerHello(String command, java.util.function.Function<String, Document> backend) {
		if ("hello".equalsIgnoreCase(command)) {
			Document reply = backend.apply("isMaster");
			reply.put("isWritablePrimary", reply.get("ismaster"));
			return reply;
		}
		return backend.apply(command);
	}

	/**
	 * The in-memory backend with the same {@code hello}: nothing is written to disk, nothing survives a stop. For
	 * benchmarks that measure a service's own cost, which the H2 file store (about a millisecond per document) would
	 * hide.
	 */
	static final class InMemory extends de.bwaldvogel.mongo.backend.memory.MemoryBackend {

		@Override
		public Document handleCommand(Channel channel, String database, String command, Document query) {
			return answerHello(command, (name) -> super.handleCommand(channel, database, name, query));
		}

	}

}
