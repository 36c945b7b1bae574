package org.inspectflow.support.test;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Mongo-backed service writes and reads through Spring Data on the MongoDB it is configured with (the MongoDB-wire
 * dev server under {@code ./inspectflow test}), in its own database.
 */
public interface MongoBackedServiceContract {

	/** The database this service owns, e.g. {@code inspectflow-enterprise}. */
	String expectedDatabase();

	@Test
	default void writesAndReadsThroughSpringDataInItsOwnDatabase(@Autowired MongoTemplate mongo) {
		assertThat(mongo.getDb().getName()).isEqualTo(expectedDatabase());
		SmokeProbe probe = new SmokeProbe(UUID.randomUUID().toString(), "写入再读出 write then read", Instant.now());
		mongo.insert(probe, "smoke_probes");
		try {
			SmokeProbe read = mongo.findById(probe.id(), SmokeProbe.class, "smoke_probes");
			assertThat(read).isNotNull();
			assertThat(read.text()).isEqualTo(probe.text());
		}
		finally {
			mongo.remove(probe, "smoke_probes");
		}
	}

	/** A throw-away document. */
	record SmokeProbe(@Id String id, String text, Instant at) {
	}

}
