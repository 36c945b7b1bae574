package org.inspectflow.e2e.stack;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Waiting for what happens asynchronously (a message handled, a timer fired, a mail sent): ask again until the answer
 * is there or the deadline passes. Nothing is ever timed; a deadline only bounds how long a broken platform is waited
 * for.
 */
public final class Await {

	/** How long an asynchronous step may take on a busy 2-core machine before it counts as not happening. */
	public static final Duration STEP = Duration.ofSeconds(90);

	private Await() {
	}

	/**
	 * @param expected what is waited for, as the failure will say it
	 * @param lookAt the components whose logs explain a timeout
	 * @param lastSeen what the last probe saw, for the failure message
	 */
	public static <T> T until(String expected, Duration timeout, String lookAt, Supplier<Optional<T>> probe,
			Supplier<String> lastSeen) {
		long deadline = System.nanoTime() + timeout.toNanos();
		long pause = 200;
		while (true) {
			Optional<T> found = probe.get();
			if (found.isPresent()) {
				return found.get();
			}
			if (System.nanoTime() > deadline) {
				throw new StepFailure(expected + " within " + timeout.toSeconds() + " s",
						lastSeen == null ? "nothing" : lastSeen.get(), lookAt);
			}
			sleep(pause);
			pause = Math.min(1000, pause * 3 / 2);
		}
	}

	public static <T> T until(String expected, String lookAt, Supplier<Optional<T>> probe, Supplier<String> lastSeen) {
		return until(expected, STEP, lookAt, probe, lastSeen);
	}

	public static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting", ex);
		}
	}

}
