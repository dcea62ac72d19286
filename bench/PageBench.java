import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The timing side of bench/casework.sh and bench/dashboard.sh: times one page of the running
 * service, signed in as one person, or one SQL query over JDBC, the same way (warm-ups first, then
 * RUNS requests one after another, wall-clock on 127.0.0.1). Run with the JDK's single-file launcher:
 *
 * <ul>
 * <li>{@code java bench/PageBench.java page BASE EMAIL WARMUPS RUNS PATH [TEXT]}: signs in as EMAIL
 * (demo password) and times GET PATH, which must answer 200 (and contain TEXT when given). Prints the
 * median, p95 and p99 of the client's times, and the service's own mean for the same requests from
 * its Prometheus metrics (read as the national administrator), which leaves out the loopback and
 * the client. With PAGE_OUT set, the last page is written to that file.</li>
 * <li>{@code java -cp postgresql.jar bench/PageBench.java sql JDBC_URL USER WARMUPS RUNS FILE}: runs
 * the query in FILE RUNS times on one connection and prints the same figures, then the result (also written to
 * the file SQL_OUT when set, as tab-separated lines).</li>
 * <li>{@code java bench/PageBench.java compare PAGE_HTML SQL_TSV}: checks that the KPI table of a dashboard page
 * gives, for every KPI and quarter, the count of the hand-written query's rows (type, quarter, n; see
 * bench/dashboard.sql); prints each figure and MATCH or MISMATCH, and exits 1 on any difference.</li>
 * </ul>
 */
public class PageBench {

    static final String PASSWORD = "demo-password-2026";
    static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "page" -> page(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]), args[5],
                    args.length > 6 ? args[6] : null);
            case "sql" -> sql(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]), Path.of(args[5]));
            case "compare" -> compare(Path.of(args[1]), Path.of(args[2]));
            default -> throw new IllegalArgumentException("Unknown mode " + args[0]);
        }
    }

    static void page(String base, String email, int warmups, int runs, String path, String mustContain)
            throws Exception {
        Session user = new Session(base);
        user.signIn(email);
        String body = "";
        for (int i = 0; i < warmups; i++) {
            body = check(user.get(path), path, mustContain);
        }
        Session admin = new Session(base);
        admin.signIn("admin@workhealth.example");
        // The service's metrics name a page by its mapping: URI_TAG when it is not the path with ids as {id}.
        String uri = System.getenv("URI_TAG") != null ? System.getenv("URI_TAG")
                : path.replaceAll("/[0-9]+(?=/|$)", "/{id}");
        double[] before = serverSeconds(admin, uri);
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> page = user.get(path);
            ms[i] = (System.nanoTime() - t0) / 1e6;
            body = check(page, path, mustContain);
        }
        double[] after = serverSeconds(admin, uri);
        double serverMeanMs = after[0] > before[0] ? (after[1] - before[1]) / (after[0] - before[0]) * 1000 : -1;
        if (System.getenv("PAGE_OUT") != null) {
            Files.writeString(Path.of(System.getenv("PAGE_OUT")), body);
        }
        Arrays.sort(ms);
        System.out.printf(Locale.UK, "PAGE path=%s runs=%d median_ms=%.1f p95_ms=%.1f p99_ms=%.1f min_ms=%.1f "
                + "max_ms=%.1f server_mean_ms=%.1f page_kb=%.0f%n", path, runs, percentile(ms, 50),
                percentile(ms, 95), percentile(ms, 99), ms[0], ms[runs - 1], serverMeanMs, body.length() / 1024.0);
    }

    static String check(HttpResponse<String> page, String path, String mustContain) {
        if (page.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + page.statusCode());
        }
        if (mustContain != null && !page.body().contains(mustContain)) {
            throw new IllegalStateException("GET " + path + " does not show " + mustContain);
        }
        return page.body();
    }

    static void sql(String url, String user, int warmups, int runs, Path file) throws Exception {
        String query = Files.readString(file);
        try (Connection connection = DriverManager.getConnection(url, user, System.getenv("PGPASSWORD"));
                Statement statement = connection.createStatement()) {
            StringBuilder result = new StringBuilder();
            for (int i = 0; i < warmups; i++) {
                result = read(statement, query);
            }
            double[] ms = new double[runs];
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                result = read(statement, query);
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(ms);
            System.out.printf(Locale.UK, "SQL file=%s runs=%d median_ms=%.1f p95_ms=%.1f p99_ms=%.1f min_ms=%.1f "
                    + "max_ms=%.1f%n", file.getFileName(), runs, percentile(ms, 50), percentile(ms, 95),
                    percentile(ms, 99), ms[0], ms[runs - 1]);
            System.out.print(result);
            if (System.getenv("SQL_OUT") != null) {
                Files.writeString(Path.of(System.getenv("SQL_OUT")), result);
            }
        }
    }

    /** The dashboard's KPI codes and the milestone types bench/dashboard.sql counts for them. */
    static final String[][] KPIS = {{"REFERRALS", "REFERRAL_RECEIVED"}, {"ENGAGED", "ENGAGEMENT"},
            {"ACTION_PLANS", "ACTION_PLAN_AGREED"}, {"JOB_OUTCOMES", "JOB_START"}};

    static void compare(Path page, Path sqlResult) throws Exception {
        String html = Files.readString(page);
        java.util.Map<String, Long> byHand = new java.util.HashMap<>();
        for (String line : Files.readAllLines(sqlResult)) {
            String[] cells = line.split("\t");
            if (cells.length == 3 && cells[2].matches("[0-9]+")) {
                byHand.put(cells[0] + " " + cells[1], Long.parseLong(cells[2]));
            }
        }
        Pattern actual = Pattern.compile("data-column=\"q([1-4])-actual\">\\s*<span>([^<]*)</span>");
        int matched = 0;
        int differ = 0;
        for (String[] kpi : KPIS) {
            int at = html.indexOf("data-kpi=\"" + kpi[0] + "\"");
            if (at < 0) {
                throw new IllegalStateException("The page has no row for " + kpi[0]);
            }
            String row = html.substring(at, html.indexOf("</tr>", at));
            Matcher cell = actual.matcher(row);
            StringBuilder line = new StringBuilder(String.format(Locale.UK, "   %-13s", kpi[0]));
            while (cell.find()) {
                String text = cell.group(2).strip().replace(",", "").replace("+", "");
                long shown = text.matches("[0-9]+") ? Long.parseLong(text) : 0;
                long hand = byHand.getOrDefault(kpi[1] + " " + cell.group(1), 0L);
                boolean same = shown == hand;
                matched += same ? 1 : 0;
                differ += same ? 0 : 1;
                line.append(String.format(Locale.UK, "  Q%s %,d%s", cell.group(1), shown,
                        same ? "" : " (by hand " + String.format(Locale.UK, "%,d", hand) + ")"));
            }
            System.out.println(line);
        }
        if (differ > 0 || matched != 16) {
            System.out.printf("MISMATCH: %d of the page's %d figures differ from the hand-written query%n", differ,
                    matched + differ);
            System.exit(1);
        }
        System.out.println("MATCH: the page and the hand-written query give the same count for every KPI and quarter"
                + " (16 figures)");
    }

    /** Runs the query and reads every row, as the service would, returning the rows as text. */
    static StringBuilder read(Statement statement, String query) throws Exception {
        StringBuilder out = new StringBuilder();
        try (ResultSet rows = statement.executeQuery(query)) {
            ResultSetMetaData meta = rows.getMetaData();
            for (int c = 1; c <= meta.getColumnCount(); c++) {
                out.append(c == 1 ? "" : "\t").append(meta.getColumnLabel(c));
            }
            out.append('\n');
            while (rows.next()) {
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    out.append(c == 1 ? "" : "\t").append(rows.getString(c));
                }
                out.append('\n');
            }
        }
        return out;
    }

    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** The service's count and sum of GET uri times that answered 200, from its Prometheus metrics. */
    static double[] serverSeconds(Session admin, String uri) throws Exception {
        double count = 0;
        double sum = 0;
        for (String line : admin.get("/actuator/prometheus").body().split("\n")) {
            if (line.startsWith("http_server_requests_seconds_") && line.contains("uri=\"" + uri + "\"")
                    && line.contains("method=\"GET\"") && line.contains("status=\"200\"")) {
                double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                if (line.startsWith("http_server_requests_seconds_count")) {
                    count += value;
                } else if (line.startsWith("http_server_requests_seconds_sum")) {
                    sum += value;
                }
            }
        }
        return new double[] {count, sum};
    }

    /** One signed-in browser: a session cookie, redirects not followed. */
    static final class Session {

        private final String base;
        private String cookie;

        Session(String base) {
            this.base = base;
        }

        void signIn(String email) throws Exception {
            Matcher token = CSRF_INPUT.matcher(get("/sign-in").body());
            if (!token.find()) {
                throw new IllegalStateException("No CSRF token on the sign-in page");
            }
            String form = "email=" + enc(email) + "&password=" + enc(PASSWORD) + "&_csrf=" + enc(token.group(1));
            HttpResponse<String> signedIn = send(request("/sign-in")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
            String to = signedIn.headers().firstValue("Location").orElse("");
            if (signedIn.statusCode() != 302 || to.contains("error")) {
                throw new IllegalStateException("Could not sign in as " + email + ": " + signedIn.statusCode() + " " + to);
            }
        }

        HttpResponse<String> get(String path) throws Exception {
            return send(request(path).GET());
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(600));
            if (cookie != null) {
                builder.header("Cookie", cookie);
            }
            return builder;
        }

        private HttpResponse<String> send(HttpRequest.Builder builder) throws Exception {
            HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            for (String set : response.headers().allValues("Set-Cookie")) {
                if (set.startsWith("WORKHEALTH_SESSION=")) {
                    cookie = set.substring(0, set.indexOf(';') < 0 ? set.length() : set.indexOf(';'));
                }
            }
            return response;
        }
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
