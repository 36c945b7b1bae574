package org.inspectflow.e2e.stack;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A message seen on {@code inspectflow.events}: its CloudEvents envelope as any integrator reads it.
 *
 * @param sequence the order in which this queue received it (1, 2, …)
 * @param subject the case id, or the id of what the event is about (a draw)
 */
public record BusEvent(long sequence, String id, String type, String source, String subject, String time,
		String correlationId, String causationId, JsonNode data, String raw) {

	static BusEvent of(long sequence, byte[] body) {
		String raw = new String(body, java.nio.charset.StandardCharsets.UTF_8);
		JsonNode envelope = Json.parse(raw);
		return new BusEvent(sequence, Json.text(envelope, "id"), Json.text(envelope, "type"),
				Json.text(envelope, "source"), Json.text(envelope, "subject"), Json.text(envelope, "time"),
				Json.text(envelope, "correlationid"), Json.text(envelope, "causationid"), envelope.path("data"), raw);
	}

	/** {@code workflow.CaseClosed.v1} → {@code CaseClosed}. */
	public String name() {
		if (this.type == null) {
			return "?";
		}
		String[] parts = this.type.split("\\.");
		return parts.length >= 2 ? parts[1] : this.type;
	}

	public String field(String path) {
		return Json.text(this.data, path);
	}

	public boolean is(String type) {
		return type.equals(this.type);
	}

	public boolean about(String caseId) {
		return caseId.equals(this.subject) || caseId.equals(field("caseId"));
	}

}
