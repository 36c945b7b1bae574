package org.inspectflow.e2e.scenario;

import java.util.List;

import org.inspectflow.e2e.stack.Stack;

/**
 * One of the domain brief's scenarios, played through the platform's public API. It narrates every step, checks
 * what must hold as it goes (throwing {@link org.inspectflow.e2e.stack.StepFailure} when something does not) and
 * answers what it ended with.
 */
public interface Scenario {

	/** A short name to choose it by: {@code ./inspectflow demo jimo complaint}. */
	String id();

	String title();

	Outcome run(Stack stack, Narrator out);

	/** Every scenario, in the order the demo plays them. */
	static List<Scenario> all() {
		return List.of(new JimoNonSite(), new ComplaintOnSite(), new OverdueEscalation(), new YongkangTrace(),
				new DoubleRandomDraw(), new IntegratorFeed());
	}

}
