package org.inspectflow.enterprise;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.tracing.Tracer;
import org.inspectflow.enterprise.compliance.ComplianceHistory;
import org.inspectflow.enterprise.importing.RegisterExport;
import org.inspectflow.enterprise.importing.RegisterImport;
import org.inspectflow.enterprise.messaging.EnterpriseListeners;
import org.inspectflow.enterprise.monitoring.MonitoringRegister;
import org.inspectflow.enterprise.draw.DrawService;
import org.inspectflow.enterprise.portal.PortalOrders;
import org.inspectflow.enterprise.trace.FraudTrace;
import org.inspectflow.enterprise.register.EnterpriseRegister;
import org.inspectflow.enterprise.risk.PositiveList;
import org.inspectflow.enterprise.risk.RiskRecompute;
import org.inspectflow.enterprise.risk.RiskRecomputeProperties;
import org.inspectflow.enterprise.risk.RiskService;
import org.inspectflow.enterprise.seed.SeedLoader;
import org.inspectflow.enterprise.triage.TriageService;
import org.inspectflow.support.messaging.Envelopes;
import org.inspectflow.support.messaging.Inbox;
import org.inspectflow.support.outbox.MongoOutbox;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The service's MongoDB features wired as in the application, on an in-memory MongoDB-wire server (the same
 * mongo-java-server the dev server runs): unit tests run the real driver and Spring Data queries without the
 * broker, Keycloak or a web server. The outbox records events; nothing relays them.
 */
public final class TestRegister implements AutoCloseable {

	private final MongoServer server;

	private final MongoClient client;

	private final AnnotationConfigApplicationContext context;

	private TestRegister(MongoServer server, MongoClient client, AnnotationConfigApplicationContext context) {
		this.server = server;
		this.client = client;
		this.context = context;
	}

	public static TestRegister start(Clock clock) {
		return start(clock, Map.of());
	}

	public static TestRegister start(Clock clock, Map<String, Object> properties) {
		MongoServer server = new MongoServer(new MemoryBackend());
		String uri = server.bindAndGetConnectionString();
		MongoClient client = MongoClients.create(uri);
		MongoTemplate mongo = new MongoTemplate(client, "inspectflow-enterprise");
		ObjectMapper json = JsonMapper.builder()
			.findAndAddModules()
			.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
			.build();
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("test", new HashMap<>(properties)));
		context.registerBean(MongoTemplate.class, () -> mongo);
		context.registerBean(Clock.class, () -> clock);
		context.registerBean(ObjectMapper.class, () -> json);
		context.registerBean(MongoOutbox.class, () -> new MongoOutbox(mongo, json, () -> {
		}));
		context.registerBean(Envelopes.class, () -> new Envelopes("enterprise-service", Tracer.NOOP));
		context.registerBean(Inbox.class, () -> new Inbox(json, null, null, null));
		context.registerBean(RiskRecomputeProperties.class, () -> new RiskRecomputeProperties(true,
				RiskRecomputeProperties.defaults().cron(), RiskRecomputeProperties.defaults().zone(), Integer.parseInt(
						String.valueOf(properties.getOrDefault("inspectflow.enterprise.risk.recompute.batch-size", 500)))));
		for (Class<?> component : new Class<?>[] { EnterpriseRegister.class, ComplianceHistory.class,
				RiskService.class, RiskRecompute.class, PositiveList.class, TriageService.class, RegisterImport.class,
				RegisterExport.class, MonitoringRegister.class, SeedLoader.class, PortalOrders.class, FraudTrace.class, DrawService.class, EnterpriseListeners.class }) {
			context.registerBean(component);
		}
		context.refresh();
		context.getBean(EnterpriseRegister.class).ensureIndexes();
		return new TestRegister(server, client, context);
	}

	public <T> T get(Class<T> type) {
		return this.context.getBean(type);
	}

	public MongoTemplate mongo() {
		return get(MongoTemplate.class);
	}

	@Override
	public void close() {
		this.context.close();
		this.client.close();
		this.server.shutdown();
	}

}
