package org.inspectflow.e2e;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.inspectflow.e2e.scenario.Narrator;
import org.inspectflow.e2e.scenario.PrintingNarrator;
import org.inspectflow.e2e.scenario.Scenario;
import org.inspectflow.e2e.stack.BusEvent;
import org.inspectflow.e2e.stack.Stack;
import org.inspectflow.e2e.stack.StackConfig;
import org.inspectflow.e2e.stack.StepFailure;

/**
 * {@code ./inspectflow demo [scenario ...]}: plays the domain brief's scenarios against the running platform through
 * its public API and prints each step for a person who has not seen the code. Exit code 0 when every scenario
 * completed and its checks held, 1 when one failed (saying which step, what was expected, what came back and which
 * log to read), 2 when the platform cannot be reached.
 */
public final class Demo {

	private Demo() {
	}

	public static void main(String[] args) {
		System.setProperty("java.awt.headless", "true");
		PrintStream console = new PrintStream(System.out, true, StandardCharsets.UTF_8);
		boolean color = System.console() != null && System.getenv("NO_COLOR") == null;
		List<Scenario> chosen = choose(args, console);
		if (chosen == null) {
			System.exit(2);
		}
		StackConfig config = StackConfig.fromEnvironment();
		console.println("InspectFlow demo: " + chosen.size() + " scenario(s) through the gateway at " + config.gateway());
		console.println("  people sign in at Keycloak's login page (" + config.keycloak() + "), password "
				+ StackConfig.DEMO_PASSWORD + "; the bus is read from RabbitMQ " + config.rabbit().host() + ":"
				+ config.rabbit().port() + " vhost " + config.rabbit().vhost());
		RecordingNarrator out = new RecordingNarrator(new PrintingNarrator(console, color));
		Map<String, String> results = new LinkedHashMap<>();
		boolean failed = false;
		Stack stack;
		try {
			stack = Stack.connect(config);
		}
		catch (StepFailure ex) {
			console.println("✗ cannot watch the bus: " + ex.getMessage());
			System.exit(2);
			return;
		}
		try {
			console.println("  watching the bus: queue " + stack.bus().queue() + " bound to inspectflow.events (#) as"
					+ " RabbitMQ user " + stack.bus().user());
			console.println("  e-mail read back from " + (stack.deliveries().mailReadable() ? "GreenMail at "
					+ stack.deliveries().mailApi() : "— (no local mail stand-in: not shown)") + "; SMS from "
					+ (stack.deliveries().smsReadable() ? "the WireMock stand-in at " + stack.deliveries().smsApi()
							: "— (no local SMS stand-in: not shown)"));
			int number = 0;
			for (Scenario scenario : chosen) {
				number++;
				long started = System.nanoTime();
				try {
					scenario.run(stack, out.numbered(number, chosen.size()));
					long seconds = (System.nanoTime() - started) / 1_000_000_000;
					results.put(scenario.title(), "✓ completed in " + seconds + " s");
				}
				catch (StepFailure ex) {
					failed = true;
					results.put(scenario.title(), "✗ failed at: " + out.lastStep());
					printFailure(console, out.lastStep(), ex.expected(), ex.actual(), ex.lookAt());
				}
				catch (RuntimeException ex) {
					failed = true;
					results.put(scenario.title(), "✗ failed at: " + out.lastStep());
					printFailure(console, out.lastStep(), "the step to complete", ex.toString(), "gateway");
					ex.printStackTrace(console);
				}
			}
		}
		finally {
			stack.close();
		}
		console.println();
		console.println("━━ Summary " + "━".repeat(95));
		for (Map.Entry<String, String> result : results.entrySet()) {
			console.println("  " + result.getValue() + "  " + result.getKey());
		}
		console.println(failed ? "Some scenarios failed: see above what was expected, what came back, and which log to"
				+ " read." : "Every scenario completed and its checks held.");
		System.exit(failed ? 1 : 0);
	}

	private static void printFailure(PrintStream console, String step, String expected, String actual, String lookAt) {
		console.println();
		console.println(" ✗ this step failed: " + step);
		console.println("     expected: " + expected);
		console.println("     got:      " + actual);
		if (lookAt != null) {
			List<String> commands = new ArrayList<>();
			for (String component : lookAt.split(",")) {
				String name = component.strip().split(" ")[0];
				commands.add("./inspectflow logs " + name);
			}
			console.println("     look at:  " + String.join(", ", commands) + "   (" + lookAt + ")");
		}
	}

	private static List<Scenario> choose(String[] args, PrintStream console) {
		List<Scenario> all = Scenario.all();
		if (args.length == 0) {
			return all;
		}
		List<Scenario> chosen = new ArrayList<>();
		for (String arg : args) {
			Scenario found = all.stream().filter((s) -> s.id().equals(arg)).findFirst().orElse(null);
			if (found == null) {
				console.println("no scenario '" + arg + "'; the scenarios are: "
						+ String.join(" ", all.stream().map(Scenario::id).toList()));
				return null;
			}
			chosen.add(found);
		}
		return chosen;
	}

	/** Remembers the last step told, so that a failure can say where it happened; numbers the scenarios. */
	static final class RecordingNarrator implements Narrator {

		private final Narrator delegate;

		private String lastStep = "(before the first step)";

		private String prefix = "";

		RecordingNarrator(Narrator delegate) {
			this.delegate = delegate;
		}

		RecordingNarrator numbered(int number, int of) {
			this.prefix = number + "/" + of + "  ";
			return this;
		}

		String lastStep() {
			return this.lastStep;
		}

		@Override
		public void scenario(String title, String story) {
			this.lastStep = title;
			this.delegate.scenario(this.prefix + title, story);
		}

		@Override
		public void step(String who, String what) {
			this.lastStep = who + " " + what;
			this.delegate.step(who, what);
		}

		@Override
		public void state(String caseId, String status) {
			this.delegate.state(caseId, status);
		}

		@Override
		public void event(BusEvent event) {
			this.delegate.event(event);
		}

		@Override
		public void detail(String text) {
			this.delegate.detail(text);
		}

		@Override
		public void note(String text) {
			this.delegate.note(text);
		}

		@Override
		public void check(String text) {
			this.delegate.check(text);
		}

	}

}
