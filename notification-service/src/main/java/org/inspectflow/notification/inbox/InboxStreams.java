package org.inspectflow.notification.inbox;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open live streams of the inbox, per user: a new entry is pushed to its owner's streams only. The streams live
 * in this instance's memory, so with several instances a user connected to one is not pushed what another made
 * (see the README: a broadcast between instances is future work); the inbox itself is always complete.
 * <p>
 * At shutdown the open streams are ended first (this lifecycle stops before the web server's graceful shutdown,
 * which would otherwise wait for them until its timeout); the browsers' EventSource reconnects to another instance.
 */
@Component
class InboxStreams implements SmartLifecycle {

	static final String READY = "ready";

	static final String ENTRY = "inbox";

	private static final Logger log = LoggerFactory.getLogger(InboxStreams.class);

	private final Map<String, List<SseEmitter>> streams = new ConcurrentHashMap<>();

	private final InboxProperties properties;

	private volatile boolean running;

	InboxStreams(InboxProperties properties) {
		this.properties = properties;
	}

	/** Opens a stream for the user; its first event ({@value #READY}) carries the unread count. */
	SseEmitter open(String owner, long unread) {
		SseEmitter emitter = new SseEmitter(this.properties.streamTimeout().toMillis());
		List<SseEmitter> mine = this.streams.computeIfAbsent(owner, (key) -> new CopyOnWriteArrayList<>());
		mine.add(emitter);
		emitter.onCompletion(() -> remove(owner, emitter));
		emitter.onTimeout(() -> {
			remove(owner, emitter);
			// ends the response normally: the browser's EventSource reconnects, and no timeout error is raised
			// after the stream's 200 was sent
			emitter.complete();
		});
		emitter.onError((error) -> remove(owner, emitter));
		while (mine.size() > this.properties.maxStreamsPerUser()) {
			SseEmitter oldest = mine.remove(0);
			oldest.complete();
		}
		try {
			emitter.send(SseEmitter.event().name(READY).data(Map.of("unread", unread), MediaType.APPLICATION_JSON));
		}
		catch (IOException ex) {
			remove(owner, emitter);
			emitter.completeWithError(ex);
		}
		return emitter;
	}

	void push(String owner, InboxEntry entry) {
		for (SseEmitter emitter : this.streams.getOrDefault(owner, List.of())) {
			try {
				emitter.send(SseEmitter.event().name(ENTRY).id(entry.id()).data(entry, MediaType.APPLICATION_JSON));
			}
			catch (IOException | IllegalStateException ex) {
				// the browser went away; EventSource reconnects and reads the inbox again
				remove(owner, emitter);
			}
		}
	}

	@Scheduled(fixedDelayString = "${inspectflow.notification.inbox.heartbeat:25s}")
	void heartbeat() {
		this.streams.forEach((owner, emitters) -> emitters.forEach((emitter) -> {
			try {
				emitter.send(SseEmitter.event().comment("keep-alive"));
			}
			catch (IOException | IllegalStateException ex) {
				remove(owner, emitter);
			}
		}));
	}

	@Override
	public void start() {
		this.running = true;
	}

	/** Ends every open stream, so that the graceful shutdown has no long-lived response to wait for. */
	@Override
	public void stop() {
		this.running = false;
		this.streams.forEach((owner, emitters) -> emitters.forEach((emitter) -> {
			try {
				emitter.complete();
			}
			catch (RuntimeException ex) {
				log.debug("inbox stream of {} already ended", owner);
			}
		}));
		this.streams.clear();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	int openStreams(String owner) {
		return this.streams.getOrDefault(owner, List.of()).size();
	}

	private void remove(String owner, SseEmitter emitter) {
		this.streams.computeIfPresent(owner, (key, emitters) -> {
			emitters.remove(emitter);
			return emitters.isEmpty() ? null : emitters;
		});
		log.debug("inbox stream of {} closed", owner);
	}

}
