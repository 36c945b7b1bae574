package org.inspectflow.evidence.config;

import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import org.inspectflow.support.security.EndpointAuthorizationRules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** GridFS for the files, and which role may call which endpoint (whose case: CaseAccess). */
@Configuration(proxyBeanMethods = false)
class EvidenceConfig {

	@Bean
	GridFSBucket evidenceFiles(MongoTemplate mongo) {
		return GridFSBuckets.create(mongo.getDb(), "evidence");
	}

	@Bean
	EndpointAuthorizationRules evidenceEndpointRules() {
		return (requests) -> requests.requestMatchers("/cases/**")
			.hasAnyRole("officer", "supervisor", "admin", "enterprise");
	}

}
