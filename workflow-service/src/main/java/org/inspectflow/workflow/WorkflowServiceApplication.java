package org.inspectflow.workflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Runs the clue-to-closure process (线索 → 核实 → 整改 → 销号) on the embedded Operaton engine. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WorkflowServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(WorkflowServiceApplication.class, args);
	}

}
