package org.inspectflow.bench;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.inspectflow.contracts.ClueSource;
import org.inspectflow.contracts.events.RectificationSubmitted;
import org.inspectflow.support.security.Caller;
import org.inspectflow.workflow.WorkflowServiceApplication;
import org.inspectflow.workflow.clue.ClueService;
import org.inspectflow.workflow.clue.NewClue;
import org.inspectflow.workflow.process.ProcessConstants;
import org.inspectflow.workflow.process.ProcessMessages;
import org.inspectflow.workflow.rectification.RectificationService;
import org.inspectflow.workflow.verification.VerificationRecord;
import org.inspectflow.workflow.verification.VerificationService;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.delegate.JavaDelegate;
import org.operaton.bpm.engine.runtime.Job;
import org.operaton.bpm.model.bpmn.Bpmn;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The real {@code CaseHandlingProcess} end to end on the embedded engine (PostgreSQL, history level audit): each case
 * is reported, matched, inspected (a minor violation), looked back, ordered, submitted, reviewed and closed, every
 * user task completed through workflow-service's own application services (the code behind its REST endpoints), every
 * reply and the enterprise's submission handled as the inbox would; beside it, in the same JVM and database, a bare start → service task → end process.
 * Prints both rates and their ratio, per round and as medians. Engine only: no RabbitMQ (the outbox rows are
 * written and not relayed), no HTTP.
 * <p>
 * {@code java -Dloader.main=org.inspectflow.bench.CaseHandlingBenchmark -cp bench.jar
 * org.springframework.boot.loader.launch.PropertiesLauncher} (bench/run workflow).
 */
public final class CaseHandlingBenchmark {

	private static final Caller OFFICER = new Caller("officer1", Set.of("officer"), "440304", "440300", null);

	private static final Caller ENTERPRISE = new Caller("enterprise1", Set.of("enterprise"), null, null,
			"914403040000DM001P");

	private CaseHandlingBenchmark() {
	}

	public static void main(String[] args) {
		int cases = Integer.getInteger("cases", 1000);
		int rounds = Integer.getInteger("rounds", 3);
		String url = System.getenv().getOrDefault("INSPECTFLOW_BENCH_DB_URL",
				"jdbc:postgresql://127.0.0.1:5432/inspectflow_bench");
		// command-line arguments, so that they win over application.yml (builder properties would not)
		String[] settings = java.util.stream.Stream.of("spring.datasource.url=" + url, "spring.datasource.username=postgres",
					"spring.datasource.password=", "operaton.bpm.job-execution.enabled=false",
					"operaton.bpm.history-level=audit", "spring.rabbitmq.listener.simple.auto-startup=false",
					"spring.rabbitmq.listener.direct.auto-startup=false",
					"inspectflow.messaging.outbox-relay.enabled=false", "inspectflow.workflow.scheduling.enabled=false",
					"management.endpoint.health.group.readiness.include=readinessState,db",
					"logging.level.root=WARN", "spring.main.banner-mode=off",
					// the benchmark jar carries MongoDB for the outbox benchmark; workflow-service has none
					"spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration,"
							+ "org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration,"
							+ "org.springframework.boot.autoconfigure.data.mongo.MongoRepositoriesAutoConfiguration,"
							// no web server here, so no engine REST API either
							+ "org.operaton.bpm.spring.boot.starter.rest.OperatonBpmRestJerseyAutoConfiguration")
			.map((setting) -> "--" + setting)
			.toArray(String[]::new);
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(WorkflowServiceApplication.class)
			.web(org.springframework.boot.WebApplicationType.NONE)
			.run(settings)) {
			Bench bench = new Bench(context);
			System.out.printf("CaseHandlingProcess end to end vs a bare start → service task → end, %d cases a round,"
					+ " %d rounds, PostgreSQL, history audit, 1 thread%n", cases, rounds);
			bench.real(Math.min(50, cases));
			bench.bare(Math.min(200, cases));
			List<Double> realRates = new ArrayList<>();
			List<Double> bareRates = new ArrayList<>();
			List<Double> ratios = new ArrayList<>();
			for (int round = 1; round <= rounds; round++) {
				double bare = bench.bare(cases);
				double real = bench.real(cases);
				realRates.add(real);
				bareRates.add(bare);
				ratios.add(real / bare);
				System.out.printf("round %d: bare %.0f instances/s, real %.1f cases/s, ratio %.3f%n", round, bare, real,
						real / bare);
			}
			System.out.printf("median: bare %.0f instances/s, real %.1f cases/s (%.1f ms a case), ratio %.3f%n",
					median(bareRates), median(realRates), 1000 / median(realRates), median(ratios));
			System.out.println("(a real case runs 3 user tasks, 2 async jobs, 2 message correlations, 2 decision tables"
					+ " and ~40 activities; the bare process runs 3)");
		}
	}

	private static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int middle = sorted.size() / 2;
		return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

	private static final class Bench {

		private final ClueService clues;

		private final VerificationService verifications;

		private final RectificationService rectifications;

		private final ProcessMessages messages;

		private final RuntimeService runtime;

		private final TaskService tasks;

		private final ManagementService management;

		private final TransactionTemplate transactions;

		private final org.springframework.jdbc.core.JdbcTemplate jdbc;

		private int sequence;

		Bench(ConfigurableApplicationContext context) {
			this.clues = context.getBean(ClueService.class);
			this.verifications = context.getBean(VerificationService.class);
			this.rectifications = context.getBean(RectificationService.class);
			this.messages = context.getBean(ProcessMessages.class);
			this.runtime = context.getBean(RuntimeService.class);
			this.tasks = context.getBean(TaskService.class);
			this.management = context.getBean(ManagementService.class);
			this.transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
			this.jdbc = context.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
			context.getBeanFactory().registerSingleton("benchNoopDelegate", (JavaDelegate) (execution) -> {
				execution.setVariable("done", true);
			});
			context.getBean(RepositoryService.class)
				.createDeployment()
				.addModelInstance("bare.bpmn", Bpmn.createExecutableProcess("BareProcess")
					.operatonHistoryTimeToLive(1)
					.startEvent()
					.serviceTask()
					.operatonDelegateExpression("${benchNoopDelegate}")
					.endEvent()
					.done())
				.deploy();
		}

		double bare(int instances) {
			long start = System.nanoTime();
			for (int i = 0; i < instances; i++) {
				this.runtime.startProcessInstanceByKey("BareProcess", "BARE-" + i);
			}
			return instances / seconds(start);
		}

		double real(int cases) {
			long start = System.nanoTime();
			for (int i = 0; i < cases; i++) {
				oneCase();
			}
			return cases / seconds(start);
		}

		private void oneCase() {
			String problem = "BENCH_" + (++this.sequence);
			String caseId = this.clues.open(new NewClue(UUID.randomUUID().toString(), ClueSource.COMPLAINT,
					ENTERPRISE.enterpriseId(), null, problem, NewClue.Severity.GENERAL, "bench clue", "440304", null,
					null, "officer1", null, null))
				.caseId();
			runJobs(caseId);
			correlate(caseId, ProcessConstants.MESSAGE_ENTERPRISE_MATCHED,
					Map.of(ProcessConstants.VAR_ENTERPRISE_MATCHED, true, ProcessConstants.VAR_RISK_TIER, "MEDIUM",
							ProcessConstants.VAR_POSITIVE_LIST, false));
			String inspection = task(caseId, ProcessConstants.TASK_INSPECT_ON_SITE);
			this.tasks.claim(inspection, OFFICER.username());
			this.verifications.record(OFFICER, inspection, new VerificationRecord("VIOLATION_CONFIRMED",
					"bench finding", "BOILER_DESULPHURISATION_OFF", "art. 99", "MINOR", null, null, List.of(), null,
					null));
			runJobs(caseId);
			correlate(caseId, ProcessConstants.MESSAGE_FIRST_OFFENCE_CHECKED,
					Map.of(ProcessConstants.VAR_FIRST_OFFENCE, true, "previousCaseIds", ""));
			String orderId = this.jdbc.queryForObject("SELECT order_id FROM wf_case WHERE case_id = ?", String.class,
					caseId);
			RectificationSubmitted submitted = new RectificationSubmitted(caseId, ENTERPRISE.enterpriseId(), orderId, 1,
					UUID.randomUUID().toString(), List.of("EV-1"), "repaired", null, OffsetDateTime.now(),
					ENTERPRISE.username());
			this.transactions.executeWithoutResult(
					(status) -> this.rectifications.receive(UUID.randomUUID().toString(), submitted));
			this.rectifications.review(OFFICER, task(caseId, ProcessConstants.TASK_REVIEW_RECTIFICATION),
					new RectificationService.Review(true, "ok", List.of()));
			if (this.runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).count() != 0) {
				throw new IllegalStateException(caseId + " did not close");
			}
		}

		private void correlate(String caseId, String message, Map<String, Object> variables) {
			this.transactions.executeWithoutResult((status) -> this.messages.correlate(caseId, message,
					UUID.randomUUID().toString(), variables));
		}

		private String task(String caseId, String key) {
			return this.tasks.createTaskQuery()
				.processInstanceBusinessKey(caseId)
				.taskDefinitionKey(key)
				.singleResult()
				.getId();
		}

		private void runJobs(String caseId) {
			String instance = this.runtime.createProcessInstanceQuery()
				.processInstanceBusinessKey(caseId)
				.processDefinitionKey(ProcessConstants.CASE_HANDLING_PROCESS)
				.singleResult()
				.getId();
			while (true) {
				List<Job> jobs = this.management.createJobQuery().processInstanceId(instance).executable().list();
				if (jobs.isEmpty()) {
					return;
				}
				jobs.forEach((job) -> this.management.executeJob(job.getId()));
			}
		}

		private static double seconds(long start) {
			return Duration.ofNanos(System.nanoTime() - start).toNanos() / 1e9;
		}

	}

}
