import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load side of bench/cluster.sh: N people use the service through the load balancer for T seconds, each with
 * their own cookie jar, as browsers would. Run with the JDK's single-file launcher (no dependencies).
 *
 * <ul>
 * <li>{@code load --base URL --clients N --seconds T --out DIR --phase NAME [--events FILE] [--until FILE]
 * [--nodes node1=URL,node2=URL] [--window S] [--think MS] [--page-think MS]}: three in five clients are members of the public who
 * fill in the public referral form page by page and send it (a new person, so a new cookie jar, each time; every
 * reference shown on the confirmation page is written to DIR/NAME.refs); one in five is a triager who opens the
 * first referrals of their queue that no one has started and presses "Start triage"; one in five is a practitioner
 * loading their home page, {@code /cases}. Triagers and practitioners sign in once and must stay signed in: a
 * redirect to the sign-in page is a failure. The node that answered each request is read from the load balancer's
 * {@code X-Node} response header. Every failure is written to DIR/NAME.errors with its start and end times, the
 * node, the status and the path; per-second counts to DIR/NAME.seconds. With --events, lines {@code epochMillis
 * kill|stop|gone|up NODE} written there during the run by the script mark when a node was killed or stopped and
 * when its process was gone: a 5xx or dropped connection from that node on a request that was in flight on it
 * then counts as "in flight" rather than as a failure beyond them (see {@link #inFlight}). With --nodes, each node's pool and heap are read every 2 s from its own
 * /actuator/prometheus as the national administrator (admin@workhealth.example). With --until, the run ends early once that file exists.
 * --think pauses between a client's journeys; --page-think pauses before every request, as a person reads a page
 * before the next click, so that each client sends at most one request every MS: a steady load below what the
 * service can take rather than as much as it can answer.</li>
 * <li>{@code metrics URL}: one node's heap and pool figures, read as the national administrator.</li>
 * </ul>
 */
public class ClusterLoad {

    static final String PASSWORD = "demo-password-2026";
    static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    static final Pattern SUBMISSION_KEY = Pattern.compile("name=\"submissionKey\" value=\"([^\"]+)\"");
    static final Pattern REFERENCE = Pattern.compile("app-reference\">([A-Z0-9-]+)<");
    static final Pattern REFERRAL_LINK = Pattern.compile("href=\"/referrals/([0-9]+)\"");

    /** Triagers: each sees the queue of a provider that public referrals are routed to by postcode. */
    static final String[] TRIAGERS = {"coach@bury.workhealth.example", "coach2@bury.workhealth.example",
            "coach@oldham.workhealth.example", "coach2@oldham.workhealth.example", "coach@coventry.workhealth.example",
            "manager@bury.workhealth.example", "manager@oldham.workhealth.example"};
    /** Practitioners for the home page: others than the triagers, so the two kinds do not share accounts. */
    static final String[] PRACTITIONERS = {"coach@shaw.workhealth.example", "coach2@shaw.workhealth.example",
            "specialist@bchft.workhealth.example", "specialist2@bchft.workhealth.example",
            "coach@warwickshire.workhealth.example", "coach2@warwickshire.workhealth.example",
            "coach2@coventry.workhealth.example"};

    static final String[] FIRST = {"Ada", "Ben", "Chloe", "Dev", "Ella", "Femi", "Grace", "Harry", "Isla", "Jack"};
    static final String[] DISTRICTS = {"BL9", "BL8", "M26", "OL1", "OL9", "CV1", "CV3"};

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "load" -> new ClusterLoad(options(args)).run();
            case "metrics" -> {
                Map<String, Double> m = new NodeMetrics(args[1]).read();
                System.out.printf(Locale.UK, "METRICS heap_used_bytes=%.0f gc_live_data_bytes=%.0f hikari_active=%.0f "
                        + "hikari_max=%.0f hikari_pending=%.0f hikari_timeouts=%.0f%n", m.get("heap"), m.get("live"),
                        m.get("active"), m.get("max"), m.get("pending"), m.get("timeouts"));
            }
            default -> throw new IllegalArgumentException("Unknown mode " + args[0]);
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return o;
    }

    // ---------------------------------------------------------------- what is recorded

    enum Kind {
        OK, SERVER_ERROR, CONNECTION, SENT_TO_SIGN_IN, FORBIDDEN, UNEXPECTED
    }

    /** One request: when it started (ms since the epoch), how long it took, which node answered, how it went. */
    record Sample(long startMs, int micros, int node, Kind kind) {
    }

    record Failure(long startMs, long endMs, String node, Kind kind, int status, String request, String detail) {
    }

    static final class JourneyFailed extends Exception {
        JourneyFailed() {
            super(null, null, false, false);
        }
    }

    private final String base;
    private final int clients;
    private final int seconds;
    private final Path out;
    private final String phase;
    private final Path events;
    private final Path until;
    private final int window;
    private final int thinkMs;
    private final int pageThinkMs;
    private final Map<String, String> nodeUrls = new LinkedHashMap<>();

    private final List<String> nodeNames = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Integer> nodeIndex = new ConcurrentHashMap<>();
    private final List<List<Sample>> samples = Collections.synchronizedList(new ArrayList<>());
    private final List<Failure> failures = Collections.synchronizedList(new ArrayList<>());
    private final List<String> references = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLongArray perNode = new AtomicLongArray(16);
    private final AtomicInteger signIns = new AtomicInteger();
    private final AtomicInteger triagesStarted = new AtomicInteger();
    private final AtomicInteger queueViews = new AtomicInteger();
    private final AtomicInteger homes = new AtomicInteger();
    private final AtomicInteger serial = new AtomicInteger(ThreadLocalRandom.current().nextInt(1_000_000));
    private volatile long deadline;

    ClusterLoad(Map<String, String> o) {
        base = o.get("base");
        clients = Integer.parseInt(o.getOrDefault("clients", "50"));
        seconds = Integer.parseInt(o.getOrDefault("seconds", "300"));
        out = Path.of(o.getOrDefault("out", "."));
        phase = o.getOrDefault("phase", "load");
        events = o.containsKey("events") ? Path.of(o.get("events")) : null;
        until = o.containsKey("until") ? Path.of(o.get("until")) : null;
        window = Integer.parseInt(o.getOrDefault("window", "60"));
        thinkMs = Integer.parseInt(o.getOrDefault("think", "0"));
        pageThinkMs = Integer.parseInt(o.getOrDefault("page-think", "0"));
        if (o.containsKey("nodes")) {
            for (String pair : o.get("nodes").split(",")) {
                String[] p = pair.split("=", 2);
                nodeUrls.put(p[0], p[1]);
            }
        }
        node("-");
    }

    int node(String name) {
        return nodeIndex.computeIfAbsent(name, n -> {
            nodeNames.add(n);
            return nodeNames.size() - 1;
        });
    }

    // ---------------------------------------------------------------- the run

    void run() throws Exception {
        long t0 = System.currentTimeMillis();
        deadline = t0 + seconds * 1000L;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            List<Sample> mine = new ArrayList<>();
            samples.add(mine);
            Thread t = new Thread(() -> person(client, mine), "client-" + c);
            threads.add(t);
        }
        Sampler sampler = nodeUrls.isEmpty() ? null : new Sampler(nodeUrls);
        if (sampler != null) {
            sampler.start();
        }
        System.out.printf(Locale.UK, "%s: %d clients (%d public, %d triage, %d practitioner home) for up to %d s "
                + "through %s%n", phase, clients, count(0) + count(1) + count(2), count(3), count(4), seconds, base);
        for (Thread t : threads) {
            t.start();
        }
        long lastRequests = 0;
        long lastErrors = 0;
        long[] lastNodes = new long[16];
        while (System.currentTimeMillis() < deadline) {
            Thread.sleep(Math.min(10_000, Math.max(1, deadline - System.currentTimeMillis())));
            if (until != null && Files.exists(until)) {
                deadline = System.currentTimeMillis();
            }
            long r = requests.get();
            long e = errors.get();
            StringBuilder byNode = new StringBuilder();
            for (int i = 1; i < nodeNames.size(); i++) {
                long n = perNode.get(i);
                byNode.append(' ').append(nodeNames.get(i)).append('=').append(n - lastNodes[i]);
                lastNodes[i] = n;
            }
            System.out.printf(Locale.UK, "  t=%4d s  requests %6d  errors %4d %s%n",
                    (System.currentTimeMillis() - t0) / 1000, r - lastRequests, e - lastErrors, byNode);
            lastRequests = r;
            lastErrors = e;
        }
        for (Thread t : threads) {
            t.join(120_000);
        }
        long t1 = System.currentTimeMillis();
        if (sampler != null) {
            sampler.interrupt();
        }
        report(t0, t1, sampler);
    }

    int count(int role) {
        int n = 0;
        for (int c = 0; c < clients; c++) {
            n += c % 5 == role ? 1 : 0;
        }
        return n;
    }

    void person(int client, List<Sample> mine) {
        int role = client % 5;
        Browser signedIn = null;
        while (System.currentTimeMillis() < deadline) {
            try {
                if (role <= 2) {
                    referral(new Browser(mine));
                } else {
                    if (signedIn == null) {
                        String email = role == 3 ? TRIAGERS[(client / 5) % TRIAGERS.length]
                                : PRACTITIONERS[(client / 5) % PRACTITIONERS.length];
                        Browser b = new Browser(mine);
                        signIn(b, email);
                        signedIn = b;
                    }
                    if (role == 3) {
                        triage(signedIn);
                    } else {
                        signedIn.call("GET", "/cases", null, 200, null);
                        homes.incrementAndGet();
                    }
                }
                think(thinkMs);
            } catch (JourneyFailed e) {
                // Recorded where it happened. A person sent to the sign-in page signs in again, once, and goes on.
                if (signedIn != null && signedIn.sentToSignIn) {
                    signedIn = null;
                }
                think(Math.max(thinkMs, 200));
            } catch (Exception e) {
                failures.add(new Failure(System.currentTimeMillis(), System.currentTimeMillis(), "-", Kind.UNEXPECTED,
                        0, "client", String.valueOf(e)));
                errors.incrementAndGet();
                think(500);
            }
        }
    }

    static void think(int ms) {
        if (ms > 0) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    void signIn(Browser b, String email) throws Exception {
        String token = token(b.call("GET", "/sign-in", null, 200, null));
        String to = b.call("POST", "/sign-in", Map.of("email", email, "password", PASSWORD, "_csrf", token), 302, "/");
        if (to.contains("error")) {
            b.fail(Kind.UNEXPECTED, 302, "POST /sign-in", "sign-in refused for " + email + ": " + to);
        }
        signIns.incrementAndGet();
    }

    /** The public form, every page, as bench/ReferralBench.java walks it; records the reference shown. */
    void referral(Browser b) throws Exception {
        int n = serial.incrementAndGet();
        String district = DISTRICTS[n % DISTRICTS.length];
        List<Map<String, String>> answers = List.of(
                Map.of("referringFor", "SELF"),
                Map.of("firstName", FIRST[n % FIRST.length], "lastName", "Cluster" + letters(n)),
                Map.of("dobDay", String.valueOf(1 + n % 28), "dobMonth", String.valueOf(1 + n % 12), "dobYear",
                        String.valueOf(1965 + n % 35)),
                Map.of("phone", String.format(Locale.UK, "079%08d", n % 100_000_000), "postcode", district + " 1AA",
                        "contactPreference", "PHONE"),
                Map.of("gpPractice", "Townside Primary Care Centre"),
                Map.of("employmentStatus", "OFF_SICK", "employerName", "Bury Bakery Ltd", "hasFitNote", "yes",
                        "fitNoteDay", "1", "fitNoteMonth", "9", "fitNoteYear", "2026"),
                Map.of("conditions", "MENTAL_HEALTH", "waitingForTreatment", "NO"),
                Map.of("helpWanted", "Talk to my employer about a phased return"),
                Map.of("consentToContact", "yes"),
                Map.of("sex", "FEMALE"));
        b.call("GET", "/refer", null, 200, null);
        String path = "/refer/who";
        for (Map<String, String> page : answers) {
            String shown = b.call("GET", path, null, 200, null);
            Map<String, String> form = new LinkedHashMap<>(page);
            form.put("_csrf", token(b, shown, path));
            path = b.call("POST", path, form, 302, "/refer/");
        }
        if (!path.equals("/refer/check")) {
            b.fail(Kind.UNEXPECTED, 302, "POST (last question)", "went to " + path + ", not /refer/check");
        }
        String check = b.call("GET", "/refer/check", null, 200, null);
        Matcher key = SUBMISSION_KEY.matcher(check);
        if (!key.find()) {
            b.fail(Kind.UNEXPECTED, 200, "GET /refer/check", "no submission key");
        }
        b.call("POST", "/refer/submit", Map.of("_csrf", token(b, check, "/refer/check"), "submissionKey", key.group(1)),
                302, "/refer/confirmation");
        String confirmation = b.call("GET", "/refer/confirmation", null, 200, null);
        Matcher reference = REFERENCE.matcher(confirmation);
        if (!reference.find()) {
            b.fail(Kind.UNEXPECTED, 200, "GET /refer/confirmation", "no reference shown");
        }
        references.add(reference.group(1));
    }

    /** The triage queue, filtered to referrals no one has started; one of its first is opened and started. */
    void triage(Browser b) throws Exception {
        String queue = b.call("GET", "/triage?status=RECEIVED", null, 200, null);
        queueViews.incrementAndGet();
        List<String> ids = new ArrayList<>();
        Matcher link = REFERRAL_LINK.matcher(queue);
        while (link.find() && ids.size() < 10) {
            ids.add(link.group(1));
        }
        if (ids.isEmpty()) {
            return;
        }
        String id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
        String page = b.call("GET", "/referrals/" + id, null, 200, null);
        if (!page.contains("/referrals/" + id + "/start-triage")) {
            return; // started by someone else since the queue was read
        }
        b.call("POST", "/referrals/" + id + "/start-triage", Map.of("_csrf", token(b, page, "/referrals/" + id)), 302,
                "/referrals/" + id);
        b.call("GET", "/referrals/" + id, null, 200, null);
        triagesStarted.incrementAndGet();
    }

    String token(Browser b, String html, String path) throws JourneyFailed {
        Matcher input = CSRF_INPUT.matcher(html);
        if (!input.find()) {
            b.fail(Kind.UNEXPECTED, 200, "GET " + path, "no CSRF token on the page");
        }
        return input.group(1);
    }

    String token(String html) {
        Matcher input = CSRF_INPUT.matcher(html);
        return input.find() ? input.group(1) : "";
    }

    static String letters(int n) {
        StringBuilder s = new StringBuilder();
        do {
            s.append((char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return s.toString();
    }

    // ---------------------------------------------------------------- HTTP

    /** Shared by all browsers: connections to the load balancer are pooled; each browser keeps its own cookie. */
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    /** One person's browser: their session cookie; redirects are checked, not followed. */
    final class Browser {

        private final List<Sample> mine;
        private String cookie;
        private String lastNode = "-";
        boolean sentToSignIn;

        Browser(List<Sample> mine) {
            this.mine = mine;
        }

        /**
         * Sends a request and checks the answer: {@code expect} 200 returns the page; 302 returns where it points,
         * which must start with {@code prefix}. Anything else is recorded and ends the journey.
         */
        String call(String method, String path, Map<String, String> form, int expect, String prefix)
                throws JourneyFailed {
            think(pageThinkMs);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(60));
            if (cookie != null) {
                request.header("Cookie", cookie);
            }
            if (form != null) {
                StringBuilder body = new StringBuilder();
                for (Map.Entry<String, String> e : form.entrySet()) {
                    body.append(body.length() == 0 ? "" : "&").append(enc(e.getKey())).append('=')
                            .append(enc(e.getValue()));
                }
                request.header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
            }
            long start = System.currentTimeMillis();
            long t0 = System.nanoTime();
            HttpResponse<String> response;
            try {
                response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                record(start, t0, "-", Kind.CONNECTION, 0, method + " " + path, String.valueOf(e));
                throw new JourneyFailed();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new JourneyFailed();
            }
            String node = response.headers().firstValue("X-Node").orElse("direct");
            for (String set : response.headers().allValues("Set-Cookie")) {
                if (set.startsWith("WORKHEALTH_SESSION=")) {
                    cookie = set.substring(0, set.indexOf(';') < 0 ? set.length() : set.indexOf(';'));
                }
            }
            int status = response.statusCode();
            String location = location(response);
            lastNode = node;
            Kind kind;
            if (status == 302 && location.startsWith("/sign-in")) {
                // Sent to sign in (again): signed out, a session the node does not know, or a refused sign-in.
                kind = Kind.SENT_TO_SIGN_IN;
                sentToSignIn = true;
            } else if (status == expect && (expect != 302 || location.startsWith(prefix))) {
                kind = Kind.OK;
            } else if (status >= 500) {
                kind = Kind.SERVER_ERROR;
            } else if (status == 403) {
                kind = Kind.FORBIDDEN;
            } else {
                kind = Kind.UNEXPECTED;
            }
            record(start, t0, node, kind, status, method + " " + path, location.isEmpty() ? "" : "to " + location);
            if (kind != Kind.OK) {
                throw new JourneyFailed();
            }
            return expect == 302 ? location : response.body();
        }

        void record(long start, long t0, String node, Kind kind, int status, String what, String detail) {
            long micros = (System.nanoTime() - t0) / 1000;
            int n = node(node);
            mine.add(new Sample(start, (int) Math.min(Integer.MAX_VALUE, micros), n, kind));
            requests.incrementAndGet();
            perNode.incrementAndGet(n);
            if (kind != Kind.OK) {
                errors.incrementAndGet();
                failures.add(new Failure(start, start + micros / 1000, node, kind, status, what, detail));
            }
        }

        /** A failure found in a page that answered as expected (no token, no reference). */
        void fail(Kind kind, int status, String what, String detail) throws JourneyFailed {
            long now = System.currentTimeMillis();
            errors.incrementAndGet();
            failures.add(new Failure(now, now, lastNode, kind, status, what, detail));
            throw new JourneyFailed();
        }
    }

    static String location(HttpResponse<String> response) {
        String to = response.headers().firstValue("Location").orElse("");
        if (!to.startsWith("http")) {
            return to;
        }
        URI uri = URI.create(to);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- each node's own figures

    /** Reads one node's Prometheus figures as the national administrator, signing in again after a restart. */
    static final class NodeMetrics {

        private final String url;
        private String cookie;

        NodeMetrics(String url) {
            this.url = url;
        }

        Map<String, Double> read() throws Exception {
            HttpResponse<String> page = get("/actuator/prometheus");
            if (page.statusCode() != 200) {
                signIn();
                page = get("/actuator/prometheus");
            }
            if (page.statusCode() != 200) {
                throw new IOException("prometheus answered " + page.statusCode());
            }
            Map<String, Double> m = new HashMap<>(Map.of("heap", 0.0, "live", 0.0, "active", 0.0, "max", 0.0,
                    "pending", 0.0, "timeouts", 0.0));
            for (String line : page.body().split("\n")) {
                if (line.startsWith("#")) {
                    continue;
                }
                double v = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                    m.merge("heap", v, Double::sum);
                } else if (line.startsWith("jvm_gc_live_data_size_bytes")) {
                    m.put("live", v);
                } else if (line.startsWith("hikaricp_connections_active{")) {
                    m.merge("active", v, Double::sum);
                } else if (line.startsWith("hikaricp_connections_max{")) {
                    m.merge("max", v, Double::sum);
                } else if (line.startsWith("hikaricp_connections_pending{")) {
                    m.merge("pending", v, Double::sum);
                } else if (line.startsWith("hikaricp_connections_timeout_total{")) {
                    m.merge("timeouts", v, Double::sum);
                }
            }
            return m;
        }

        private void signIn() throws Exception {
            cookie = null;
            HttpResponse<String> form = get("/sign-in");
            Matcher token = CSRF_INPUT.matcher(form.body());
            if (!token.find()) {
                throw new IOException("no CSRF token on " + url + "/sign-in");
            }
            HttpResponse<String> signedIn = send(HttpRequest.newBuilder(URI.create(url + "/sign-in"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("email=" + enc("admin@workhealth.example")
                            + "&password=" + enc(PASSWORD) + "&_csrf=" + enc(token.group(1)))));
            if (signedIn.statusCode() != 302 || location(signedIn).contains("error")) {
                throw new IOException("could not sign in to " + url);
            }
        }

        private HttpResponse<String> get(String path) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(url + path)).GET());
        }

        private HttpResponse<String> send(HttpRequest.Builder builder) throws Exception {
            if (cookie != null) {
                builder.header("Cookie", cookie);
            }
            HttpResponse<String> response = HTTP.send(builder.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (String set : response.headers().allValues("Set-Cookie")) {
                if (set.startsWith("WORKHEALTH_SESSION=")) {
                    cookie = set.substring(0, set.indexOf(';') < 0 ? set.length() : set.indexOf(';'));
                }
            }
            return response;
        }
    }

    /** Every 2 s, each node's pool: the most connections in use, the most requests waiting, any timeouts. */
    static final class Sampler extends Thread {

        final Map<String, NodeMetrics> nodes = new LinkedHashMap<>();
        final Map<String, double[]> worst = new ConcurrentHashMap<>(); // active, max, pending, timeouts, samples
        /** Per node, each sample that found requests waiting for a connection: "seconds-into-the-run:waiting". */
        final Map<String, List<String>> waits = new ConcurrentHashMap<>();
        final long started = System.currentTimeMillis();

        Sampler(Map<String, String> urls) {
            super("pool-sampler");
            setDaemon(true);
            urls.forEach((name, url) -> {
                nodes.put(name, new NodeMetrics(url));
                worst.put(name, new double[5]);
                waits.put(name, Collections.synchronizedList(new ArrayList<>()));
            });
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                nodes.forEach((name, metrics) -> {
                    try {
                        Map<String, Double> m = metrics.read();
                        double[] w = worst.get(name);
                        w[0] = Math.max(w[0], m.get("active"));
                        w[1] = Math.max(w[1], m.get("max"));
                        w[2] = Math.max(w[2], m.get("pending"));
                        w[3] = Math.max(w[3], m.get("timeouts"));
                        w[4]++;
                        if (m.get("pending") > 0) {
                            waits.get(name).add(String.format(Locale.UK, "%d:%.0f",
                                    (System.currentTimeMillis() - started) / 1000, m.get("pending")));
                        }
                    } catch (Exception e) {
                        // A node that is down or restarting: read it again next time.
                    }
                });
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    // ---------------------------------------------------------------- figures

    record Event(long ms, String what, String node) {
    }

    void report(long t0, long t1, Sampler sampler) throws Exception {
        List<Sample> all = new ArrayList<>();
        synchronized (samples) {
            samples.forEach(all::addAll);
        }
        double elapsed = (t1 - t0) / 1000.0;
        List<Event> marks = new ArrayList<>();
        if (events != null && Files.exists(events)) {
            for (String line : Files.readAllLines(events)) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 3) {
                    marks.add(new Event(Long.parseLong(f[0]), f[1], f[2]));
                }
            }
        }

        // Per node and in total, from the client's own timings.
        System.out.printf(Locale.UK, "%n%-8s %9s %8s %7s %9s %9s %9s%n", "node", "requests", "req/s", "errors",
                "p50 ms", "p95 ms", "p99 ms");
        for (int i = 0; i <= nodeNames.size(); i++) {
            int n = i;
            List<Sample> these = i == nodeNames.size() ? all
                    : all.stream().filter(s -> s.node() == n).toList();
            if (these.isEmpty()) {
                continue;
            }
            String name = i == nodeNames.size() ? "total" : nodeNames.get(i);
            long errs = these.stream().filter(s -> s.kind() != Kind.OK).count();
            double[] ms = these.stream().mapToDouble(s -> s.micros() / 1000.0).sorted().toArray();
            System.out.printf(Locale.UK, "%-8s %9d %8.1f %7d %9.1f %9.1f %9.1f%n", name, these.size(),
                    these.size() / elapsed, errs, percentile(ms, 50), percentile(ms, 95), percentile(ms, 99));
            System.out.printf(Locale.UK, "NODE phase=%s node=%s requests=%d req_s=%.1f errors=%d p50_ms=%.1f "
                    + "p95_ms=%.1f p99_ms=%.1f%n", phase, name, these.size(), these.size() / elapsed, errs,
                    percentile(ms, 50), percentile(ms, 95), percentile(ms, 99));
        }

        // Failures: which were in flight on a node as it was killed or stopped.
        List<Failure> fails = new ArrayList<>(failures);
        fails.sort((a, b) -> Long.compare(a.startMs(), b.startMs()));
        int inFlight = 0;
        Map<Kind, Integer> byKind = new TreeMap<>();
        StringBuilder errorLines = new StringBuilder();
        for (Failure f : fails) {
            boolean flight = inFlight(f, marks);
            inFlight += flight ? 1 : 0;
            if (!flight) {
                byKind.merge(f.kind(), 1, Integer::sum);
            }
            errorLines.append(String.format(Locale.UK, "%d %d %+.3f %s %s %d %s %s%s%n", f.startMs(), f.endMs(),
                    (f.startMs() - t0) / 1000.0, f.node(), f.kind(), f.status(), f.request(), f.detail(),
                    flight ? " IN_FLIGHT" : ""));
        }
        Files.writeString(out.resolve(phase + ".errors"), errorLines);
        Files.write(out.resolve(phase + ".refs"), references);
        for (Event e : marks) {
            if (e.what().equals("gone")) {
                System.out.printf(Locale.UK, "%s %s at t=%.1f s%n", e.node(), e.what(), (e.ms() - t0) / 1000.0);
                continue;
            }
            System.out.printf(Locale.UK, "%s %s at t=%.1f s; failures around it (s from it: count kinds):%n", e.what(),
                    e.node(), (e.ms() - t0) / 1000.0);
            Map<Long, List<Failure>> near = new TreeMap<>();
            for (Failure f : fails) {
                long d = Math.floorDiv(f.startMs() - e.ms(), 1000);
                if (d >= -5 && d <= 30) {
                    near.computeIfAbsent(d, k -> new ArrayList<>()).add(f);
                }
            }
            if (near.isEmpty()) {
                System.out.println("    none from 5 s before to 30 s after");
            }
            near.forEach((d, fs) -> {
                Map<String, Integer> kinds = new TreeMap<>();
                fs.forEach(f -> kinds.merge(f.node() + " " + (f.status() == 0 ? f.kind().name() : f.status() + "")
                        + (inFlight(f, marks) ? " in flight" : ""), 1, Integer::sum));
                System.out.printf(Locale.UK, "    %+3d s: %d  %s%n", d, fs.size(), kinds);
            });
        }
        System.out.printf(Locale.UK, "JOURNEYS phase=%s referrals_shown=%d triages_started=%d queue_views=%d "
                + "practitioner_homes=%d sign_ins=%d%n", phase, references.size(), triagesStarted.get(),
                queueViews.get(), homes.get(), signIns.get());
        StringBuilder kinds = new StringBuilder();
        for (Kind k : Kind.values()) {
            if (k != Kind.OK) {
                kinds.append(' ').append(k.name().toLowerCase(Locale.UK)).append('=').append(byKind.getOrDefault(k, 0));
            }
        }
        System.out.printf(Locale.UK, "ERRORS phase=%s total=%d in_flight=%d beyond_in_flight=%d%s%n", phase,
                fails.size(), inFlight, fails.size() - inFlight, kinds);

        // Per second, for the record; per window, for whether p99 holds steady.
        Map<Long, long[]> perSecond = new TreeMap<>();
        for (Sample s : all) {
            long[] c = perSecond.computeIfAbsent((s.startMs() - t0) / 1000, k -> new long[16]);
            c[0]++;
            c[1] += s.kind() == Kind.OK ? 0 : 1;
            c[Math.min(15, 2 + s.node())]++;
        }
        StringBuilder secondsFile = new StringBuilder("second requests errors");
        for (int i = 0; i < nodeNames.size(); i++) {
            secondsFile.append(' ').append(nodeNames.get(i));
        }
        secondsFile.append('\n');
        perSecond.forEach((sec, c) -> {
            secondsFile.append(sec).append(' ').append(c[0]).append(' ').append(c[1]);
            for (int i = 0; i < nodeNames.size(); i++) {
                secondsFile.append(' ').append(c[2 + i]);
            }
            secondsFile.append('\n');
        });
        Files.writeString(out.resolve(phase + ".seconds"), secondsFile);

        int windows = (int) Math.max(1, Math.round(elapsed / window));
        if (windows > 1) {
            double width = elapsed / windows;
            System.out.printf(Locale.UK, "p99 by window of %.0f s:%n  %6s %9s %7s %8s %8s %8s%n", width, "from s",
                    "requests", "errors", "p50 ms", "p95 ms", "p99 ms");
            // Steady means the last sixth of the run against the first sixth (at least a window each): single
            // minutes vary too much to compare one with another.
            int k = Math.max(1, windows / 6);
            long firstTo = t0 + Math.round(k * width * 1000);
            long lastFrom = t0 + Math.round((windows - k) * width * 1000);
            double first = percentile(all.stream().filter(s -> s.startMs() < firstTo)
                    .mapToDouble(s -> s.micros() / 1000.0).sorted().toArray(), 99);
            double last = percentile(all.stream().filter(s -> s.startMs() >= lastFrom)
                    .mapToDouble(s -> s.micros() / 1000.0).sorted().toArray(), 99);
            for (int w = 0; w < windows; w++) {
                long from = t0 + Math.round(w * width * 1000);
                long to = t0 + Math.round((w + 1) * width * 1000);
                List<Sample> in = all.stream().filter(s -> s.startMs() >= from && s.startMs() < to).toList();
                double[] ms = in.stream().mapToDouble(s -> s.micros() / 1000.0).sorted().toArray();
                long errs = in.stream().filter(s -> s.kind() != Kind.OK).count();
                System.out.printf(Locale.UK, "  %6.0f %9d %7d %8.1f %8.1f %8.1f%n", w * width, in.size(), errs,
                        percentile(ms, 50), percentile(ms, 95), percentile(ms, 99));
            }
            System.out.printf(Locale.UK, "P99 phase=%s windows=%d compared=%d first_ms=%.1f last_ms=%.1f ratio=%.2f%n",
                    phase, windows, k, first, last, first == 0 ? 0 : last / first);
        }
        if (sampler != null) {
            sampler.worst.forEach((name, w) -> System.out.printf(Locale.UK, "POOL phase=%s node=%s samples=%.0f "
                    + "max_active=%.0f pool_size=%.0f max_pending=%.0f timeouts=%.0f waits_at_s=%s%n", phase, name,
                    w[4], w[0], w[1], w[2], w[3], sampler.waits.get(name).isEmpty() ? "-"
                            : String.join(",", sampler.waits.get(name))));
        }
    }

    /**
     * Whether a failure was a request in flight on a node that was killed or stopped. For a kill: between the signal
     * and the moment its process was gone ("gone", when the script's wait for it returned) the node's
     * sockets still take connections, and a JVM takes a few hundred milliseconds to die. A 5xx from that node on a
     * request sent before it was gone and answered after the signal counts; so does a connection closed without any
     * answer (no node known: HAProxy closes a kept-alive client connection rather than answer 502 when a node drops
     * a request) sent before the node was gone and dropped after the signal, within 2 s of the node being gone.
     */
    static boolean inFlight(Failure f, List<Event> marks) {
        for (Event e : marks) {
            if (!e.what().equals("kill") && !e.what().equals("stop")) {
                continue;
            }
            long gone = marks.stream().filter(g -> g.what().equals("gone") && g.node().equals(e.node())
                    && g.ms() >= e.ms()).mapToLong(Event::ms).min().orElse(e.ms() + 1000);
            // A stopping node shuts down gracefully: only what it had before the SIGTERM was in flight; a request
            // that reached it after is one the load balancer should not have sent.
            long sentBy = e.what().equals("stop") ? e.ms() : gone;
            boolean during = f.startMs() <= sentBy && f.endMs() >= e.ms();
            if (f.kind() == Kind.SERVER_ERROR && e.node().equals(f.node()) && during) {
                return true;
            }
            if (f.kind() == Kind.CONNECTION && f.node().equals("-") && during && f.endMs() <= gone + 2000) {
                return true;
            }
        }
        return false;
    }

    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
