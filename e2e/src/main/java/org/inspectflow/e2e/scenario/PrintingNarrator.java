package org.inspectflow.e2e.scenario;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.inspectflow.e2e.stack.BusEvent;
import org.inspectflow.e2e.stack.Json;

/**
 * The story as lines of text: a person's step, then indented what followed from it (the case's state, the events on
 * the bus with the fields that matter, notifications), and a tick for each check that held.
 */
public final class PrintingNarrator implements Narrator {

	/** The fields of each event type worth a glance, in the order shown; other types show their first few. */
	private static final Map<String, List<String>> FIELDS = new LinkedHashMap<>();

	static {
		FIELDS.put("ClueReported", List.of("source", "enterpriseUscc", "problemType", "district", "reportedBy"));
		FIELDS.put("ClueTriaged", List.of("enterpriseUscc", "district", "riskTier", "priority"));
		FIELDS.put("ClueMerged", List.of("intoCaseId", "problemType"));
		FIELDS.put("ClueDismissed", List.of("reason", "dismissedBy"));
		FIELDS.put("EnterpriseMatched", List.of("enterpriseUscc", "method", "distanceMeters", "district"));
		FIELDS.put("InspectionAssigned", List.of("method", "officerIds", "district", "dueDate", "drawId"));
		FIELDS.put("InspectionRecorded", List.of("mode", "finding", "violationType", "recordedBy", "evidenceIds"));
		FIELDS.put("RectificationOrdered", List.of("round", "deadline", "deadlineProvisional"));
		FIELDS.put("RectificationReminderDue", List.of("round", "deadline", "workingDaysLeft"));
		FIELDS.put("RectificationSubmitted", List.of("round", "submittedBy", "evidenceIds"));
		FIELDS.put("RectificationRejected", List.of("round", "reasons", "reviewedBy", "escalated"));
		FIELDS.put("RectificationOverdue", List.of("round", "deadline", "escalatedTo"));
		FIELDS.put("RectificationAccepted", List.of("round", "reviewedBy"));
		FIELDS.put("PenaltyCaseOpened", List.of("penaltyCaseNumber", "grounds", "violationType"));
		FIELDS.put("CaseClosed", List.of("outcome", "closedBy"));
		FIELDS.put("EvidenceStored", List.of("kind", "contentType", "sha256", "uploadedBy"));
		FIELDS.put("NotificationDelivered", List.of("channel", "recipientType", "recipient"));
		FIELDS.put("NotificationFailed", List.of("channel", "recipient", "reason", "permanent"));
		FIELDS.put("InspectionDrawPublished", List.of("district", "registerSize", "officers", "seedCommitment"));
	}

	private final PrintStream out;

	private final boolean color;

	public PrintingNarrator(PrintStream out, boolean color) {
		this.out = out;
		this.color = color;
	}

	@Override
	public void scenario(String title, String story) {
		this.out.println();
		this.out.println(bold("━━ " + title + " " + "━".repeat(Math.max(3, 100 - title.length()))));
		for (String line : wrap(story, 108)) {
			this.out.println("   " + dim(line));
		}
		this.out.println();
	}

	@Override
	public void step(String who, String what) {
		this.out.println(" " + bold("▸ " + who) + " " + what);
	}

	@Override
	public void state(String caseId, String status) {
		this.out.println("     case " + caseId + " · " + bold(status));
	}

	@Override
	public void event(BusEvent event) {
		this.out.println("     " + cyan("⇢ " + pad(event.name(), 24)) + " " + fields(event));
	}

	@Override
	public void detail(String text) {
		for (String line : text.split("\n")) {
			this.out.println("       " + line);
		}
	}

	@Override
	public void note(String text) {
		this.out.println("     " + yellow("⏱ " + text));
	}

	@Override
	public void check(String text) {
		this.out.println(" " + green("✓") + " " + text);
	}

	/** The event's telling fields as {@code name=value}, hashes and ids shortened. */
	static String fields(BusEvent event) {
		List<String> names = FIELDS.get(event.name());
		List<String> shown = new ArrayList<>();
		if (names == null) {
			names = new ArrayList<>();
			var it = event.data().fieldNames();
			while (it.hasNext() && names.size() < 4) {
				String name = it.next();
				if (!name.equals("caseId")) {
					names.add(name);
				}
			}
		}
		for (String name : names) {
			JsonNode value = event.data().path(name);
			if (value.isMissingNode() || value.isNull()) {
				continue;
			}
			shown.add(name + "=" + value(name, value));
		}
		String subject = event.subject() == null || event.subject().equals(event.field("caseId")) ? ""
				: "(" + event.subject() + ") ";
		return subject + String.join(" ", shown);
	}

	private static String value(String name, JsonNode value) {
		if (value.isArray()) {
			List<String> items = Json.list(value).stream()
				.map((item) -> item.isValueNode() ? shortId(item.asText()) : "…")
				.toList();
			if (items.size() > 4) {
				return "[" + String.join(",", items.subList(0, 3)) + ",… " + items.size() + " in all]";
			}
			return "[" + String.join(",", items) + "]";
		}
		String text = value.asText();
		if ((name.equals("sha256") || name.equals("seedCommitment") || name.equals("chainHash")) && text.length() > 16) {
			return text.substring(0, 16) + "…";
		}
		return text.length() > 60 ? text.substring(0, 57) + "…" : text;
	}

	/** {@code EV-95593245-11c2-418e-8e07-ccac4b8d9d77} → {@code EV-95593245…}: enough to tell files apart. */
	private static String shortId(String id) {
		return id.matches("[A-Z]+-[0-9a-f]{8}-[0-9a-f-]{27}") ? id.substring(0, id.indexOf('-') + 9) + "…" : id;
	}

	private static List<String> wrap(String text, int width) {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (String word : text.split(" ")) {
			if (line.length() + word.length() + 1 > width && line.length() > 0) {
				lines.add(line.toString());
				line.setLength(0);
			}
			if (line.length() > 0) {
				line.append(' ');
			}
			line.append(word);
		}
		if (line.length() > 0) {
			lines.add(line.toString());
		}
		return lines;
	}

	private static String pad(String text, int width) {
		return text.length() >= width ? text : text + " ".repeat(width - text.length());
	}

	private String bold(String text) {
		return this.color ? "\u001b[1m" + text + "\u001b[0m" : text;
	}

	private String dim(String text) {
		return this.color ? "\u001b[2m" + text + "\u001b[0m" : text;
	}

	private String green(String text) {
		return this.color ? "\u001b[32m" + text + "\u001b[0m" : text;
	}

	private String cyan(String text) {
		return this.color ? "\u001b[36m" + text + "\u001b[0m" : text;
	}

	private String yellow(String text) {
		return this.color ? "\u001b[33m" + text + "\u001b[0m" : text;
	}

}
