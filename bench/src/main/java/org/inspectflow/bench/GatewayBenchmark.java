package org.inspectflow.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The same API call made straight to a service and through the gateway, side by side in one run. Both paths carry the
 * same bearer token and the service validates it either way; through the gateway it is validated there too and the
 * request relayed. For each path: the saturation throughput (closed loop, {@code concurrency} callers), then latency
 * under an open-loop load at half the direct path's saturation rate (each call timed from when it was due, so a stall
 * is not hidden by the caller waiting). Rounds alternate the two paths; the medians give the ratios.
 * <p>
 * The load generator runs on the same machine (two cores here) and takes its share of the CPU: each saturation round
 * also reports the CPU time per call of the gateway, the service and the load generator itself (from
 * {@code /proc/<pid>/stat} of the processes named in {@code -Dprocesses=name=pid,...}, which {@code bench/run} finds by
 * their ports), which says where the time goes even when other work on the machine makes the rates noisy. The HTTP
 * client completes each call on its own selector thread (no hand-off to a pool thread that must first be scheduled on
 * the busy cores), which costs the load generator less CPU and adds no scheduling delay to the timed latencies.
 * <p>
 * {@code bench/run gateway} (needs {@code ./inspectflow up}; {@code ROUNDS=3 SECONDS_PER_ROUND=10 CONCURRENCY=16
 * WARMUP_SECONDS=3}).
 */
public final class GatewayBenchmark {

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.executor(Runnable::run)
		.build();

	/** The processes whose CPU time is measured with each saturation round, by name (e.g. gateway=1234). */
	private static final Map<String, Long> PROCESSES = processes(System.getProperty("processes", ""));

	private static final long CLOCK_TICKS = Long.getLong("clockTicks", 100);

	private GatewayBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		URI direct = URI.create(required("direct"));
		URI gateway = URI.create(required("gateway"));
		TOKEN_URL = required("tokenUrl");
		int rounds = Integer.getInteger("rounds", 3);
		int seconds = Integer.getInteger("seconds", 10);
		int concurrency = Integer.getInteger("concurrency", 16);
		System.out.printf("GET %s (direct) against GET %s (gateway), %d rounds of %d s, %d callers at saturation%n",
				direct, gateway, rounds, seconds, concurrency);
		check(direct, token());
		check(gateway, token());
		// warm-up, both paths: a few seconds are enough for the C1-only JVMs of ./inspectflow up; JVMs with C2
		// (INSPECTFLOW_JAVA_OPTS=-XX:TieredStopAtLevel=4) compile for minutes, which a short warm-up would measure
		int warmup = Integer.getInteger("warmup", 3);
		saturation(direct, token(), concurrency, warmup);
		saturation(gateway, token(), concurrency, warmup);

		List<Double> directRps = new ArrayList<>();
		List<Double> gatewayRps = new ArrayList<>();
		Map<String, List<Double>> directCpu = new LinkedHashMap<>();
		Map<String, List<Double>> gatewayCpu = new LinkedHashMap<>();
		for (int round = 1; round <= rounds; round++) {
			CpuMeter directMeter = new CpuMeter();
			Saturation directRound = saturation(direct, token(), concurrency, seconds);
			Map<String, Double> dCpu = directMeter.perCall(directRound.calls());
			CpuMeter gatewayMeter = new CpuMeter();
			Saturation gatewayRound = saturation(gateway, token(), concurrency, seconds);
			Map<String, Double> gCpu = gatewayMeter.perCall(gatewayRound.calls());
			double d = directRound.rate();
			double g = gatewayRound.rate();
			directRps.add(d);
			gatewayRps.add(g);
			dCpu.forEach((name, ms) -> directCpu.computeIfAbsent(name, (key) -> new ArrayList<>()).add(ms));
			gCpu.forEach((name, ms) -> gatewayCpu.computeIfAbsent(name, (key) -> new ArrayList<>()).add(ms));
			System.out.printf("saturation round %d: direct %.0f/s, gateway %.0f/s%n", round, d, g);
			System.out.printf("  CPU ms per call, direct: %s; gateway: %s%n", describe(dCpu), describe(gCpu));
		}
		double directSaturation = median(directRps);
		double rate = directSaturation / 2;
		System.out.printf("open-loop load at half the direct saturation: %.0f calls/s%n", rate);
		List<Double> directP99 = new ArrayList<>();
		List<Double> gatewayP99 = new ArrayList<>();
		List<Double> directP50 = new ArrayList<>();
		List<Double> gatewayP50 = new ArrayList<>();
		for (int round = 1; round <= rounds; round++) {
			double[] d = openLoop(direct, token(), rate, seconds);
			double[] g = openLoop(gateway, token(), rate, seconds);
			directP50.add(d[0]);
			directP99.add(d[1]);
			gatewayP50.add(g[0]);
			gatewayP99.add(g[1]);
			System.out.printf("latency round %d: direct p50 %.2f ms p99 %.2f ms; gateway p50 %.2f ms p99 %.2f ms%n",
					round, d[0], d[1], g[0], g[1]);
		}
		double p99Ratio = median(gatewayP99) / median(directP99);
		double throughputRatio = median(gatewayRps) / directSaturation;
		System.out.printf("median CPU ms per call at saturation, direct: %s; gateway: %s%n", describeMedians(directCpu),
				describeMedians(gatewayCpu));
		System.out.printf("median p50: direct %.2f ms, gateway %.2f ms%n", median(directP50), median(gatewayP50));
		System.out.printf("median p99: direct %.2f ms, gateway %.2f ms%n", median(directP99), median(gatewayP99));
		System.out.printf("p99 ratio (gateway / direct) at %.0f calls/s: %.2f (target <= 1.3)%n", rate, p99Ratio);
		System.out.printf("throughput ratio (gateway / direct saturation): %.2f (target >= 0.7)%n", throughputRatio);
	}

	private static void check(URI uri, String token) throws Exception {
		HttpResponse<Void> response = HTTP.send(request(uri, token), HttpResponse.BodyHandlers.discarding());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(uri + " answered " + response.statusCode() + "; is ./inspectflow up running?");
		}
	}

	/** Calls per second with {@code concurrency} callers each sending the next call when the last one is answered. */
	static Saturation saturation(URI uri, String token, int concurrency, int seconds) throws InterruptedException {
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		AtomicLong done = new AtomicLong();
		AtomicInteger failed = new AtomicInteger();
		List<CompletableFuture<Void>> callers = new ArrayList<>();
		long start = System.nanoTime();
		for (int i = 0; i < concurrency; i++) {
			CompletableFuture<Void> finished = new CompletableFuture<>();
			loop(uri, token, end, done, failed, finished);
			callers.add(finished);
		}
		CompletableFuture.allOf(callers.toArray(CompletableFuture[]::new)).join();
		double elapsed = (System.nanoTime() - start) / 1e9;
		if (failed.get() > 0) {
			System.out.printf("  (%d calls to %s failed)%n", failed.get(), uri);
		}
		return new Saturation(done.get() / elapsed, done.get());
	}

	/** A saturation run: calls answered per second, and how many. */
	record Saturation(double rate, long calls) {
	}

	private static void loop(URI uri, String token, long end, AtomicLong done, AtomicInteger failed,
			CompletableFuture<Void> finished) {
		if (System.nanoTime() >= end) {
			finished.complete(null);
			return;
		}
		HTTP.sendAsync(request(uri, token), HttpResponse.BodyHandlers.discarding()).whenComplete((response, ex) -> {
			if (ex != null || response.statusCode() != 200) {
				failed.incrementAndGet();
			}
			else {
				done.incrementAndGet();
			}
			loop(uri, token, end, done, failed, finished);
		});
	}

	/** p50 and p99 in milliseconds of calls sent at a fixed rate, each timed from when it was due. */
	static double[] openLoop(URI uri, String token, double rate, int seconds) {
		int calls = (int) (rate * seconds);
		long[] latencies = new long[calls];
		AtomicInteger failed = new AtomicInteger();
		CompletableFuture<?>[] pending = new CompletableFuture<?>[calls];
		long interval = (long) (1e9 / rate);
		long start = System.nanoTime();
		for (int i = 0; i < calls; i++) {
			long due = start + i * interval;
			long wait = due - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			int index = i;
			pending[i] = HTTP.sendAsync(request(uri, token), HttpResponse.BodyHandlers.discarding())
				.whenComplete((response, ex) -> {
					latencies[index] = System.nanoTime() - due;
					if (ex != null || response.statusCode() != 200) {
						failed.incrementAndGet();
					}
				});
		}
		CompletableFuture.allOf(pending).exceptionally((ex) -> null).join();
		if (failed.get() > 0) {
			System.out.printf("  (%d of %d calls to %s failed)%n", failed.get(), calls, uri);
		}
		Arrays.sort(latencies);
		return new double[] { latencies[calls / 2] / 1e6, latencies[(int) Math.ceil(calls * 0.99) - 1] / 1e6 };
	}

	private static String TOKEN_URL;

	private static String token;

	private static long tokenAt;

	/**
	 * The integrator's access token (client credentials), fetched again when it is a minute old: each phase takes one
	 * at its start, and the realm's tokens live five minutes, less than a run with a long warm-up.
	 */
	static String token() throws Exception {
		if (token == null || System.nanoTime() - tokenAt > 60_000_000_000L) {
			HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(TOKEN_URL))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"
						+ "&client_id=inspectflow-integrator-demo&client_secret=integrator-demo-secret"))
				.build(), HttpResponse.BodyHandlers.ofString());
			java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"access_token\":\"([^\"]+)\"")
				.matcher(response.body());
			if (response.statusCode() != 200 || !m.find()) {
				throw new IllegalStateException("no token from " + TOKEN_URL + ": " + response.statusCode());
			}
			token = m.group(1);
			tokenAt = System.nanoTime();
		}
		return token;
	}

	private static HttpRequest request(URI uri, String token) {
		return HttpRequest.newBuilder(uri)
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "application/json")
			.GET()
			.build();
	}

	private static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

	private static String describe(Map<String, Double> cpu) {
		StringBuilder text = new StringBuilder();
		cpu.forEach((name, ms) -> text.append(text.isEmpty() ? "" : ", ").append(name).append(' ')
			.append(String.format("%.2f", ms)));
		return text.toString();
	}

	private static String describeMedians(Map<String, List<Double>> cpu) {
		Map<String, Double> medians = new LinkedHashMap<>();
		cpu.forEach((name, values) -> medians.put(name, median(values)));
		return describe(medians);
	}

	private static Map<String, Long> processes(String spec) {
		Map<String, Long> processes = new LinkedHashMap<>();
		for (String entry : spec.split(",")) {
			String[] nameAndPid = entry.trim().split("=");
			if (nameAndPid.length == 2 && !nameAndPid[1].isBlank()) {
				processes.put(nameAndPid[0].trim(), Long.parseLong(nameAndPid[1].trim()));
			}
		}
		return processes;
	}

	/** CPU time (user + system) of each named process and of this one, from one moment to the next. */
	private static final class CpuMeter {

		private final Map<String, Long> startNanos = new LinkedHashMap<>();

		CpuMeter() {
			PROCESSES.forEach((name, pid) -> this.startNanos.put(name, cpuNanos(pid)));
			this.startNanos.put("load generator", ownCpuNanos());
		}

		/** Milliseconds of CPU per call for each process with a known CPU time, after {@code calls} calls. */
		Map<String, Double> perCall(long calls) {
			Map<String, Double> perCall = new LinkedHashMap<>();
			double answered = Math.max(1, calls);
			this.startNanos.forEach((name, start) -> {
				long end = name.equals("load generator") ? ownCpuNanos() : cpuNanos(PROCESSES.get(name));
				if (start >= 0 && end >= 0) {
					perCall.put(name, (end - start) / 1e6 / answered);
				}
			});
			return perCall;
		}

		private static long cpuNanos(long pid) {
			try {
				String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
				// fields after the command name (which may hold spaces) in parentheses; utime and stime are 14 and 15
				String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
				long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
				return ticks * 1_000_000_000L / CLOCK_TICKS;
			}
			catch (IOException | RuntimeException ex) {
				return -1;
			}
		}

		private static long ownCpuNanos() {
			if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
				return os.getProcessCpuTime();
			}
			return -1;
		}

	}

	private static String required(String property) {
		String value = System.getProperty(property);
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("set -D" + property);
		}
		return value;
	}

}
