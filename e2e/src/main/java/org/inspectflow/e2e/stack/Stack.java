package org.inspectflow.e2e.stack;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The running platform as the scenarios reach it: one signed-in session per person (signed in once, on first use),
 * the integrator's client, a tap on the events exchange opened before anything happens, and the read-back of the
 * mail and SMS stand-ins.
 */
public final class Stack implements AutoCloseable {

	private final StackConfig config;

	private final Map<String, UserSession> sessions = new ConcurrentHashMap<>();

	private final EventTap bus;

	private final Deliveries deliveries;

	private final IntegratorClient integrator;

	private Stack(StackConfig config, EventTap bus) {
		this.config = config;
		this.bus = bus;
		this.deliveries = new Deliveries(config);
		this.integrator = new IntegratorClient(config);
	}

	public static Stack connect(StackConfig config) {
		String name = "integrator.inspectflow-e2e.tap-" + UUID.randomUUID().toString().substring(0, 8);
		return new Stack(config, EventTap.temporary(config.rabbit(), name));
	}

	public StackConfig config() {
		return this.config;
	}

	/** {@code officer1}, signed in through the login page the first time it is asked for. */
	public UserSession user(String username) {
		return this.sessions.computeIfAbsent(username, (name) -> UserSession.signIn(this.config, name));
	}

	public EventTap bus() {
		return this.bus;
	}

	public Deliveries deliveries() {
		return this.deliveries;
	}

	public IntegratorClient integrator() {
		return this.integrator;
	}

	@Override
	public void close() {
		this.bus.close();
	}

}
