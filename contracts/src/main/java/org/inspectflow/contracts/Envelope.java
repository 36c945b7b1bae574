package org.inspectflow.contracts;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Every message on the bus travels in this envelope, so that routing, deduplication, ordering and tracing work the
 * same for every type and for integrators who know nothing of our records. It is CloudEvents 1.0 in structured JSON
 * mode, with the extension attributes {@code correlationid}, {@code causationid} and {@code traceparent}.
 *
 * @param id unique per message (a random UUID); consumers drop a message whose id they have already handled
 * @param type {@code <service>.<Name>.v<N>}, also the routing key
 * @param source URI reference of the producer, e.g. {@code /inspectflow/workflow-service}
 * @param time when the producer created the message
 * @param specversion always {@link #SPECVERSION}
 * @param subject the case id ({@code CASE-2026-000123}); for messages about no case, the id of what they are about
 * (the draw, the notification)
 * @param datacontenttype always {@link #DATA_CONTENT_TYPE}
 * @param correlationid ties together the messages of one conversation: copied from the message being handled, or
 * a fresh id when a person or a timer starts something
 * @param causationid id of the message this one reacts to; null when a person or a timer caused it
 * @param traceparent W3C trace context of the producer; null when there was none
 * @param data the event or command record
 * @param <T> the record type of {@code data}
 */
public record Envelope<T>(String id, String type, String source, OffsetDateTime time, String specversion,
		String subject, String datacontenttype, String correlationid, String causationid, String traceparent,
		T data) {

	/** The CloudEvents version of every envelope. */
	public static final String SPECVERSION = "1.0";

	/** The content type of {@code data}: always JSON. */
	public static final String DATA_CONTENT_TYPE = "application/json";

	/**
	 * A new envelope with a random id, the current time in UTC and the fixed CloudEvents attributes.
	 */
	public static <T> Envelope<T> of(String type, String source, String subject, T data, String correlationid,
			String causationid, String traceparent) {
		return new Envelope<>(UUID.randomUUID().toString(), type, source, OffsetDateTime.now(ZoneOffset.UTC),
				SPECVERSION, subject, DATA_CONTENT_TYPE, correlationid, causationid, traceparent, data);
	}

}
