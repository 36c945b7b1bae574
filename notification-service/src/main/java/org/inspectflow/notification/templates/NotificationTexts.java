package org.inspectflow.notification.templates;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.inspectflow.contracts.RecipientType;
import org.inspectflow.notification.recipients.domain.Recipient;
import org.inspectflow.notification.templates.domain.MessageTemplates;
import org.inspectflow.notification.templates.domain.RenderedMessage;

import org.springframework.stereotype.Component;

/**
 * Writes a notification for one person: the template in the person's language, addressed to them by name, with the
 * link to the portal page they can act on (an enterprise user's order page, an officer's case page).
 */
@Component
public class NotificationTexts {

	static final String BUNDLE = "templates/notifications";

	private final MessageTemplates templates = new MessageTemplates(BUNDLE);

	private final TemplateProperties properties;

	NotificationTexts(TemplateProperties properties) {
		this.properties = properties;
	}

	public boolean knows(String template) {
		return this.templates.knows(template);
	}

	public Text write(String template, Recipient recipient, RecipientType recipientType, String caseId,
			Map<String, Object> values) {
		String link = link(recipientType, caseId);
		Map<String, Object> all = new HashMap<>(values);
		all.put("recipientName", recipient.displayName() != null ? recipient.displayName() : recipient.id());
		all.put("link", link);
		RenderedMessage message = this.templates.render(template, recipient.locale(), all);
		return new Text(message.subject(), message.body(), link);
	}

	/** The short SMS text of the template for one person, in their language, with the same link. */
	public String sms(String template, Recipient recipient, RecipientType recipientType, String caseId,
			Map<String, Object> values) {
		Map<String, Object> all = new HashMap<>(values);
		all.put("recipientName", recipient.displayName() != null ? recipient.displayName() : recipient.id());
		all.put("link", link(recipientType, caseId));
		return this.templates.renderSms(template, recipient.locale(), all);
	}

	String link(RecipientType recipientType, String caseId) {
		String base = this.properties.portalUrl().replaceAll("/+$", "");
		if (caseId == null) {
			return base + this.properties.inboxPath();
		}
		String path = recipientType == RecipientType.ENTERPRISE ? this.properties.enterpriseCasePath()
				: this.properties.staffCasePath();
		return base + path.replace("{caseId}", URLEncoder.encode(caseId, StandardCharsets.UTF_8));
	}

	/** @param link the portal page the text points to, also kept apart for the inbox entry */
	public record Text(String subject, String body, String link) {

	}

}
