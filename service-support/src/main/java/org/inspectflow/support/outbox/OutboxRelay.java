package org.inspectflow.support.outbox;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.inspectflow.contracts.Exchanges;
import org.inspectflow.contracts.MessageType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Publishes what an outbox recorded, whatever the store: a round runs on start (what a previous process left
 * behind), soon after a write with events committed ({@link #wake}), and every few seconds. Events are removed from
 * the store only after the broker confirmed them, so a crash in between publishes them again after the restart, and
 * consumers drop the repeat by its id.
 */
public abstract class OutboxRelay implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private final long intervalMillis;

	private final AtomicBoolean wakeRequested = new AtomicBoolean();

	private volatile ScheduledExecutorService executor;

	private boolean autoStartup = true;

	protected OutboxRelay(long intervalMillis) {
		this.intervalMillis = intervalMillis;
	}

	static String exchangeOf(MessageType type) {
		return type.kind() == MessageType.Kind.EVENT ? Exchanges.EVENTS : Exchanges.COMMANDS;
	}

	/** Publishes everything pending now; returns how many events the broker confirmed. */
	public final synchronized int relayPending() {
		return relayRound();
	}

	protected abstract int relayRound();

	/** Asks for a round soon (coalesced: many wakes while one round is pending make one round). */
	public void wake() {
		ScheduledExecutorService running = this.executor;
		if (running != null && this.wakeRequested.compareAndSet(false, true)) {
			running.execute(this::safeRound);
		}
	}

	private void safeRound() {
		this.wakeRequested.set(false);
		try {
			relayPending();
		}
		catch (RuntimeException ex) {
			log.warn("outbox relay round failed; pending events stay and are tried again: {}", ex.getMessage());
		}
	}

	@Override
	public void start() {
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "outbox-relay");
			thread.setDaemon(true);
			return thread;
		});
		started.scheduleWithFixedDelay(this::safeRound, 0, this.intervalMillis, TimeUnit.MILLISECONDS);
		this.executor = started;
	}

	@Override
	public void stop() {
		ScheduledExecutorService running = this.executor;
		this.executor = null;
		if (running != null) {
			running.shutdown();
			try {
				running.awaitTermination(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/**
	 * Whether the relay starts with the application ({@code inspectflow.messaging.outbox-relay.enabled}); tests that
	 * inspect the outbox itself turn it off and call {@link #relayPending()} when they want a round.
	 */
	public void setAutoStartup(boolean autoStartup) {
		this.autoStartup = autoStartup;
	}

	@Override
	public boolean isAutoStartup() {
		return this.autoStartup;
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

}
