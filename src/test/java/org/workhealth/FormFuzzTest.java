package org.workhealth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.lang.reflect.Parameter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.UriUtils;
import org.workhealth.organisation.CurrentUser;

/**
 * Bad input never breaks the service: every POST route the application maps (read from the request mappings, so a
 * new form is fuzzed the day it is added) is sent over-long, control-character, script, formula and wrong-type
 * values in all of its fields at once, and an over-long value in each field a person types in alone (a length is
 * checked field by field, so one refusal could hide another), by a person who may use the form (the first demo account whose page
 * shows a form posting there). No answer may be a server error, and an answer that refuses (anything but a redirect) may not
 * have written a row. Afterwards no text column holds a control character.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FormFuzzTest {

    private static final Map<String, String> BAD_VALUES = Map.of(
            "over-long", "x".repeat(4100),
            "control characters", "a\u0000b\u0007c\u001b",
            "script", "<script>alert(1)</script>",
            "formula", "=HYPERLINK(\"http://example.com\",\"x\")",
            "wrong type", "99999999999999999999",
            "negative", "-1");
    /** Sent for a field instead of a value: the field left out, as a hand-made request may. */
    private static final String MISSING = "\u0000missing";
    private static final List<String> ACCOUNTS = List.of("signed out", SignIn.BURY_COACH, SignIn.BURY_MANAGER,
            SignIn.GM_COMMISSIONER, SignIn.GM_ADMIN, SignIn.NATIONAL_ADMIN, SignIn.NATIONAL,
            "referrer@townside.workhealth.example", SignIn.WMCA_COMMISSIONER,
            // Thrive at Work: an advisor, and an employer's own wellbeing lead.
            "advisor@wmca.workhealth.example", "lead@acme.workhealth.example");
    private static final List<String> QUESTION_SLUGS = List.of("who", "name", "date-of-birth", "contact-details", "gp",
            "work", "health", "help", "consent", "equality");
    private static final Pattern VARIABLE = Pattern.compile("\\{[A-Za-z]+}");
    private static final String MARK = "FUZZEDPATHVALUE";
    private static final Set<String> NOT_FIELDS = Set.of("_csrf", "id");
    /**
     * Forms sent only with the answers they show, never with the blanks filled in: a bank holiday added in June
     * 2026 would move every due date other tests work out, and reassigning a caseload would move the demo coach's
     * cases other tests count.
     */
    private static final Set<String> AS_SENT = Set.of("/admin/bank-holidays", "/caseloads/reassign");
    private static final Set<String> ENDINGS = Set.of("exit", "decline", "signpost", "route", "accept",
            "deactivate", "send", "approve", "refuse", "remove", "withdraw", "lift", "submit", "import");
    // With the forms' own logs: the tables the scheduler's tasks write on their own threads whatever anyone posts
    // (the scheduler's, and the rate limits and sessions its clean-up tasks delete from).
    private static final Set<String> MAY_CHANGE = Set.of("audit_event", "audit_event_record", "flyway_schema_history",
            "referral_submission_log", "employer_sign_up_log", "employer_sign_up_address", "scheduled_tasks",
            "rate_limit_window", "rate_limit_use", "rate_limit_client", "spring_session", "spring_session_attributes");

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final RequestMappingHandlerMapping mappings;
    private RouteValues values;
    private final Map<String, MockHttpSession> sessions = new LinkedHashMap<>();
    private final Map<String, Document> pages = new java.util.HashMap<>();
    private final List<String> problems = new ArrayList<>();
    private Map<String, String> before;
    private int requests;
    private final List<String> formless = new ArrayList<>();
    private final List<String> redirected = new ArrayList<>();
    private final List<String> unfillable = new ArrayList<>();
    private final Set<String> posted = new TreeSet<>();
    private long findingForms;
    private String route;

    @Autowired
    FormFuzzTest(MockMvc mvc, JdbcClient jdbc,
            @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings,
            org.springframework.context.ApplicationContext context) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.mappings = mappings;
        this.values = RouteValues.make(context);
    }

    @Test
    void noFormAnswersBadInputWithAServerErrorOrKeepsWhatItRefused() throws Exception {
        for (String account : ACCOUNTS) {
            sessions.put(account, account.equals("signed out") ? new MockHttpSession() : SignIn.as(mvc, account));
        }
        // Resetting a password or changing roles must not touch a demo account other tests sign in with.
        values = values.with("people", String.valueOf(personOfOurOwn()));
        Map<String, HandlerMethod> routes = postRoutes();
        assertThat(routes).containsKeys("/cases/{id}/notes/new", "/refer/{slug}", "/referrals/{id}/decline");
        before = counts();
        long started = System.nanoTime();
        for (Map.Entry<String, HandlerMethod> route : routes.entrySet()) {
            this.route = route.getKey();
            Form first = null;
            for (String path : paths(route.getKey())) {
                long finding = System.nanoTime();
                Form form = formFor(path, route.getValue());
                findingForms += System.nanoTime() - finding;
                first = first == null ? form : first;
                if (form.fields().isEmpty()) {
                    // Nothing to fill in (an action button, or a form read straight from the request): the bad
                    // values still go, as a field the handler does not expect, and in the path below.
                    unfillable.add(path);
                    for (Map.Entry<String, String> bad : BAD_VALUES.entrySet()) {
                        attempt(path, form, Set.of("unexpected"), bad.getKey(), bad.getValue());
                    }
                    continue;
                }
                for (Map.Entry<String, String> bad : BAD_VALUES.entrySet()) {
                    attempt(path, form, form.fields(), bad.getKey(), bad.getValue());
                }
                // Then field by field, the form's own values in the others: one refusal must not hide another,
                // and a hidden or coded field is as easy to edit as a text box.
                for (String field : form.fields()) {
                    for (Map.Entry<String, String> bad : BAD_VALUES.entrySet()) {
                        attempt(path, form, Set.of(field), bad.getKey(), bad.getValue());
                    }
                    attempt(path, form, Set.of(field), "nothing", MISSING);
                }
            }
            // Every record id, code and year in the path is one a person can edit in the address bar.
            for (String path : withBadPathValues(route.getKey())) {
                attempt(path, first, Set.of(), "bad value in the path", "");
            }
        }
        problems.addAll(controlCharactersStored());
        long seconds = (System.nanoTime() - started) / 1_000_000_000;
        System.out.println("FormFuzzTest: " + routes.size() + " POST routes, " + posted.size() + " posted to, "
                + requests + " requests in " + seconds + " s (" + findingForms / 1_000_000 + " ms finding forms); "
                + "no form found for " + formless.size() + ", nothing to fill in for " + unfillable.size()
                + "; redirected " + redirected.size() + "\nnothing to fill in: " + unfillable);
        assertThat(posted).as("POST routes posted to").containsAll(routes.keySet());
        assertThat(requests).isGreaterThan(1000);
        assertThat(problems).isEmpty();
    }

    private long personOfOurOwn() throws Exception {
        long bury = jdbc.sql("SELECT id FROM organisation WHERE name = 'Bury Council Live Well service'")
                .query(Long.class).single();
        String email = "fuzz-" + System.nanoTime() + "@bury.workhealth.example";
        mvc.perform(post("/people/new").session(sessions.get(SignIn.GM_ADMIN)).with(csrf())
                .param("fullName", "Fuzz Target").param("email", email).param("organisationId", String.valueOf(bury))
                .param("roles", "PRACTITIONER")).andReturn();
        return jdbc.sql("SELECT id FROM person WHERE email = ?").param(email).query(Long.class).single();
    }

    /** Posts the bad value in the given fields (the form's own values in the others) and notes what went wrong. */
    private void attempt(String path, Form form, Set<String> fields, String kind, String value) {
        String what = "POST " + path + " as " + form.account() + " with " + kind + " " + String.join(", ", fields);
        requests++;
        posted.add(route);
        MvcResult result;
        try {
            result = mvc.perform(send(path, form, fields, value)).andReturn();
        } catch (Exception e) {
            problems.add(what + " threw " + cause(e));
            before = counts();
            return;
        }
        int status = result.getResponse().getStatus();
        Map<String, String> after = counts();
        if (status >= 500) {
            problems.add(what + " answered " + status + " " + cause(result.getResolvedException()));
        } else if (status < 400 && status >= 300) {
            redirected.add(what + " -> " + result.getResponse().getRedirectedUrl());
        } else {
            Set<String> changed = changed(before, after);
            if (!changed.isEmpty()) {
                problems.add(what + " refused (" + status + ") but wrote to " + changed);
            }
        }
        before = after;
    }

    /**
     * Every pattern of every handler that answers POST, with the handler that answers it; those that end a record's
     * working life (an exit, a decline, a deactivation) last, so that the forms acting on the same record find it
     * still open.
     */
    private Map<String, HandlerMethod> postRoutes() {
        Map<String, HandlerMethod> routes = new TreeMap<>(java.util.Comparator
                .comparing((String route) -> ENDINGS.contains(route.substring(route.lastIndexOf('/') + 1)))
                .thenComparing(java.util.Comparator.naturalOrder()));
        mappings.getHandlerMethods().forEach((info, method) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (methods.contains(RequestMethod.POST)) {
                info.getPatternValues().forEach(pattern -> routes.put(pattern, method));
            }
        });
        return routes;
    }

    /**
     * The route once for each bad value in each of its path variables (the others filled as usual), encoded as a
     * browser would send them.
     */
    private List<String> withBadPathValues(String route) {
        List<String> paths = new ArrayList<>();
        Matcher m = VARIABLE.matcher(route);
        while (m.find()) {
            String prefix = route.substring(0, m.start());
            String suffix = route.substring(m.end());
            for (String bad : BAD_VALUES.values()) {
                String filled = values.fill(prefix + MARK + suffix);
                paths.add(filled.replace(MARK, UriUtils.encodePathSegment(bad, StandardCharsets.UTF_8)));
            }
        }
        return paths;
    }

    private List<String> paths(String route) {
        if (route.endsWith("/{slug}")) {
            return QUESTION_SLUGS.stream().map(slug -> route.replace("{slug}", slug)).toList();
        }
        return List.of(values.fill(route));
    }

    /** The form posting to a path, as the first account that is shown it sees it, with the handler's own fields. */
    private Form formFor(String path, HandlerMethod handler) throws Exception {
        Set<String> handlerFields = handlerFields(handler);
        String viewer = null;
        for (String account : ACCOUNTS) {
            // A form is on the page of its own path or of the record it acts on (one level up).
            String parent = path.substring(0, path.lastIndexOf('/'));
            for (String page : parent.isEmpty() ? List.of(path) : List.of(path, parent)) {
                if (viewer == null && !account.equals("signed out") && shows(page, account)) {
                    viewer = account;
                }
                Element form = formOn(page, path, account);
                if (form != null) {
                    Map<String, String> defaults = defaults(form, path);
                    Set<String> fields = new LinkedHashSet<>(defaults.keySet());
                    fields.addAll(handlerFields);
                    fields.removeAll(NOT_FIELDS);
                    Set<String> typed = new LinkedHashSet<>();
                    form.select("input[name]:not([type=hidden],[type=radio],[type=checkbox],[type=file]), textarea[name]")
                            .forEach(box -> typed.add(box.attr("name")));
                    typed.removeAll(NOT_FIELDS);
                    return new Form(account, defaults, fields, typed);
                }
            }
        }
        // No form right now (the record is not in the state that offers it): post as someone who sees its page.
        handlerFields.removeAll(NOT_FIELDS);
        formless.add(path);
        return new Form(viewer == null ? SignIn.NATIONAL_ADMIN : viewer, Map.of(), handlerFields, handlerFields);
    }

    private Element formOn(String page, String action, String account) throws Exception {
        Document document = pages.computeIfAbsent(account + " " + page, key -> read(page, account));
        for (Element form : document.select("form[method=post]")) {
            String target = form.attr("action").isEmpty() ? page : form.attr("action").replaceAll("[?#].*", "");
            if (target.equals(action)) {
                return form;
            }
        }
        return null;
    }

    private boolean shows(String page, String account) {
        return pages.computeIfAbsent(account + " " + page, key -> read(page, account)).body().childrenSize() > 0;
    }

    /** The page as the account sees it; an empty page when it is not theirs to see. */
    private Document read(String page, String account) {
        try {
            MvcResult result = mvc.perform(get(page).session(sessions.get(account))).andReturn();
            if (result.getResponse().getStatus() == 200
                    && String.valueOf(result.getResponse().getContentType()).startsWith("text/html")) {
                return Jsoup.parse(result.getResponse().getContentAsString(), "http://localhost" + page);
            }
        } catch (Exception e) {
            // A page that fails to show has no form to fuzz; the GET route tests catch the failure itself.
        }
        return new Document("http://localhost" + page);
    }

    /**
     * A good answer to build each bad one on: what the form sends untouched (its text boxes' values, the ticked
     * boxes, the chosen options), with every question left unanswered given a plausible answer (the first option, a
     * date in June 2026, a word or a number), so that a bad value in one field reaches the checks behind the first
     * question rather than stopping at "select an option". Not for the forms in {@link #AS_SENT}.
     */
    private static Map<String, String> defaults(Element form, String path) {
        boolean fill = !AS_SENT.contains(path);
        Map<String, String> defaults = new LinkedHashMap<>();
        for (Element input : form.select("input[name], select[name], textarea[name]")) {
            String name = input.attr("name");
            String type = input.attr("type");
            if (type.equals("radio") || type.equals("checkbox")) {
                if (input.hasAttr("checked")) {
                    defaults.put(name, input.val());
                } else if (!defaults.containsKey(name)) {
                    defaults.put(name, fill ? input.val() : "");
                }
            } else if (input.tagName().equals("select")) {
                Element chosen = input.selectFirst("option[selected]");
                Element first = input.selectFirst("option[value~=.]");
                defaults.put(name, chosen != null && !chosen.val().isEmpty() ? chosen.val()
                        : fill && first != null ? first.val() : "");
            } else if (!type.equals("file")) {
                String given = input.tagName().equals("textarea") ? input.text() : input.val();
                defaults.put(name, given.isEmpty() && fill && !type.equals("hidden") ? plausible(name, input) : given);
            }
        }
        return defaults;
    }

    /** A plausible answer to an empty box, by what its name and type say it is. */
    private static String plausible(String name, Element input) {
        String lower = name.toLowerCase(java.util.Locale.UK);
        if (lower.endsWith("day")) {
            return "1";
        } else if (lower.endsWith("month")) {
            return "6";
        } else if (lower.endsWith("year")) {
            return "2026";
        } else if (input.attr("type").equals("email") || lower.contains("email")) {
            return "fuzz@example.com";
        } else if (lower.contains("phone")) {
            return "07700900123";
        } else if (lower.contains("postcode")) {
            return "BL9 0EJ";
        } else if (input.attr("inputmode").equals("numeric") || input.attr("inputmode").equals("decimal")
                || input.attr("type").equals("number")) {
            return "1";
        }
        return "Fuzz";
    }

    /** The names a handler binds: its request parameters and the components or properties of its forms. */
    private static Set<String> handlerFields(HandlerMethod handler) {
        Set<String> fields = new LinkedHashSet<>();
        for (Parameter parameter : handler.getMethod().getParameters()) {
            RequestParam param = parameter.getAnnotation(RequestParam.class);
            Class<?> type = parameter.getType();
            if (param != null) {
                fields.add(param.name().isEmpty() ? (param.value().isEmpty() ? parameter.getName() : param.value())
                        : param.name());
            } else if (formObject(parameter) && type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    fields.add(component.getName());
                }
            } else if (formObject(parameter)) {
                for (var property : BeanUtils.getPropertyDescriptors(type)) {
                    if (property.getWriteMethod() != null) {
                        fields.add(property.getName());
                    }
                }
            }
        }
        return fields;
    }

    /**
     * A form object the handler binds: marked {@code @ModelAttribute}, or one of the application's own types with no
     * annotation, which Spring binds the same way (the signed-in person excepted: that is resolved, not bound).
     */
    private static boolean formObject(Parameter parameter) {
        Class<?> type = parameter.getType();
        return parameter.isAnnotationPresent(ModelAttribute.class) || (parameter.getAnnotations().length == 0
                && type.getName().startsWith("org.workhealth.") && !type.equals(CurrentUser.class)
                && !BeanUtils.isSimpleProperty(type));
    }

    private MockHttpServletRequestBuilder send(String path, Form form, Set<String> fields, String value) {
        MockHttpServletRequestBuilder request = post(URI.create(path)).session(sessions.get(form.account()))
                .with(csrf());
        form.defaults().forEach((name, given) -> {
            if (!fields.contains(name) && !name.equals("_csrf")) {
                request.param(name, given);
            }
        });
        if (!value.equals(MISSING)) {
            fields.forEach(field -> request.param(field, value));
        }
        return request;
    }

    private Map<String, String> counts() {
        List<String> tables = jdbc.sql("""
                SELECT LOWER(table_name) FROM information_schema.tables
                WHERE table_type = 'BASE TABLE' AND LOWER(table_schema) = LOWER(CURRENT_SCHEMA)
                """).query(String.class).list();
        StringBuilder sql = new StringBuilder();
        for (String table : tables) {
            if (!MAY_CHANGE.contains(table)) {
                sql.append(sql.isEmpty() ? "" : " UNION ALL ").append("SELECT '").append(table)
                        .append("', CAST(COUNT(*) AS VARCHAR(20)) FROM ").append(table);
            }
        }
        Map<String, String> counts = new TreeMap<>();
        jdbc.sql(sql.toString()).query((rs, n) -> counts.put(rs.getString(1), rs.getString(2))).list();
        return counts;
    }

    private static Set<String> changed(Map<String, String> before, Map<String, String> after) {
        Set<String> changed = new TreeSet<>();
        after.forEach((table, count) -> {
            if (!count.equals(before.get(table))) {
                changed.add(table + " " + before.get(table) + "→" + count);
            }
        });
        return changed;
    }

    /** Text columns holding a control character other than tab, line feed and carriage return. */
    private List<String> controlCharactersStored() {
        List<Map<String, Object>> columns = jdbc.sql("""
                SELECT LOWER(table_name) AS t, LOWER(column_name) AS c FROM information_schema.columns
                WHERE LOWER(table_schema) = LOWER(CURRENT_SCHEMA)
                  AND (LOWER(data_type) LIKE '%char%' OR LOWER(data_type) = 'text')
                """).query().listOfRows();
        List<String> found = new ArrayList<>();
        for (Map<String, Object> column : columns) {
            String table = (String) column.get("t");
            String name = (String) column.get("c");
            long count = jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE " + name + " LIKE '%' || CHR(7) || '%'")
                    .query(Long.class).single();
            if (count > 0) {
                found.add(table + "." + name + " holds a control character in " + count + " rows");
            }
        }
        return found;
    }

    private static String cause(Throwable e) {
        Throwable t = e;
        while (t != null && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == null ? "" : t.getClass().getSimpleName() + ": " + String.valueOf(t.getMessage()).lines()
                .findFirst().orElse("");
    }

    /** A form: who posts it, what it sends untouched, every field it binds, and the fields a person types in. */
    private record Form(String account, Map<String, String> defaults, Set<String> fields, Set<String> typed) {
    }
}
