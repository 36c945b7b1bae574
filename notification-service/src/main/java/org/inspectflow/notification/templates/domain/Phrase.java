package org.inspectflow.notification.templates.domain;

/**
 * A template value that is itself a text of the template bundle (an outcome, a note), so that it is rendered in the
 * recipient's language rather than in the language of whoever made the value.
 */
public record Phrase(String key) {

}
