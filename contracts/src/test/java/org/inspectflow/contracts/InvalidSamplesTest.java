package org.inspectflow.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;

import org.inspectflow.contracts.events.CaseClosed;
import org.inspectflow.contracts.events.ClueReported;
import org.junit.jupiter.api.Test;

/**
 * The sample validation is only worth something if the schemas reject broken messages.
 */
class InvalidSamplesTest {

	private final JsonSchema schema = Contracts.schemaFor(ClueReported.TYPE);

	private ObjectNode sample() {
		return (ObjectNode) Contracts.read(Contracts.sampleFile(ClueReported.TYPE));
	}

	@Test
	void theUntouchedSampleIsValid() {
		assertThat(schema.validate(sample())).isEmpty();
	}

	@Test
	void rejectsAMissingRequiredDataField() {
		ObjectNode message = sample();
		((ObjectNode) message.get("data")).remove("caseId");

		assertThat(messages(schema.validate(message))).anyMatch(m -> m.contains("caseId"));
	}

	@Test
	void rejectsAMissingRequiredEnvelopeField() {
		ObjectNode message = sample();
		message.remove("correlationid");

		assertThat(messages(schema.validate(message))).anyMatch(m -> m.contains("correlationid"));
	}

	@Test
	void rejectsAWrongType() {
		ObjectNode message = sample();
		message.put("type", CaseClosed.TYPE);

		assertThat(messages(schema.validate(message))).anyMatch(m -> m.contains("type"));
	}

	@Test
	void rejectsAFieldTheDataDoesNotHave() {
		ObjectNode message = sample();
		((ObjectNode) message.get("data")).put("fileBytes", "iVBORw0KGgo=");

		assertThat(messages(schema.validate(message))).anyMatch(m -> m.contains("fileBytes"));
	}

	@Test
	void rejectsATimeWithoutOffsetBecauseFormatsAreAsserted() {
		ObjectNode message = sample();
		message.put("time", "2026-11-29T10:15:30");

		assertThat(messages(schema.validate(message))).anyMatch(m -> m.contains("time"));
	}

	@Test
	void rejectsAnUnknownEnumValueAndAMalformedUscc() {
		ObjectNode message = sample();
		((ObjectNode) message.get("data")).put("source", "RUMOUR").put("enterpriseUscc", "91440300708461136");

		Set<String> errors = messages(schema.validate(message));

		assertThat(errors).anyMatch(m -> m.contains("source")).anyMatch(m -> m.contains("enterpriseUscc"));
	}

	private static Set<String> messages(Set<ValidationMessage> errors) {
		return errors.stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
	}

}
