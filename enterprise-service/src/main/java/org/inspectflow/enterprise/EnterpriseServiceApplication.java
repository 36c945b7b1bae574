package org.inspectflow.enterprise;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Owns the enterprise register: enterprises, monitoring companies, positive list, risk tiers and draws. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EnterpriseServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(EnterpriseServiceApplication.class, args);
	}

}
