package org.inspectflow.notification.delivery;

/**
 * A channel could not deliver; the reason goes into {@code notification.NotificationFailed.v1} as it is, so it should
 * say what a person can act on ("no email address", "SMTP server not reachable").
 */
public class ChannelFailure extends Exception {

	private final boolean permanent;

	public ChannelFailure(String reason, boolean permanent, Throwable cause) {
		super(reason, cause);
		this.permanent = permanent;
	}

	public static ChannelFailure permanent(String reason) {
		return new ChannelFailure(reason, true, null);
	}

	/** True when retrying the same channel cannot help (no address, address rejected). */
	public boolean permanent() {
		return this.permanent;
	}

}
