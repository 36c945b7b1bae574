package org.inspectflow.evidence.config;

import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import org.inspectflow.support.security.EndpointAuthorizationRules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;

/** GridFS for the files, and which role may call which endpoint (whose case: CaseAccess). */
@Configuration(proxyBeanMethods = false)
class EvidenceConfig {

	@Bean
	GridFSBucket evidenceFiles(MongoTemplate mongo) {
		return GridFSBuckets.create(mongo.getDb(), "evidence");
	}

	@Bean
	EndpointAuthorizationRules evidenceEndpointRules() {
		// evidence is added by enforcement staff and the enterprise; admins operate the platform and read, never add
		return (requests) -> requests.requestMatchers(HttpMethod.POST, "/cases/*/evidence")
			.hasAnyRole("officer", "supervisor", "enterprise")
			.requestMatchers("/cases/**")
			.hasAnyRole("officer", "supervisor", "admin", "enterprise");
	}

}
