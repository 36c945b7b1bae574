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
		if ("hello".equalsIgnoreCase(command)) {
			Document reply = super.handleCommand(channel, database, "isMaster", query);
			reply.put("isWritablePrimary", reply.get("ismaster"));
			return reply;
		}
		return super.handleCommand(channel, database, command, query);
	}

}
