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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP side of bench/referrals.sh: a client of the running service on 127.0.0.1 that uses
 * only the public pages and the signed-in pages, as a browser would. Run with the JDK's
 * single-file launcher (no dependencies): {@code java bench/ReferralBench.java <mode> ...}.
 *
 * <ul>
 * <li>{@code csv FILE ROWS}: writes a bulk referral file of ROWS distinct valid rows.</li>
 * <li>{@code import BASE FILE}: signs in as the Bury provider manager and uploads the file in parts
 * under the 5 MB upload limit, timing the check (upload and report) and the import of each part.</li>
 * <li>{@code triage BASE WARMUPS RUNS}: signs in as the Bury practitioner and times the first page
 * of the triage queue.</li>
 * <li>{@code submit BASE CLIENTS EACH REFS_FILE}: CLIENTS concurrent clients each fill in the public
 * form EACH times (one session per referral), then send them; the references they are given are
 * written to REFS_FILE for the script to look up in the database.</li>
 * </ul>
 */
public class ReferralBench {

    static final String PASSWORD = "demo-password-2026";
    static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    static final Pattern CSRF_QUERY = Pattern.compile("_csrf=([^\"&]+)");
    static final Pattern SUBMISSION_KEY = Pattern.compile("name=\"submissionKey\" value=\"([^\"]+)\"");
    static final Pattern REFERENCE = Pattern.compile("app-reference\">([A-Z0-9-]+)<");

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "csv" -> csv(Path.of(args[1]), Integer.parseInt(args[2]));
            case "import" -> importFile(args[1], Path.of(args[2]));
            case "triage" -> triage(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "submit" -> submit(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Path.of(args[4]));
            default -> throw new IllegalArgumentException("Unknown mode " + args[0]);
        }
    }

    // ---------------------------------------------------------------- the bulk file

    static final String[] FIRST = {"Ada", "Ben", "Chloe", "Dev", "Ella", "Femi", "Grace", "Harry", "Isla", "Jack",
            "Kiran", "Leah", "Mo", "Nia", "Owen", "Priya", "Quinn", "Rosa", "Sam", "Tariq", "Uma", "Vic", "Will",
            "Yusuf", "Zara", "Aisha", "Callum", "Dana", "Erin", "Farah"};
    static final String[] LAST = {"Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies",
            "Patel", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Khan",
            "O'Neill", "Lewis", "Harris", "Clarke", "Jackson", "Wood", "Turner", "Martin", "Cooper", "Hill", "Ward",
            "Morris", "Moore", "Ahmed", "Hussain", "Ali", "Kaur", "Singh", "Begum", "Nowak", "Murphy"};
    /** Postcode districts of the demo areas: Bury, Oldham, Coventry, Black Country and Birmingham. */
    static final String[][] DISTRICTS = {{"BL9", "Bury"}, {"BL8", "Bury"}, {"M26", "Radcliffe"}, {"OL1", "Oldham"},
            {"OL9", "Chadderton"}, {"CV1", "Coventry"}, {"CV3", "Coventry"}, {"WV1", "Wolverhampton"},
            {"WV10", "Wolverhampton"}, {"B1", "Birmingham"}, {"B15", "Birmingham"}};
    static final String INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";
    static final String HEADER = "first_name,last_name,date_of_birth,nhs_number,phone,email,address_line_1,"
            + "address_line_2,town,postcode,contact_preference,best_times,gp_practice,gp_practice_code,"
            + "employment_status,unemployed_since,employer_name,has_fit_note,fit_note_since,mental_health,"
            + "musculoskeletal,other_condition,condition_details,waiting_for_treatment,help_wanted,consent_to_contact,"
            + "consent_to_contact_employer";

    static void csv(Path file, int rows) throws IOException {
        StringBuilder out = new StringBuilder(rows * 260).append(HEADER).append("\r\n");
        LocalDate oldest = LocalDate.of(1962, 1, 1);
        for (int i = 0; i < rows; i++) {
            String first = FIRST[i % FIRST.length];
            String last = LAST[(i / FIRST.length) % LAST.length];
            LocalDate dob = oldest.plusDays((i * 7919L) % 15_000); // born 1962-2003: aged 22 to 64
            String[] district = DISTRICTS[i % DISTRICTS.length];
            String postcode = district[0] + " " + (i % 10) + INWARD_LETTERS.charAt((i / 10) % 20)
                    + INWARD_LETTERS.charAt((i / 200) % 20);
            String phone = String.format(Locale.UK, "077%08d", i);
            boolean offSick = i % 3 != 0;
            LocalDate fitNote = LocalDate.of(2026, 1, 1).plusDays(i % 300);
            List<String> v = List.of(first, last, dob.toString(), "", phone,
                    first.toLowerCase(Locale.UK) + "." + i + "@example.com", (1 + i % 200) + " High Street", "",
                    district[1], postcode, i % 2 == 0 ? "phone" : "email", i % 4 == 0 ? "Weekday mornings" : "",
                    "", "", offSick ? "off_sick" : "employed", "", "Employer " + (i % 500) + " Ltd",
                    offSick ? "yes" : "no", offSick ? fitNote.toString() : "", i % 2 == 0 ? "yes" : "no",
                    i % 2 == 1 ? "yes" : "no", i % 5 == 0 ? "yes" : "no",
                    i % 7 == 0 ? "Back pain since a fall, made worse by lifting" : "", i % 3 == 0 ? "yes" : "no",
                    "Help to stay in work", "yes", i % 4 == 0 ? "yes" : "no");
            out.append(String.join(",", v.stream().map(ReferralBench::csvValue).toList())).append("\r\n");
        }
        Files.writeString(file, out, StandardCharsets.UTF_8);
        System.out.printf(Locale.UK, "wrote %,d rows, %.1f MB, to %s%n", rows, Files.size(file) / 1e6, file);
    }

    static String csvValue(String value) {
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    // ---------------------------------------------------------------- import

    /** Bytes per part: under the service's 5 MB (5 x 1024 x 1024 bytes) file limit, with room to spare. */
    static final int PART_BYTES = 5_000_000;

    static void importFile(String base, Path file) throws Exception {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String header = lines.get(0);
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder(header).append("\r\n");
        int rowsInPart = 0;
        for (String line : lines.subList(1, lines.size())) {
            if (part.length() + line.length() + 2 > PART_BYTES) {
                parts.add(part.toString());
                part = new StringBuilder(header).append("\r\n");
                rowsInPart = 0;
            }
            part.append(line).append("\r\n");
            rowsInPart++;
        }
        if (rowsInPart > 0) {
            parts.add(part.toString());
        }
        Browser manager = new Browser(base);
        manager.signIn("manager@bury.workhealth.example");
        int rows = lines.size() - 1;
        System.out.printf(Locale.UK, "file of %,d rows (%.1f MB) sent as %d parts of at most %.1f MB (the upload limit is 5 MB)%n",
                rows, Files.size(file) / 1e6, parts.size(), PART_BYTES / 1e6);
        long checkNanos = 0;
        long importNanos = 0;
        int imported = 0;
        for (int p = 0; p < parts.size(); p++) {
            String token = manager.token("/referrals/upload");
            byte[] body = parts.get(p).getBytes(StandardCharsets.UTF_8);
            int partRows = (int) parts.get(p).chars().filter(c -> c == '\n').count() - 1;

            long t0 = System.nanoTime();
            HttpResponse<String> uploaded = manager.multipart("/referrals/upload?_csrf=" + enc(token), "file",
                    "referrals-part-" + (p + 1) + ".csv", body);
            String location = manager.expectRedirect(uploaded, "/referrals/upload/");
            String report = manager.get(location).body();
            long t1 = System.nanoTime();
            if (!report.contains("Rows with errors")) {
                throw new IllegalStateException("No upload report at " + location);
            }
            Matcher errors = Pattern.compile("Rows with errors</dt>\\s*<dd[^>]*>\\s*([0-9,]+)").matcher(report);
            if (errors.find() && !errors.group(1).equals("0")) {
                throw new IllegalStateException("Part " + (p + 1) + " has rows with errors: " + errors.group(1));
            }

            long t2 = System.nanoTime();
            HttpResponse<String> done = manager.post(location + "/import", Map.of("_csrf", token(report)));
            manager.expectRedirect(done, location);
            long t3 = System.nanoTime();
            String after = manager.get(location).body();
            Matcher notice = Pattern.compile("([0-9,]+) referrals? imported").matcher(after);
            int n = notice.find() ? Integer.parseInt(notice.group(1).replace(",", "")) : -1;
            imported += Math.max(0, n);
            checkNanos += t1 - t0;
            importNanos += t3 - t2;
            System.out.printf(Locale.UK, "  part %d: %,d rows (%.1f MB): check %.2f s, import %.2f s, %,d imported%n",
                    p + 1, partRows, body.length / 1e6, (t1 - t0) / 1e9, (t3 - t2) / 1e9, n);
        }
        System.out.printf(Locale.UK, "IMPORT rows=%d imported=%d check_s=%.2f import_s=%.2f import_rows_per_s=%.0f "
                + "end_to_end_rows_per_s=%.0f%n", rows, imported, checkNanos / 1e9, importNanos / 1e9,
                imported / (importNanos / 1e9), imported / ((checkNanos + importNanos) / 1e9));
    }

    // ---------------------------------------------------------------- triage queue

    static void triage(String base, int warmups, int runs) throws Exception {
        Browser coach = new Browser(base);
        coach.signIn("coach@bury.workhealth.example");
        String first = null;
        for (int i = 0; i < warmups; i++) {
            first = coach.get("/triage").body();
        }
        Matcher total = Pattern.compile("([0-9][0-9,]*) (open )?referrals?").matcher(first == null ? "" : first);
        Browser admin = new Browser(base);
        admin.signIn("admin@workhealth.example");
        double[] before = serverTriageSeconds(admin);
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> page = coach.get("/triage");
            ms[i] = (System.nanoTime() - t0) / 1e6;
            if (page.statusCode() != 200) {
                throw new IllegalStateException("GET /triage answered " + page.statusCode());
            }
        }
        double[] after = serverTriageSeconds(admin);
        double serverMeanMs = after[0] > before[0] ? (after[1] - before[1]) / (after[0] - before[0]) * 1000 : -1;
        Arrays.sort(ms);
        System.out.printf(Locale.UK, "TRIAGE runs=%d median_ms=%.1f p95_ms=%.1f min_ms=%.1f max_ms=%.1f "
                + "server_mean_ms=%.1f page_kb=%.0f%s%n", runs, percentile(ms, 50), percentile(ms, 95), ms[0],
                ms[runs - 1], serverMeanMs,
                first == null ? 0 : first.length() / 1024.0, total.find() ? " page_says=\"" + total.group() + "\"" : "");
    }

    // ---------------------------------------------------------------- public submissions

    /** One person's filled-in form, waiting on the check answers page. */
    record Draft(Browser browser, String token, String submissionKey) {
    }

    static void submit(String base, int clients, int each, Path refsFile) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        // Phase 1: every client fills in the form EACH times, one session (cookie) per referral.
        List<Double> pageMs = Collections.synchronizedList(new ArrayList<>());
        List<Future<List<Draft>>> filling = new ArrayList<>();
        AtomicInteger serial = new AtomicInteger();
        long f0 = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            filling.add(pool.submit(() -> {
                List<Draft> drafts = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                    drafts.add(fillIn(new Browser(base), serial.incrementAndGet(), pageMs));
                }
                return drafts;
            }));
        }
        List<List<Draft>> drafts = new ArrayList<>();
        for (Future<List<Draft>> f : filling) {
            drafts.add(f.get());
        }
        long f1 = System.nanoTime();
        int journeys = clients * each;
        double[] pages = pageMs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.UK, "FORM journeys=%d requests=%d seconds=%.2f journeys_per_s=%.1f requests_per_s=%.0f "
                + "request_p50_ms=%.1f request_p99_ms=%.1f%n", journeys, pages.length, (f1 - f0) / 1e9,
                journeys / ((f1 - f0) / 1e9), pages.length / ((f1 - f0) / 1e9), percentile(pages, 50),
                percentile(pages, 99));

        // Phase 2: every client sends its filled-in forms one after another, all clients at once.
        List<Double> submitMs = Collections.synchronizedList(new ArrayList<>());
        List<String> references = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failures = new AtomicInteger();
        List<Future<?>> sending = new ArrayList<>();
        long s0 = System.nanoTime();
        for (List<Draft> mine : drafts) {
            sending.add(pool.submit(() -> {
                for (Draft d : mine) {
                    try {
                        long t0 = System.nanoTime();
                        HttpResponse<String> sent = d.browser().post("/refer/submit",
                                Map.of("_csrf", d.token(), "submissionKey", d.submissionKey()));
                        submitMs.add((System.nanoTime() - t0) / 1e6);
                        if (sent.statusCode() != 302 || !location(sent).endsWith("/refer/confirmation")) {
                            failures.incrementAndGet();
                            continue;
                        }
                        Matcher reference = REFERENCE.matcher(d.browser().get("/refer/confirmation").body());
                        if (reference.find()) {
                            references.add(reference.group(1));
                        } else {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : sending) {
            f.get();
        }
        long s1 = System.nanoTime();
        pool.shutdown();
        double[] submits = submitMs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        Files.write(refsFile, references);
        System.out.printf(Locale.UK, "SUBMIT clients=%d sent=%d acknowledged=%d failed=%d seconds=%.2f "
                + "submissions_per_s=%.1f p50_ms=%.1f p99_ms=%.1f max_ms=%.1f%n", clients, submits.length,
                references.size(), failures.get(), (s1 - s0) / 1e9, references.size() / ((s1 - s0) / 1e9),
                percentile(submits, 50), percentile(submits, 99), submits.length == 0 ? 0 : submits[submits.length - 1]);
    }

    /** Walks the public form as a browser does: each answer is posted and the next page fetched. */
    static Draft fillIn(Browser b, int n, List<Double> pageMs) throws Exception {
        String lastName = "Bench" + letters(n);
        String district = DISTRICTS[n % DISTRICTS.length][0];
        List<Map<String, String>> answers = List.of(
                Map.of("referringFor", "SELF"),
                Map.of("firstName", FIRST[n % FIRST.length], "lastName", lastName),
                Map.of("dobDay", String.valueOf(1 + n % 28), "dobMonth", String.valueOf(1 + n % 12), "dobYear",
                        String.valueOf(1965 + n % 35)),
                Map.of("phone", String.format(Locale.UK, "078%08d", n), "postcode", district + " 1AA",
                        "contactPreference", "PHONE"),
                Map.of("gpPractice", "Townside Primary Care Centre"),
                Map.of("employmentStatus", "OFF_SICK", "employerName", "Bury Bakery Ltd", "hasFitNote", "yes",
                        "fitNoteDay", "1", "fitNoteMonth", "9", "fitNoteYear", "2026"),
                Map.of("conditions", "MENTAL_HEALTH", "waitingForTreatment", "NO"),
                Map.of("helpWanted", "Talk to my employer about a phased return"),
                Map.of("consentToContact", "yes"),
                Map.of("sex", "FEMALE"));
        String path = "/refer/who";
        timed(pageMs, () -> b.get("/refer"));
        for (Map<String, String> page : answers) {
            String at = path;
            HttpResponse<String> shown = timed(pageMs, () -> b.get(at));
            Map<String, String> form = new LinkedHashMap<>(page);
            form.put("_csrf", token(shown.body()));
            HttpResponse<String> answered = timed(pageMs, () -> b.post(at, form));
            path = b.expectRedirect(answered, "/refer/");
        }
        if (!path.equals("/refer/check")) {
            throw new IllegalStateException("Expected the check page after the last question, went to " + path);
        }
        String check = timed(pageMs, () -> b.get("/refer/check")).body();
        Matcher key = SUBMISSION_KEY.matcher(check);
        if (!key.find()) {
            throw new IllegalStateException("No submission key on the check page");
        }
        return new Draft(b, token(check), key.group(1));
    }

    interface Call {
        HttpResponse<String> call() throws Exception;
    }

    static HttpResponse<String> timed(List<Double> ms, Call call) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> response = call.call();
        ms.add((System.nanoTime() - t0) / 1e6);
        return response;
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

    /** Shared by all browsers: connections are pooled; each browser keeps its own session cookie. */
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    /** One person's browser: a session cookie, no redirects followed (the bench follows them itself). */
    static final class Browser {

        private final String base;
        private volatile String cookie;

        Browser(String base) {
            this.base = base;
        }

        void signIn(String email) throws Exception {
            String token = token("/sign-in");
            HttpResponse<String> signedIn = post("/sign-in", Map.of("email", email, "password", PASSWORD, "_csrf", token));
            String to = expectRedirect(signedIn, "");
            if (to.contains("error")) {
                throw new IllegalStateException("Could not sign in as " + email);
            }
        }

        String token(String page) throws Exception {
            return ReferralBench.token(get(page).body());
        }

        HttpResponse<String> get(String path) throws Exception {
            return send(request(path).GET());
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
            StringBuilder body = new StringBuilder();
            for (Map.Entry<String, String> e : form.entrySet()) {
                body.append(body.length() == 0 ? "" : "&").append(enc(e.getKey())).append('=').append(enc(e.getValue()));
            }
            return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        }

        HttpResponse<String> multipart(String path, String field, String fileName, byte[] content) throws Exception {
            String boundary = "----bench" + System.nanoTime();
            byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                    + fileName + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] body = new byte[head.length + content.length + tail.length];
            System.arraycopy(head, 0, body, 0, head.length);
            System.arraycopy(content, 0, body, head.length, content.length);
            System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
            return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        }

        String expectRedirect(HttpResponse<String> response, String prefix) {
            String to = response.statusCode() == 302 ? location(response) : null;
            if (to == null || !to.startsWith(prefix)) {
                throw new IllegalStateException(response.request().method() + " " + response.uri().getPath()
                        + " answered " + response.statusCode() + " " + to + "; expected a redirect to " + prefix);
            }
            return to;
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(600));
            if (cookie != null) {
                builder.header("Cookie", cookie);
            }
            return builder;
        }

        private HttpResponse<String> send(HttpRequest.Builder builder) throws IOException, InterruptedException {
            HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            for (String set : response.headers().allValues("Set-Cookie")) {
                if (set.startsWith("WORKHEALTH_SESSION=")) {
                    cookie = set.substring(0, set.indexOf(';') < 0 ? set.length() : set.indexOf(';'));
                }
            }
            return response;
        }
    }

    /** The path a redirect points to, whether the service sends it absolute or relative. */
    static String location(HttpResponse<String> response) {
        String to = response.headers().firstValue("Location").orElse("");
        return to.startsWith("http") ? URI.create(to).getRawPath()
                + (URI.create(to).getRawQuery() == null ? "" : "?" + URI.create(to).getRawQuery()) : to;
    }

    static String token(String html) {
        Matcher input = CSRF_INPUT.matcher(html);
        if (input.find()) {
            return input.group(1);
        }
        Matcher query = CSRF_QUERY.matcher(html);
        if (query.find()) {
            return java.net.URLDecoder.decode(query.group(1).replace("&amp;", "&"), StandardCharsets.UTF_8);
        }
        throw new IllegalStateException("No CSRF token on the page");
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** The service's own count and sum of GET /triage times, from its Prometheus metrics (administrators only). */
    static double[] serverTriageSeconds(Browser admin) throws Exception {
        double count = 0;
        double sum = 0;
        for (String line : admin.get("/actuator/prometheus").body().split("\n")) {
            if (line.startsWith("http_server_requests_seconds_") && line.contains("uri=\"/triage\"")
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
}
