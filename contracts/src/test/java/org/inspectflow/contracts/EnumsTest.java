package org.inspectflow.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An enum value that the schema does not list is rejected by integrators who validate; one that Java does not know
 * breaks the services' deserialisation. Each enum must list the same values in both.
 */
class EnumsTest {

	static List<Class<?>> messageEnums() {
		return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("org.inspectflow.contracts")
			.stream()
			.filter(JavaClass::isEnum)
			.<Class<?>>map(JavaClass::reflect)
			.filter(type -> type != MessageType.Kind.class)
			.toList();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("messageEnums")
	void schemaListsExactlyTheEnumsValues(Class<?> type) {
		List<String> schemaValues = new ArrayList<>();
		Contracts.componentSchemas().path(type.getSimpleName()).path("enum").forEach(v -> schemaValues.add(v.asText()));
		List<String> javaValues = Arrays.stream(type.getEnumConstants()).map(v -> ((Enum<?>) v).name()).toList();

		assertThat(schemaValues).as("enum %s in asyncapi.yaml", type.getSimpleName()).isEqualTo(javaValues);
	}

}
