package org.inspectflow.e2e.stack;

/**
 * A step did not go as the scenario expects: what was expected, what came back, and which component's log tells
 * why. An {@link AssertionError}, so that the end-to-end tests fail with the same words the demo prints.
 */
public class StepFailure extends AssertionError {

	private static final long serialVersionUID = 1L;

	private final String expected;

	private final String actual;

	private final String lookAt;

	/**
	 * @param lookAt the components whose logs explain it, e.g. {@code workflow-service}; null when none in particular
	 */
	public StepFailure(String expected, String actual, String lookAt) {
		super("expected " + expected + "\n      got " + actual + (lookAt == null ? "" : "\n      look at " + lookAt));
		this.expected = expected;
		this.actual = actual;
		this.lookAt = lookAt;
	}

	public String expected() {
		return this.expected;
	}

	public String actual() {
		return this.actual;
	}

	public String lookAt() {
		return this.lookAt;
	}

	/** The answer unless it is 2xx (or one of {@code accepted}); else a failure naming the call and its answer. */
	public static Response require(Response response, String expected, String lookAt, int... accepted) {
		boolean fine = accepted.length == 0 ? response.ok() : java.util.Arrays.stream(accepted)
			.anyMatch((status) -> status == response.status());
		if (!fine) {
			throw new StepFailure(expected, response.describe(), lookAt);
		}
		return response;
	}

}
