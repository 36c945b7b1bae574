package org.inspectflow.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.inspectflow.contracts.events.CaseClosed;
import org.inspectflow.contracts.events.CaseOutcome;
import org.junit.jupiter.api.Test;

/**
 * Envelope.of is the one piece of behaviour in contracts: every producer relies on it for unique ids and UTC times.
 */
class EnvelopeTest {

	private final CaseClosed closed = new CaseClosed("CASE-2026-000123", "914403040000DM001P", CaseOutcome.RECTIFIED,
			OffsetDateTime.parse("2027-01-08T15:12:01+08:00"), "officer1");

	@Test
	void ofFillsInIdTimeAndTheFixedAttributes() {
		Envelope<CaseClosed> envelope = Envelope.of(CaseClosed.TYPE, "/inspectflow/workflow-service",
				"CASE-2026-000123", closed, "corr-1", "cause-1", null);

		assertThat(UUID.fromString(envelope.id()).toString()).isEqualTo(envelope.id());
		assertThat(envelope.time().getOffset()).isEqualTo(ZoneOffset.UTC);
		assertThat(Duration.between(envelope.time(), OffsetDateTime.now()).abs()).isLessThan(Duration.ofMinutes(1));
		assertThat(envelope.specversion()).isEqualTo("1.0");
		assertThat(envelope.datacontenttype()).isEqualTo("application/json");
		assertThat(envelope).extracting(Envelope::type, Envelope::source, Envelope::subject, Envelope::data,
				Envelope::correlationid, Envelope::causationid, Envelope::traceparent)
			.containsExactly(CaseClosed.TYPE, "/inspectflow/workflow-service", "CASE-2026-000123", closed, "corr-1",
					"cause-1", null);
	}

	@Test
	void everyEnvelopeGetsItsOwnId() {
		Envelope<CaseClosed> first = Envelope.of(CaseClosed.TYPE, "/s", "c", closed, "x", null, null);
		Envelope<CaseClosed> second = Envelope.of(CaseClosed.TYPE, "/s", "c", closed, "x", null, null);

		assertThat(first.id()).isNotEqualTo(second.id());
	}

}
