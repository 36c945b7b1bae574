package org.inspectflow.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.inspectflow.contracts.commands.MatchEnterprise;
import org.inspectflow.contracts.events.ClueReported;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Consumers dispatch on the registry, so each entry must agree with the record's own TYPE and with the naming rule.
 */
class MessageTypesTest {

	static List<MessageType> types() {
		return MessageTypes.all();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("types")
	void typeIsTheRecordsOwnConstant(MessageType type) throws Exception {
		assertThat(type.recordClass().getField("TYPE").get(null)).isEqualTo(type.type());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("types")
	void typeIsPrefixedWithItsOwnerAndVersioned(MessageType type) {
		String service = type.owner().substring(0, type.owner().length() - "-service".length());

		assertThat(type.type()).matches(service + "\\.[A-Z][A-Za-z]+\\.v[1-9][0-9]*");
		assertThat(type.type().split("\\.")[1]).isEqualTo(type.recordClass().getSimpleName());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("types")
	void eventsAndCommandsLiveInTheirPackages(MessageType type) {
		String expected = type.kind() == MessageType.Kind.EVENT ? "org.inspectflow.contracts.events"
				: "org.inspectflow.contracts.commands";

		assertThat(type.recordClass().getPackageName()).isEqualTo(expected);
	}

	@Test
	void typesAreUnique() {
		assertThat(MessageTypes.all()).extracting(MessageType::type).doesNotHaveDuplicates();
		assertThat(MessageTypes.all()).hasSize(25);
	}

	@Test
	void findsKnownTypesOnly() {
		assertThat(MessageTypes.find(ClueReported.TYPE)).get()
			.extracting(MessageType::recordClass)
			.isEqualTo(ClueReported.class);
		assertThat(MessageTypes.find(MatchEnterprise.TYPE)).get()
			.extracting(MessageType::kind, MessageType::owner)
			.containsExactly(MessageType.Kind.COMMAND, MessageTypes.ENTERPRISE_SERVICE);
		assertThat(MessageTypes.find("workflow.ClueReported.v2")).isEmpty();
	}

	@Test
	void publishedByListsTheServicesEventsOnly() {
		assertThat(MessageTypes.publishedBy(MessageTypes.WORKFLOW_SERVICE)).hasSize(13)
			.allMatch(t -> t.kind() == MessageType.Kind.EVENT);
		assertThat(MessageTypes.publishedBy(MessageTypes.ENTERPRISE_SERVICE)).extracting(MessageType::type)
			.containsExactlyInAnyOrder("enterprise.EnterpriseMatched.v1", "enterprise.InspectionDrawPublished.v1",
					"enterprise.RectificationSubmitted.v1");
		assertThat(MessageTypes.publishedBy(MessageTypes.EVIDENCE_SERVICE)).extracting(MessageType::type)
			.containsExactly("evidence.EvidenceStored.v1");
		assertThat(MessageTypes.publishedBy(MessageTypes.NOTIFICATION_SERVICE)).hasSize(2);
		assertThat(MessageTypes.publishedBy("gateway")).isEmpty();
	}

}
