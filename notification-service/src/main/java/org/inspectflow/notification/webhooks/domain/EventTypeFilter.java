package org.inspectflow.notification.webhooks.domain;

import java.util.List;

/**
 * Which events a subscription wants: exact types ({@code workflow.CaseClosed.v1}), a prefix ending in {@code *}
 * ({@code workflow.*}), or {@code *} for all. An empty list means all.
 */
public record EventTypeFilter(List<String> patterns) {

	public EventTypeFilter {
		patterns = patterns == null ? List.of() : List.copyOf(patterns);
	}

	public boolean matches(String type) {
		if (this.patterns.isEmpty()) {
			return true;
		}
		return this.patterns.stream()
			.anyMatch((pattern) -> pattern.endsWith("*") ? type.startsWith(pattern.substring(0, pattern.length() - 1))
					: pattern.equals(type));
	}

}
