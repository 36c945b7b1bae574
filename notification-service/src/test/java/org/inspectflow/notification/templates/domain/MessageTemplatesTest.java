package org.inspectflow.notification.templates.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The notification texts in both languages, with deadlines in China's time whatever the server's zone and language:
 * the test runs with the JVM in UTC and English, where a careless formatter would show the UTC date.
 */
class MessageTemplatesTest {

	private static final MessageTemplates TEMPLATES = new MessageTemplates("templates/notifications");

	private TimeZone zone;

	private Locale locale;

	@BeforeEach
	void serverInUtcAndEnglish() {
		this.zone = TimeZone.getDefault();
		this.locale = Locale.getDefault();
		TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
		Locale.setDefault(Locale.US);
	}

	@AfterEach
	void restore() {
		TimeZone.setDefault(this.zone);
		Locale.setDefault(this.locale);
	}

	@Test
	void writesTheRectificationOrderInChineseWithTheDeadlineAtTheEndOfTheDayInShanghai() {
		RenderedMessage message = TEMPLATES.render("rectification-ordered", Locale.SIMPLIFIED_CHINESE,
				ordered(MessageTemplates.endOf(LocalDate.of(2026, 12, 15)), false));

		assertThat(message.subject()).isEqualTo("【责令改正】案件 CASE-2026-000123：请于 2026年12月15日 23:59（北京时间） 前完成整改");
		assertThat(message.body()).startsWith("陈静，您好：")
			.contains("福田示范电镀有限公司（统一社会信用代码 914403040000DM001P）收到责令改正通知（通知编号 ORDER-2026-000057，第 1 轮）")
			.contains("整改要求：\n  1. 立即拆除暗管\n  2. 提交检测报告")
			.contains("整改期限：2026年12月15日 23:59（北京时间）\n")
			.contains("http://localhost:8080/enterprise/orders/CASE-2026-000123")
			.endsWith("本通知由 InspectFlow 生态环境执法平台自动发送，请勿直接回复。")
			.doesNotContain("{");
	}

	@Test
	void writesTheSameOrderInEnglish() {
		RenderedMessage message = TEMPLATES.render("rectification-ordered", Locale.ENGLISH,
				ordered(MessageTemplates.endOf(LocalDate.of(2026, 12, 15)), true));

		assertThat(message.subject())
			.isEqualTo("Rectification order for case CASE-2026-000123: rectify by 15 December 2026, 23:59 "
					+ "(China Standard Time, UTC+8)");
		assertThat(message.body()).startsWith("Dear 陈静,")
			.contains("(USCC 914403040000DM001P) has received a rectification order (order ORDER-2026-000057, round 1)")
			.contains("Deadline: 15 December 2026, 23:59 (China Standard Time, UTC+8) (counted on a holiday "
					+ "calendar that is not yet official; it may move)")
			.doesNotContain("{");
	}

	@Test
	void showsAnInstantInShanghaiTimeOnTheNextDayWhenUtcIsStillTheDayBefore() {
		// 16:30 UTC on 15 December is 00:30 on 16 December in Shanghai
		Map<String, Object> values = ordered(OffsetDateTime.of(2026, 12, 15, 16, 30, 0, 0, ZoneOffset.UTC), false);

		assertThat(TEMPLATES.render("rectification-ordered", Locale.SIMPLIFIED_CHINESE, values).body())
			.contains("整改期限：2026年12月16日 00:30（北京时间）");
		assertThat(TEMPLATES.render("rectification-ordered", Locale.ENGLISH, values).body())
			.contains("Deadline: 16 December 2026, 00:30 (China Standard Time, UTC+8)");
	}

	@Test
	void aLanguageWithoutTextsGetsChineseNotTheServersLanguage() {
		RenderedMessage french = TEMPLATES.render("rectification-ordered", Locale.FRENCH,
				ordered(MessageTemplates.endOf(LocalDate.of(2026, 12, 15)), false));
		assertThat(french.subject()).startsWith("【责令改正】");
		RenderedMessage american = TEMPLATES.render("rectification-ordered", Locale.US,
				ordered(MessageTemplates.endOf(LocalDate.of(2026, 12, 15)), false));
		assertThat(american.subject()).startsWith("Rectification order");
	}

	@Test
	void rendersPhrasesInTheRecipientsLanguageAndMissingValuesAsADash() {
		Map<String, Object> values = new HashMap<>();
		values.put("caseId", "CASE-2026-000140");
		values.put("outcome", new Phrase("outcome.RECTIFIED"));
		values.put("closedAt", OffsetDateTime.of(2026, 12, 20, 2, 0, 0, 0, ZoneOffset.UTC));
		assertThat(TEMPLATES.render("case-closed", Locale.SIMPLIFIED_CHINESE, values).subject())
			.isEqualTo("【案件办结】案件 CASE-2026-000140：已整改销号");
		RenderedMessage english = TEMPLATES.render("case-closed", Locale.ENGLISH, values);
		assertThat(english.subject()).isEqualTo("Case CASE-2026-000140 closed: rectified and closed");
		assertThat(english.body()).contains("concerning — (USCC —) was closed on 20 December 2026, 10:00");
	}

	@Test
	void everyTemplateExistsInBothLanguages() {
		for (String template : List.of("rectification-ordered", "rectification-reminder-due", "rectification-rejected",
				"rectification-overdue", "rectification-overdue-escalated", "rectification-accepted", "case-closed",
				"rectification-submitted", "inspection-assigned")) {
			assertThat(TEMPLATES.knows(template)).as(template).isTrue();
			RenderedMessage zh = TEMPLATES.render(template, Locale.SIMPLIFIED_CHINESE, Map.of());
			RenderedMessage en = TEMPLATES.render(template, Locale.ENGLISH, Map.of());
			assertThat(en.subject()).as(template).isNotEqualTo(zh.subject()).doesNotContain("{");
			assertThat(en.body()).as(template).doesNotContain("{").doesNotContainPattern("[\\u4e00-\\u9fff]");
			assertThat(zh.body()).as(template).doesNotContain("{").containsPattern("[\\u4e00-\\u9fff]");
		}
		assertThat(TEMPLATES.knows("no-such-template")).isFalse();
		assertThatThrownBy(() -> TEMPLATES.render("no-such-template", Locale.ENGLISH, Map.of()))
			.hasMessageContaining("no-such-template.subject");
	}

	private static Map<String, Object> ordered(Object deadline, boolean provisional) {
		Map<String, Object> values = new HashMap<>();
		values.put("recipientName", "陈静");
		values.put("caseId", "CASE-2026-000123");
		values.put("enterpriseName", "福田示范电镀有限公司");
		values.put("enterpriseUscc", "914403040000DM001P");
		values.put("orderId", "ORDER-2026-000057");
		values.put("round", 1);
		values.put("deadline", deadline);
		values.put("provisionalNote", new Phrase(provisional ? "note.deadline-provisional" : "note.none"));
		values.put("requirements", List.of("立即拆除暗管", "提交检测报告"));
		values.put("link", "http://localhost:8080/enterprise/orders/CASE-2026-000123");
		return values;
	}

}
