package org.inspectflow.notification.email;

import java.nio.charset.StandardCharsets;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import org.inspectflow.contracts.NotificationChannel;
import org.inspectflow.notification.delivery.Channel;
import org.inspectflow.notification.delivery.ChannelFailure;
import org.inspectflow.notification.delivery.Delivery;

import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Email through SMTP ({@code spring.mail.*}): plain text in UTF-8, the subject and body of the person's language. An
 * address the server refuses is a permanent failure; a server that cannot be reached or refuses the login is a
 * temporary one, tried again later.
 */
@Component
class EmailChannel implements Channel {

	private final JavaMailSender mailSender;

	private final EmailProperties properties;

	EmailChannel(JavaMailSender mailSender, EmailProperties properties) {
		this.mailSender = mailSender;
		this.properties = properties;
	}

	@Override
	public NotificationChannel channel() {
		return NotificationChannel.EMAIL;
	}

	@Override
	public void send(Delivery delivery) throws ChannelFailure {
		String address = delivery.recipient().email();
		if (address == null || address.isBlank()) {
			throw ChannelFailure.permanent("no email address for " + delivery.recipient().id());
		}
		MimeMessage message = this.mailSender.createMimeMessage();
		try {
			MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
			helper.setFrom(this.properties.from());
			helper.setTo(address);
			helper.setSubject(delivery.subject());
			helper.setText(delivery.body(), false);
			message.setHeader("X-InspectFlow-Notification", delivery.notificationId());
		}
		catch (MessagingException ex) {
			throw ChannelFailure.permanent("email to '" + address + "' cannot be written: " + ex.getMessage());
		}
		try {
			this.mailSender.send(message);
		}
		catch (MailAuthenticationException ex) {
			throw new ChannelFailure("the SMTP server refused the login: " + ex.getMessage(), false, ex);
		}
		catch (MailSendException ex) {
			boolean refusedAddress = ex.getMessageExceptions().length > 0
					&& ex.getMessageExceptions()[0] instanceof SendFailedException failed
					&& failed.getInvalidAddresses() != null && failed.getInvalidAddresses().length > 0;
			throw new ChannelFailure(refusedAddress ? "the SMTP server refused the address '" + address + "'"
					: "SMTP send failed: " + rootMessage(ex), refusedAddress, ex);
		}
		catch (MailException ex) {
			throw new ChannelFailure("SMTP send failed: " + rootMessage(ex), false, ex);
		}
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root == ex ? String.valueOf(ex.getMessage()) : ex.getMessage() + " (" + root + ")";
	}

}
