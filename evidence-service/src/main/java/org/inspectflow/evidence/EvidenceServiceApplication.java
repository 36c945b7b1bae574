package org.inspectflow.evidence;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Owns the evidence of every case: files, metadata and the tamper-evident hash chain. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EvidenceServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(EvidenceServiceApplication.class, args);
	}

}
