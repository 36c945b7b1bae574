package org.inspectflow.e2e.scenario;

import org.inspectflow.e2e.stack.BusEvent;

/**
 * Tells the story as it happens. The demo prints it for a person who has not seen the code; the end-to-end tests
 * print the same lines into their report and assert on the scenario's {@link Outcome}.
 */
public interface Narrator {

	/** A scenario begins: its title and, in a few sentences, what the source describes. */
	void scenario(String title, String story);

	/** Someone does something: {@code officer2 (李娜)} — {@code records the inspection}. */
	void step(String who, String what);

	/** Where a case stands now. */
	void state(String caseId, String status);

	/** An event seen on the bus because of the step. */
	void event(BusEvent event);

	/** A fact worth showing (a deadline, an evidence hash, a notification delivered). */
	void detail(String text);

	/** Something the scenario did to the platform's clock or configuration, said plainly. */
	void note(String text);

	/** A check that held. */
	void check(String text);

}
