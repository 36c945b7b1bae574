package org.inspectflow.workflow.calendar;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.inspectflow.workflow.calendar.domain.CalendarYear;
import org.inspectflow.workflow.calendar.domain.WorkingDayCalendar;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The working-day calendar in force: the years shipped with the service, overridden by the years an admin loaded
 * (stored in the database, so every instance of the service uses the same arrangement).
 */
@Service
public class CalendarService {

	private static final Duration REFRESH = Duration.ofMinutes(1);

	private final JdbcTemplate jdbc;

	private volatile Loaded loaded;

	CalendarService(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The calendar, re-read at most once a minute so that another instance's upload takes effect here too. */
	public WorkingDayCalendar calendar() {
		return years().calendar();
	}

	/** Each year known, with where its data came from. */
	public List<YearSummary> summaries() {
		return years().years()
			.values()
			.stream()
			.map((entry) -> new YearSummary(entry.year().year(), entry.year().provisional(), entry.year().source(),
					entry.uploadedBy(), entry.year().daysOff().size(), entry.year().makeupWorkdays().size()))
			.toList();
	}

	/** Replaces one year's arrangement; the content is checked first and nothing is stored when it is wrong. */
	@Transactional
	public CalendarYear replace(int year, byte[] content, String admin) {
		CalendarYear parsed = CalendarFiles.parse(content);
		if (parsed.year() != year) {
			throw new CalendarFiles.InvalidCalendarException(
					"the file is for " + parsed.year() + ", not for " + year);
		}
		String json = new String(content, StandardCharsets.UTF_8);
		Timestamp now = Timestamp.from(Instant.now());
		int updated = this.jdbc.update(
				"UPDATE wf_calendar_year SET content = ?, updated_by = ?, updated_at = ? WHERE calendar_year = ?", json,
				admin, now, year);
		if (updated == 0) {
			this.jdbc.update(
					"INSERT INTO wf_calendar_year (calendar_year, content, updated_by, updated_at) VALUES (?, ?, ?, ?)",
					year, json, admin, now);
		}
		this.loaded = null;
		return parsed;
	}

	private Loaded years() {
		Loaded current = this.loaded;
		if (current == null || current.at().plus(REFRESH).isBefore(Instant.now())) {
			current = load();
			this.loaded = current;
		}
		return current;
	}

	private Loaded load() {
		Map<Integer, Entry> years = new TreeMap<>();
		CalendarFiles.bundled().forEach((year) -> years.put(year.year(), new Entry(year, null)));
		this.jdbc.query("SELECT content, updated_by FROM wf_calendar_year", (row) -> {
			CalendarYear year = CalendarFiles.parse(row.getString("content").getBytes(StandardCharsets.UTF_8));
			years.put(year.year(), new Entry(year, row.getString("updated_by")));
		});
		WorkingDayCalendar calendar = new WorkingDayCalendar(years.values().stream().map(Entry::year).toList());
		return new Loaded(Instant.now(), Map.copyOf(years), calendar);
	}

	private record Entry(CalendarYear year, String uploadedBy) {
	}

	private record Loaded(Instant at, Map<Integer, Entry> years, WorkingDayCalendar calendar) {

		@Override
		public Map<Integer, Entry> years() {
			return new TreeMap<>(this.years);
		}

	}

	/**
	 * @param uploadedBy the admin who loaded it; null for the data shipped with the service
	 */
	public record YearSummary(int year, boolean provisional, String source, String uploadedBy, int daysOff,
			int makeupWorkdays) {
	}

}
