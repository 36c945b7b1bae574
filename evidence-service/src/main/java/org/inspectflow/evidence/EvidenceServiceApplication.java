package org.inspectflow.evidence;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Owns the evidence of every case: files, metadata and the tamper-evident hash chain. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EvidenceServiceApplication {

	/** {@code verify <bundle.zip>} checks an exported bundle offline instead of starting the service. */
	public static void main(String[] args) {
		if (args.length > 0 && "verify".equals(args[0])) {
			System.exit(org.inspectflow.evidence.verifier.BundleVerifier.run(args));
		}
		SpringApplication.run(EvidenceServiceApplication.class, args);
	}

}
