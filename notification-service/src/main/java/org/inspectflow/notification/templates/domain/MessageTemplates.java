package org.inspectflow.notification.templates.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The notifications' texts, one properties bundle per language (the base bundle is Chinese, {@code _en} English),
 * with named placeholders {@code {caseId}} filled from the values, or from the bundle's own texts ({@code {footer}}). Times are shown in China's time zone whatever the server's zone, because
 * a legal deadline is a local date in the bureau's calendar; a deadline given as a date ends at 23:59 that day.
 * <p>
 * A language without a bundle falls back to the base bundle, never to the server's default locale.
 */
public final class MessageTemplates {

	/** The zone of every date and time in a notification. */
	public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	/** The last minute of a deadline day. */
	public static final LocalTime END_OF_DAY = LocalTime.of(23, 59);

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)\\}");

	private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control
		.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

	private final String baseName;

	public MessageTemplates(String baseName) {
		this.baseName = baseName;
	}

	/** A deadline day as the instant it ends, in China's time. */
	public static ZonedDateTime endOf(LocalDate deadline) {
		return deadline == null ? null : deadline.atTime(END_OF_DAY).atZone(CHINA);
	}

	/** Whether the template exists (in the base bundle, which every language falls back to). */
	public boolean knows(String template) {
		return template != null && bundle(Locale.ROOT).containsKey(template + ".subject");
	}

	/** The template in the recipient's language with the values filled in. */
	public RenderedMessage render(String template, Locale locale, Map<String, Object> values) {
		ResourceBundle bundle = bundle(locale);
		String subject = fill(text(bundle, template + ".subject"), bundle, locale, values);
		String body = fill(text(bundle, template + ".body"), bundle, locale, values);
		return new RenderedMessage(subject.replaceAll("[\\r\\n]+", " ").strip(), body.strip());
	}

	/**
	 * The template's short text for SMS ({@code <template>.sms}, one line, no footer): a text message is paid per
	 * 70 Chinese characters, so it names the case and the deadline and points to the portal instead of repeating the
	 * order. A template without an SMS text sends its subject and the link.
	 */
	public String renderSms(String template, Locale locale, Map<String, Object> values) {
		ResourceBundle bundle = bundle(locale);
		String key = template + ".sms";
		String text = bundle.containsKey(key) ? bundle.getString(key) : text(bundle, template + ".subject") + " {link}";
		return fill(text, bundle, locale, values).replaceAll("[\\r\\n]+", " ").strip();
	}

	private ResourceBundle bundle(Locale locale) {
		return ResourceBundle.getBundle(this.baseName, locale == null ? Locale.ROOT : locale, NO_FALLBACK);
	}

	private static String text(ResourceBundle bundle, String key) {
		try {
			return bundle.getString(key);
		}
		catch (MissingResourceException ex) {
			throw new IllegalArgumentException("no template text '" + key + "'", ex);
		}
	}

	private static String fill(String text, ResourceBundle bundle, Locale locale, Map<String, Object> values) {
		Matcher matcher = PLACEHOLDER.matcher(text);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String name = matcher.group(1);
			// a name that is no value may be a fixed text of the bundle (the footer)
			String filled = (!values.containsKey(name) && bundle.containsKey(name)) ? bundle.getString(name)
					: format(values.get(name), bundle, locale);
			matcher.appendReplacement(out, Matcher.quoteReplacement(filled));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	static String format(Object value, ResourceBundle bundle, Locale locale) {
		if (value == null || (value instanceof String text && text.isBlank())) {
			return bundle.getString("value.none");
		}
		if (value instanceof Phrase phrase) {
			return bundle.containsKey(phrase.key()) ? bundle.getString(phrase.key()) : phrase.key();
		}
		if (value instanceof Instant instant) {
			return dateTime(instant.atZone(CHINA), bundle, locale);
		}
		if (value instanceof OffsetDateTime time) {
			return dateTime(time.atZoneSameInstant(CHINA), bundle, locale);
		}
		if (value instanceof ZonedDateTime time) {
			return dateTime(time.withZoneSameInstant(CHINA), bundle, locale);
		}
		if (value instanceof LocalDate date) {
			return DateTimeFormatter.ofPattern(bundle.getString("format.date"), locale).format(date);
		}
		if (value instanceof Collection<?> items) {
			StringBuilder list = new StringBuilder();
			int n = 0;
			for (Object item : items) {
				list.append(list.isEmpty() ? "" : "\n").append("  ").append(++n).append(". ")
					.append(format(item, bundle, locale));
			}
			return n == 0 ? bundle.getString("value.none") : list.toString();
		}
		return value.toString();
	}

	private static String dateTime(ZonedDateTime time, ResourceBundle bundle, Locale locale) {
		return DateTimeFormatter.ofPattern(bundle.getString("format.date-time"), locale).format(time)
				+ bundle.getString("format.zone");
	}

}
