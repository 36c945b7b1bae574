package org.inspectflow.enterprise.portal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.Document;
import org.inspectflow.contracts.Envelope;
import org.inspectflow.contracts.events.CaseClosed;
import org.inspectflow.contracts.events.CaseOutcome;
import org.inspectflow.contracts.events.RectificationAccepted;
import org.inspectflow.contracts.events.RectificationOrdered;
import org.inspectflow.contracts.events.RectificationOverdue;
import org.inspectflow.contracts.events.RectificationRejected;
import org.inspectflow.contracts.events.RectificationReminderDue;
import org.inspectflow.contracts.events.RectificationSubmitted;
import org.inspectflow.enterprise.TestRegister;
import org.inspectflow.enterprise.portal.domain.OrderStatus;
import org.inspectflow.support.outbox.MongoOutbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order view built from the workflow's events and the enterprise's submissions, on the MongoDB-wire server: one
 * submission per round, published with the write that records it; late and repeated events change nothing they
 * should not.
 */
class PortalOrdersTest {

	static final String FUTIAN = "914403040000DM001P";

	static final String CASE = "CASE-2026-000101";

	static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-30T08:00:00Z");

	TestRegister test;

	PortalOrders orders;

	@BeforeEach
	void start() {
		this.test = TestRegister.start(Clock.fixed(NOW.toInstant(), ZoneOffset.UTC));
		this.orders = this.test.get(PortalOrders.class);
	}

	@AfterEach
	void stop() {
		this.test.close();
	}

	@Test
	void anOrderWaitsForOneSubmissionPerRoundPublishedWithTheRecord() throws Exception {
		assertThat(this.orders.apply(ordered(1, "ORD-1"))).isTrue();
		Document view = view();
		assertThat(PortalController.summary(view).status()).isEqualTo(OrderStatus.WAITING_FOR_SUBMISSION);
		assertThat(view.getString("deadline")).isEqualTo("2026-12-14");

		var submitted = this.orders.submit(view, FUTIAN, "更换了活性炭", LocalDate.parse("2026-12-01"),
				List.of("EV-1", "EV-2"), "enterprise1");
		assertThat(submitted).isPresent();
		assertThat(submitted.get().orderId()).isEqualTo("ORD-1");
		assertThat(submitted.get().round()).isEqualTo(1);
		List<JsonNode> published = outbox();
		assertThat(published).hasSize(1);
		assertThat(published.get(0).get("type").asText()).isEqualTo(RectificationSubmitted.TYPE);
		assertThat(published.get(0).get("subject").asText()).isEqualTo(CASE);
		assertThat(published.get(0).get("data").get("submissionId").asText())
			.isEqualTo(submitted.get().submissionId());
		assertThat(published.get(0).get("data").get("evidenceIds").size()).isEqualTo(2);
		assertThat(PortalController.summary(view()).status()).isEqualTo(OrderStatus.UNDER_REVIEW);

		// the same view read before the first submission: the round is taken, nothing recorded or sent
		assertThat(this.orders.submit(view, FUTIAN, "again", null, List.of(), "enterprise1")).isEmpty();
		assertThat(outbox()).hasSize(1);
		assertThat(view().getList("submissions", Document.class)).hasSize(1);
	}

	@Test
	void aRejectionAndANewRoundOpenTheNextSubmission() throws Exception {
		this.orders.apply(ordered(1, "ORD-1"));
		this.orders.submit(view(), FUTIAN, "first try", null, List.of("EV-1"), "enterprise1");
		Envelope<RectificationRejected> rejected = envelope(RectificationRejected.TYPE,
				new RectificationRejected(CASE, FUTIAN, "ORD-1", 1, "SUB-1", List.of("照片不清晰 photos unreadable"),
						false, NOW, "officer1"));
		assertThat(this.orders.apply(rejected)).isTrue();
		assertThat(this.orders.apply(rejected)).as("a redelivery").isFalse();
		assertThat(PortalController.summary(view()).status()).isEqualTo(OrderStatus.REJECTED);
		assertThat(view().getList("rejections", Document.class)).hasSize(1);

		this.orders.apply(ordered(2, "ORD-2"));
		Document second = view();
		assertThat(PortalController.summary(second).status()).isEqualTo(OrderStatus.WAITING_FOR_SUBMISSION);
		assertThat(second.getString("orderId")).isEqualTo("ORD-2");
		var submitted = this.orders.submit(second, FUTIAN, "second try", null, List.of("EV-3"), "enterprise1");
		assertThat(submitted).isPresent();
		assertThat(submitted.get().round()).isEqualTo(2);
		assertThat(submitted.get().orderId()).isEqualTo("ORD-2");
		assertThat(outbox()).hasSize(2);
	}

	@Test
	void lateAndRepeatedEventsDoNotReopenARound() {
		Envelope<RectificationOrdered> first = ordered(1, "ORD-1");
		this.orders.apply(first);
		this.orders.apply(ordered(2, "ORD-2"));
		assertThat(this.orders.apply(first)).as("the same event again").isFalse();
		// an order of round 1 arriving late under another id joins the history but does not become the open order
		assertThat(this.orders.apply(ordered(1, "ORD-1"))).isTrue();
		Document view = view();
		assertThat(view.getString("orderId")).isEqualTo("ORD-2");
		assertThat(view.getInteger("round")).isEqualTo(2);
		assertThat(view.getList("orders", Document.class)).hasSize(3);

		// overdue of the old round: history only; of the current round: the wait ends
		this.orders.apply(envelope(RectificationOverdue.TYPE,
				new RectificationOverdue(CASE, FUTIAN, "ORD-1", 1, LocalDate.parse("2026-12-14"), "supervisor1")));
		assertThat(view().getBoolean("waiting")).isTrue();
		this.orders.apply(envelope(RectificationReminderDue.TYPE, new RectificationReminderDue(CASE, FUTIAN, "ORD-2",
				2, LocalDate.parse("2026-12-28"), false, 2)));
		assertThat(view().getBoolean("waiting")).isTrue();
		this.orders.apply(envelope(RectificationOverdue.TYPE,
				new RectificationOverdue(CASE, FUTIAN, "ORD-2", 2, LocalDate.parse("2026-12-28"), "supervisor1")));
		assertThat(PortalController.summary(view()).status()).isEqualTo(OrderStatus.ESCALATED);
		assertThat(this.orders.submit(view(), FUTIAN, "too late", null, List.of(), "enterprise1")).isEmpty();
	}

	@Test
	void acceptanceAndClosureEndTheCaseForGood() {
		this.orders.apply(ordered(1, "ORD-1"));
		this.orders.submit(view(), FUTIAN, "done", null, List.of(), "enterprise1");
		this.orders.apply(envelope(RectificationAccepted.TYPE,
				new RectificationAccepted(CASE, FUTIAN, "ORD-1", 1, "SUB-1", null, NOW, "officer1")));
		assertThat(PortalController.summary(view()).status()).isEqualTo(OrderStatus.ACCEPTED);
		this.orders.apply(envelope(CaseClosed.TYPE, new CaseClosed(CASE, FUTIAN, CaseOutcome.RECTIFIED, NOW,
				"officer1")));
		assertThat(PortalController.summary(view()).status()).isEqualTo(OrderStatus.CLOSED);
		// a late order of a new round cannot reopen a closed case
		this.orders.apply(ordered(2, "ORD-2"));
		assertThat(view().getBoolean("waiting")).isFalse();
		assertThat(view().getString("orderId")).isEqualTo("ORD-1");

		// a case closed without an order has no view
		assertThat(this.orders.apply(envelope(CaseClosed.TYPE,
				new CaseClosed("CASE-2026-000999", FUTIAN, CaseOutcome.DISMISSED, NOW, "officer1")))).isFalse();
		assertThat(this.orders.find("CASE-2026-000999", FUTIAN)).isEmpty();
	}

	@Test
	void anotherEnterpriseFindsNothing() {
		this.orders.apply(ordered(1, "ORD-1"));
		assertThat(this.orders.find(CASE, "914403050000DM0029")).isEmpty();
		assertThat(this.orders.ofEnterprise("914403050000DM0029", 10)).isEmpty();
		assertThat(this.orders.ofEnterprise(FUTIAN, 10)).hasSize(1);
	}

	private Document view() {
		return this.orders.find(CASE, FUTIAN).orElseThrow();
	}

	private List<JsonNode> outbox() {
		Document raw = this.test.mongo().findById(CASE, Document.class, PortalOrders.COLLECTION);
		ObjectMapper json = this.test.get(ObjectMapper.class);
		return raw.getList(MongoOutbox.FIELD, Document.class, List.of()).stream().map((entry) -> {
			try {
				return json.readTree(entry.getString("body"));
			}
			catch (Exception ex) {
				throw new AssertionError(ex);
			}
		}).toList();
	}

	static Envelope<RectificationOrdered> ordered(int round, String orderId) {
		return envelope(RectificationOrdered.TYPE, new RectificationOrdered(CASE, FUTIAN, orderId,
				LocalDate.parse("2026-12-14").plusWeeks(2L * (round - 1)), false, round, List.of("更换活性炭")));
	}

	static <T> Envelope<T> envelope(String type, T data) {
		return Envelope.of(type, "/inspectflow/workflow-service", CASE, data, CASE, null, null);
	}

}
