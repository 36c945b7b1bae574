package org.inspectflow.notification.templates.domain;

/**
 * A notification's text in the recipient's language.
 *
 * @param subject one line: the email's subject, the inbox entry's title
 * @param body plain text
 */
public record RenderedMessage(String subject, String body) {

}
