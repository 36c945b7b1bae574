package org.inspectflow.support.messaging;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import org.inspectflow.contracts.Envelope;

/**
 * Makes the envelopes a service publishes: {@code source} names the service, and {@code traceparent} carries the
 * trace of the request or message being handled (W3C Trace Context), so one trace spans gateway → service → RabbitMQ
 * → service.
 */
public class Envelopes {

	private final String source;

	private final Tracer tracer;

	public Envelopes(String service, Tracer tracer) {
		this.source = "/inspectflow/" + service;
		this.tracer = tracer;
	}

	/** An envelope for {@code data} about the case {@code subject}, caused by nothing on the bus (a request). */
	public <T> Envelope<T> of(String type, String subject, T data) {
		return Envelope.of(type, this.source, subject, data, subject, null, traceparent());
	}

	/**
	 * An envelope in a conversation kept elsewhere (a case's, a draw's): {@code correlationid} as given, caused by the
	 * message {@code causationid} (null when a person, a timer or the engine caused it), in the trace
	 * {@code traceparent} (null: the current span's).
	 */
	public <T> Envelope<T> inConversation(String type, String subject, T data, String correlationid, String causationid,
			String traceparent) {
		return Envelope.of(type, this.source, subject, data, correlationid, causationid,
				traceparent != null ? traceparent : traceparent());
	}

	/** An envelope caused by the message {@code cause}: same conversation, caused by its id. */
	public <T> Envelope<T> causedBy(Envelope<?> cause, String type, String subject, T data) {
		String correlation = cause.correlationid() != null ? cause.correlationid() : cause.id();
		return Envelope.of(type, this.source, subject, data, correlation, cause.id(), traceparent());
	}

	/** The current span as a W3C {@code traceparent}, or null outside a trace. */
	public String traceparent() {
		Span span = this.tracer.currentSpan();
		if (span == null) {
			return null;
		}
		TraceContext context = span.context();
		if (context.traceId() == null || context.traceId().isEmpty()) {
			return null; // a no-op tracer's span: there is no trace to continue
		}
		return "00-" + context.traceId() + "-" + context.spanId() + "-"
				+ (Boolean.TRUE.equals(context.sampled()) ? "01" : "00");
	}

}
