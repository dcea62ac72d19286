import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The HTTP side of bench/fhir.sh: CLIENTS GP systems send FHIR referral Bundles to POST /fhir at RATE a second in
 * all, for a warm-up and then SECONDS measured, each as its own API client. Run with the JDK's single-file launcher
 * (no dependencies): {@code java bench/FhirBench.java BASE TOKENS_FILE TEMPLATE SECONDS RATE CLIENTS WARMUP REFS}.
 *
 * <p>Requests go out on a fixed schedule and each one's latency is counted from when it was due, not from when a busy
 * client got round to sending it, so a service that falls behind shows it in the percentiles instead of hiding it;
 * requests still unsent when the time is up are dropped, so throughput below the rate is the service's capacity. The references acknowledged with 201 Created are written to REFS for the script to find in the database.
 */
public class FhirBench {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        List<String> tokens = Files.readAllLines(Path.of(args[1])).stream().filter(t -> !t.isBlank()).toList();
        String template = Files.readString(Path.of(args[2]));
        int seconds = Integer.parseInt(args[3]);
        int rate = Integer.parseInt(args[4]);
        int clients = Integer.parseInt(args[5]);
        int warmup = Integer.parseInt(args[6]);
        Path refs = Path.of(args[7]);

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(4)).build();
        if (warmup > 0) {
            System.out.printf("warm-up: %d s at %d a second (not counted)%n", warmup, rate);
            run(http, base, tokens, template, warmup, rate, clients, null);
        }
        System.out.printf("measured: %d s at %d a second from %d clients%n", seconds, rate, clients);
        Result result = run(http, base, tokens, template, seconds, rate, clients, refs);
        result.print();
        System.exit(0);
    }

    record Result(List<Long> latenciesMicros, Map<Integer, Integer> statuses, long wallNanos, int sent, int scheduled) {

        void print() {
            List<Long> sorted = new ArrayList<>(latenciesMicros);
            Collections.sort(sorted);
            double wall = wallNanos / 1e9;
            int created = statuses.getOrDefault(201, 0) + statuses.getOrDefault(200, 0);
            System.out.printf("FHIR sent=%d of %d scheduled in %.1f s, throughput %.1f/s, acknowledged %.1f/s, statuses %s%n",
                    sent, scheduled, wall, sent / wall, created / wall, statuses);
            System.out.printf("FHIR latency ms: p50=%.1f p95=%.1f p99=%.1f max=%.1f%n", pct(sorted, 50),
                    pct(sorted, 95), pct(sorted, 99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1000.0);
        }

        static double pct(List<Long> sorted, int p) {
            if (sorted.isEmpty()) {
                return 0;
            }
            int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, index)) / 1000.0;
        }
    }

    static Result run(HttpClient http, String base, List<String> tokens, String template, int seconds, int rate,
            int clients, Path refs) throws Exception {
        int total = seconds * rate;
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime() + 100_000_000L;
        long end = start + seconds * 1_000_000_000L;
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>(total));
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        List<String> references = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        AtomicLong lastDone = new AtomicLong(start);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            String token = tokens.get(c % tokens.size());
            pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    long due = start + i * interval;
                    if (System.nanoTime() > end) {
                        // Behind schedule at the end of the window: what was not sent in time is not sent at all,
                        // so the run lasts its seconds and the shortfall shows as throughput below the rate.
                        break;
                    }
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        try {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        } catch (InterruptedException e) {
                            return null;
                        }
                    }
                    int status;
                    String body = "";
                    try {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/fhir"))
                                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/fhir+json")
                                .header("Accept", "application/fhir+json")
                                .POST(HttpRequest.BodyPublishers.ofString(referral(template), StandardCharsets.UTF_8))
                                .build(), HttpResponse.BodyHandlers.ofString());
                        status = response.statusCode();
                        body = response.body();
                    } catch (Exception e) {
                        status = -1;
                    }
                    long done = System.nanoTime();
                    lastDone.accumulateAndGet(done, Math::max);
                    latencies.add((done - due) / 1000);
                    int entryStatus = status == 200 && body.contains("\"201 Created\"") ? 201 : status;
                    statuses.merge(entryStatus, 1, Integer::sum);
                    int at = body.indexOf("\"location\":\"ServiceRequest/");
                    if (entryStatus == 201 && at >= 0) {
                        int from = at + "\"location\":\"ServiceRequest/".length();
                        references.add(body.substring(from, body.indexOf('"', from)));
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 600L, java.util.concurrent.TimeUnit.SECONDS);
        if (refs != null) {
            Files.write(refs, references);
        }
        return new Result(latencies, new TreeMap<>(statuses), lastDone.get() - start, latencies.size(), total);
    }

    /** The test fixture's Bundle for a person no other request has, with today's dates. */
    static String referral(String template) {
        String id = UUID.randomUUID().toString();
        StringBuilder name = new StringBuilder("Bench");
        for (int i = 0; i < 10; i++) {
            name.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        LocalDate today = LocalDate.now();
        return template.replace("REF-0001", id).replace("\"Khan\"", "\"" + name + "\"")
                .replace("2026-09-01", today.minusWeeks(12).toString())
                .replace("2026-11-20", today.minusWeeks(2).toString())
                .replace("2026-12-01", today.minusDays(1).toString());
    }
}
