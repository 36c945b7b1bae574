package org.inspectflow.notification;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.inspectflow.support.test.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.inspectflow.notification");

	@Test
	void keepsTheArchitectureRules() {
		ArchitectureRules.check("org.inspectflow.notification", CLASSES);
	}

}
