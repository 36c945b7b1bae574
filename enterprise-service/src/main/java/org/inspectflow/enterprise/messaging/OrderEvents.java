package org.inspectflow.enterprise.messaging;

import org.inspectflow.contracts.events.RectificationAccepted;
import org.inspectflow.contracts.events.RectificationOrdered;
import org.inspectflow.contracts.events.RectificationOverdue;
import org.inspectflow.contracts.events.RectificationRejected;
import org.inspectflow.contracts.events.RectificationReminderDue;

/**
 * The case and enterprise of the orders queue's per-enterprise events, so that the listener checks them the same way
 * for every type before the view is touched (a view keyed by a malformed USCC would be invisible to everyone).
 */
final class OrderEvents {

	private OrderEvents() {
	}

	static String caseId(Object data) {
		if (data instanceof RectificationOrdered e) {
			return e.caseId();
		}
		if (data instanceof RectificationReminderDue e) {
			return e.caseId();
		}
		if (data instanceof RectificationRejected e) {
			return e.caseId();
		}
		if (data instanceof RectificationOverdue e) {
			return e.caseId();
		}
		if (data instanceof RectificationAccepted e) {
			return e.caseId();
		}
		return null;
	}

	static String enterpriseUscc(Object data) {
		if (data instanceof RectificationOrdered e) {
			return e.enterpriseUscc();
		}
		if (data instanceof RectificationReminderDue e) {
			return e.enterpriseUscc();
		}
		if (data instanceof RectificationRejected e) {
			return e.enterpriseUscc();
		}
		if (data instanceof RectificationOverdue e) {
			return e.enterpriseUscc();
		}
		if (data instanceof RectificationAccepted e) {
			return e.enterpriseUscc();
		}
		return null;
	}

}
