package org.inspectflow.notification.webhooks.domain;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a webhook URL may be called. A subscription makes this service send requests where an outside party says,
 * so without this check an integrator could make it reach the cluster's own services (server-side request forgery):
 * the host is resolved and every address must be public — not loopback, link-local (cloud metadata at
 * 169.254.169.254), private (10/8, 172.16/12, 192.168/16, fc00::/7), carrier-grade NAT (100.64/10), unspecified or
 * multicast. The check runs when a subscription is made and again before each delivery (DNS may change).
 */
public final class WebhookTargets {

	/** Resolves a host name to its addresses; a seam for tests. */
	@FunctionalInterface
	public interface Resolver {

		InetAddress[] resolve(String host) throws UnknownHostException;

	}

	private final Resolver resolver;

	private final boolean allowPrivate;

	public WebhookTargets(Resolver resolver, boolean allowPrivate) {
		this.resolver = resolver;
		this.allowPrivate = allowPrivate;
	}

	/** Why the URL is refused, or empty when it may be called. */
	public Optional<String> refusal(String url) {
		URI uri;
		try {
			uri = URI.create(url == null ? "" : url.trim());
		}
		catch (IllegalArgumentException ex) {
			return Optional.of("'" + url + "' is not a URL");
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("https") && !scheme.equals("http")) {
			return Optional.of("a webhook URL must be http or https, not '" + url + "'");
		}
		if (uri.getHost() == null || uri.getHost().isBlank()) {
			return Optional.of("'" + url + "' names no host");
		}
		if (uri.getUserInfo() != null) {
			return Optional.of("a webhook URL must not carry credentials; use the signing secret");
		}
		InetAddress[] addresses;
		try {
			addresses = this.resolver.resolve(uri.getHost());
		}
		catch (UnknownHostException ex) {
			return Optional.of("the host '" + uri.getHost() + "' cannot be resolved");
		}
		if (this.allowPrivate) {
			return Optional.empty();
		}
		for (InetAddress address : addresses) {
			String kind = nonPublic(address);
			if (kind != null) {
				return Optional.of("the host '" + uri.getHost() + "' resolves to " + address.getHostAddress() + ", a "
						+ kind + " address: webhooks are delivered only to public addresses");
			}
		}
		return Optional.empty();
	}

	/** The kind of a non-public address, or null for a public one. */
	static String nonPublic(InetAddress address) {
		if (address.isLoopbackAddress()) {
			return "loopback";
		}
		if (address.isLinkLocalAddress()) {
			return "link-local";
		}
		if (address.isAnyLocalAddress()) {
			return "unspecified";
		}
		if (address.isMulticastAddress()) {
			return "multicast";
		}
		if (address.isSiteLocalAddress()) {
			return "private";
		}
		byte[] bytes = address.getAddress();
		if (address instanceof Inet6Address) {
			if ((bytes[0] & 0xfe) == 0xfc) {
				return "private (unique local)";
			}
			if (isIpv4Mapped(bytes)) {
				try {
					return nonPublic(InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, 12, 16)));
				}
				catch (UnknownHostException ex) {
					return "invalid";
				}
			}
			return null;
		}
		int first = bytes[0] & 0xff;
		int second = bytes[1] & 0xff;
		if (first == 0) {
			return "unspecified";
		}
		if (first == 100 && second >= 64 && second <= 127) {
			return "carrier-grade NAT";
		}
		if (first == 198 && (second == 18 || second == 19)) {
			return "benchmarking";
		}
		if (first >= 240) {
			return "reserved";
		}
		return null;
	}

	private static boolean isIpv4Mapped(byte[] bytes) {
		for (int i = 0; i < 10; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
	}

}
