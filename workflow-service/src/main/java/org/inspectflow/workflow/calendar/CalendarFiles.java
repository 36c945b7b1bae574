package org.inspectflow.workflow.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.inspectflow.workflow.calendar.domain.CalendarYear;

/**
 * Reads the calendar files ({@code cn-<year>.json}: {@code year}, {@code status}, {@code source}, {@code holidays[].days},
 * {@code makeupWorkdays}) that ship with the service and that an admin may replace when the State Council publishes
 * a year's arrangement.
 */
public final class CalendarFiles {

	/** The years shipped with the service. */
	static final List<Integer> BUNDLED_YEARS = List.of(2026, 2027);

	private static final ObjectMapper JSON = new ObjectMapper();

	private CalendarFiles() {
	}

	/** The arrangements shipped in {@code calendars/} on the class path. */
	public static List<CalendarYear> bundled() {
		List<CalendarYear> years = new ArrayList<>();
		for (int year : BUNDLED_YEARS) {
			String name = "calendars/cn-" + year + ".json";
			try (InputStream in = CalendarFiles.class.getClassLoader().getResourceAsStream(name)) {
				if (in == null) {
					throw new IllegalStateException(name + " is missing from the class path");
				}
				years.add(parse(in.readAllBytes()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return years;
	}

	/**
	 * Parses one year's file; an {@link InvalidCalendarException} says what is wrong, so that an admin can fix it.
	 */
	public static CalendarYear parse(byte[] content) {
		JsonNode root;
		try {
			root = JSON.readTree(content);
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw new InvalidCalendarException("not JSON: " + ex.getOriginalMessage());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (root == null || !root.isObject()) {
			throw new InvalidCalendarException("a calendar file is a JSON object");
		}
		JsonNode yearNode = root.get("year");
		if (yearNode == null || !yearNode.canConvertToInt() || yearNode.asInt() < 2000 || yearNode.asInt() > 2100) {
			throw new InvalidCalendarException("'year' must be a year between 2000 and 2100");
		}
		String status = text(root, "status", "official");
		Set<LocalDate> daysOff = new HashSet<>();
		JsonNode holidays = root.path("holidays");
		if (!holidays.isArray()) {
			throw new InvalidCalendarException("'holidays' must be a list of {name, days}");
		}
		for (JsonNode holiday : holidays) {
			daysOff.addAll(days(holiday.path("days"), "holidays[].days"));
		}
		Set<LocalDate> makeup = root.has("makeupWorkdays") ? days(root.get("makeupWorkdays"), "makeupWorkdays")
				: Set.of();
		try {
			return new CalendarYear(yearNode.asInt(), daysOff, makeup, !status.startsWith("official"),
					text(root, "source", ""));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidCalendarException(ex.getMessage());
		}
	}

	private static Set<LocalDate> days(JsonNode list, String field) {
		if (!list.isArray()) {
			throw new InvalidCalendarException("'" + field + "' must be a list of dates (yyyy-MM-dd)");
		}
		Set<LocalDate> days = new HashSet<>();
		for (JsonNode day : list) {
			try {
				days.add(LocalDate.parse(day.asText()));
			}
			catch (DateTimeParseException ex) {
				throw new InvalidCalendarException("'" + field + "': '" + day.asText() + "' is not a date (yyyy-MM-dd)");
			}
		}
		return days;
	}

	private static String text(JsonNode root, String field, String otherwise) {
		JsonNode node = root.get(field);
		return node == null || node.isNull() ? otherwise : node.asText();
	}

	/** A calendar file that cannot be used, with the reason. */
	public static class InvalidCalendarException extends RuntimeException {

		InvalidCalendarException(String message) {
			super(message);
		}

	}

}
