package org.inspectflow.e2e.stack;

import java.net.http.HttpHeaders;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One HTTP answer as a scenario needs it: what was asked ({@code method path}), the status, the body as text and as
 * JSON. Keeping the request beside the answer lets a failed step say exactly which call answered what.
 */
public record Response(String method, String path, int status, String body, HttpHeaders headers) {

	public boolean ok() {
		return this.status >= 200 && this.status < 300;
	}

	public JsonNode json() {
		return Json.parse(this.body);
	}

	public String header(String name) {
		return this.headers.firstValue(name).orElse(null);
	}

	/** {@code POST /api/workflow/clues → 201}, and the start of the body when it says something. */
	public String describe() {
		String text = this.body == null ? "" : this.body.strip();
		if (text.length() > 600) {
			text = text.substring(0, 600) + " …";
		}
		return this.method + " " + this.path + " → " + this.status + (text.isEmpty() ? "" : " " + text);
	}

}
