package org.inspectflow.e2e.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.inspectflow.e2e.stack.BusEvent;

/**
 * What a scenario ended with, for the end-to-end tests to assert on: the cases it opened (by their role in the
 * story), where each stands, the events the bus carried about it, the notifications delivered, and named facts
 * (the evidence chain's verdict, a penalty decision, …). The demo only prints.
 */
public final class Outcome {

	/**
	 * A notification that reached a person, confirmed at the channel itself (inbox API, mail server, SMS gateway).
	 *
	 * @param trigger the event it told of, e.g. {@code RectificationOrdered}
	 * @param text the inbox entry's title, the e-mail's subject or the SMS text
	 */
	public record Notification(String caseId, String recipient, String channel, String trigger, String text) {
	}

	private final String scenario;

	private final Map<String, String> cases = new LinkedHashMap<>();

	private final Map<String, String> statuses = new LinkedHashMap<>();

	private final Map<String, List<BusEvent>> events = new LinkedHashMap<>();

	private final List<Notification> notifications = new ArrayList<>();

	private final Map<String, Object> facts = new LinkedHashMap<>();

	public Outcome(String scenario) {
		this.scenario = scenario;
	}

	public String scenario() {
		return this.scenario;
	}

	void caseId(String role, String caseId) {
		this.cases.put(role, caseId);
	}

	/** The case that plays {@code role} in the story ({@code "case"}, {@code "exempted"}, …). */
	public String caseId(String role) {
		String id = this.cases.get(role);
		if (id == null) {
			throw new IllegalArgumentException("no case '" + role + "' in scenario " + this.scenario + ": " + this.cases);
		}
		return id;
	}

	public Map<String, String> cases() {
		return Map.copyOf(this.cases);
	}

	void status(String caseId, String status) {
		this.statuses.put(caseId, status);
	}

	/** The case's status at the end of the scenario, as workflow-service answered it. */
	public String status(String caseId) {
		return this.statuses.get(caseId);
	}

	void events(String caseId, List<BusEvent> events) {
		this.events.put(caseId, List.copyOf(events));
	}

	/** The events about the case the bus carried during the scenario, in the order they arrived. */
	public List<BusEvent> events(String caseId) {
		return this.events.getOrDefault(caseId, List.of());
	}

	/** Their types without the version: {@code ClueReported, ClueTriaged, …}. */
	public List<String> eventNames(String caseId) {
		return events(caseId).stream().filter((e) -> e.type() != null && !e.type().startsWith("notification."))
			.map(BusEvent::name)
			.toList();
	}

	void notified(Notification notification) {
		this.notifications.add(notification);
	}

	public List<Notification> notifications() {
		return List.copyOf(this.notifications);
	}

	public List<Notification> notifications(String caseId) {
		return this.notifications.stream().filter((n) -> caseId.equals(n.caseId())).toList();
	}

	void fact(String name, Object value) {
		this.facts.put(name, value);
	}

	@SuppressWarnings("unchecked")
	public <T> T fact(String name) {
		if (!this.facts.containsKey(name)) {
			throw new IllegalArgumentException("no fact '" + name + "' in scenario " + this.scenario + ": "
					+ this.facts.keySet());
		}
		return (T) this.facts.get(name);
	}

	public Map<String, Object> facts() {
		return Map.copyOf(this.facts);
	}

}
