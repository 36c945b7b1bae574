package org.inspectflow.notification.inbox;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.inspectflow.support.web.Problems;
import org.inspectflow.support.security.Caller;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The in-app inbox. Role: any product user ({@code officer}, {@code supervisor}, {@code enterprise}, {@code admin};
 * URL rule in {@code NotificationConfig}), not integrators, who have webhooks. Data scope: the caller's own entries,
 * by the token's {@code preferred_username}, never by a parameter; another person's entry answers 404.
 */
@RestController
@RequestMapping("/inbox")
class InboxController {

	private final InboxEntries entries;

	private final InboxStreams streams;

	InboxController(InboxEntries entries, InboxStreams streams) {
		this.entries = entries;
		this.streams = streams;
	}

	/** My entries, newest first. */
	@GetMapping
	InboxPage list(@AuthenticationPrincipal Jwt jwt, @RequestParam(defaultValue = "false") boolean unreadOnly,
			@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		String me = owner(jwt);
		return new InboxPage(this.entries.page(me, unreadOnly, page, size), page, size,
				this.entries.count(me, unreadOnly), this.entries.count(me, true));
	}

	@GetMapping("/unread-count")
	Map<String, Long> unreadCount(@AuthenticationPrincipal Jwt jwt) {
		return Map.of("unread", this.entries.count(owner(jwt), true));
	}

	@PostMapping("/{id}/read")
	InboxEntry markRead(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
		return this.entries.markRead(owner(jwt), id)
			.orElseThrow(() -> Problems.notFound("no entry " + id + " in your inbox"));
	}

	@PostMapping("/read-all")
	Map<String, Long> markAllRead(@AuthenticationPrincipal Jwt jwt) {
		return Map.of("marked", this.entries.markAllRead(owner(jwt)));
	}

	/**
	 * Server-sent events: {@code ready} with the unread count at once, then {@code inbox} with each new entry (its
	 * id as the event id). Through the gateway at {@code /api/notification/inbox/stream}.
	 */
	@GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream(@AuthenticationPrincipal Jwt jwt) {
		String me = owner(jwt);
		return this.streams.open(me, this.entries.count(me, true));
	}

	private static String owner(Jwt jwt) {
		String username = Caller.from(jwt).username();
		if (username == null || username.isBlank()) {
			throw Problems.forbidden("your token names no user (preferred_username): an inbox belongs to a person");
		}
		return username;
	}

	/**
	 * @param total entries in this view (all, or unread only)
	 * @param unread all my unread entries
	 */
	record InboxPage(List<InboxEntry> items, int page, int size, long total, long unread) {

	}

}
