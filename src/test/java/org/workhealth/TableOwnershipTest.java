package org.workhealth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A module reads and writes only its own tables: what it needs of another module it asks that module's Java API
 * for, or keeps a read model fed by its events. ArchUnit and Spring Modulith see Java dependencies, not SQL, so this
 * reads every SQL string in the application and every migration and fails when one names another module's table.
 * Foreign keys may point across modules: one database keeps the references whole, and erasure runs in the order
 * they set.
 */
class TableOwnershipTest {

    /** Every table, by the module that owns it. A new table is added here by the module that creates it. */
    static final Map<String, Set<String>> OWNERS = Map.ofEntries(
            Map.entry("api", Set.of("api_client")),
            Map.entry("audit", Set.of("audit_event", "audit_event_record")),
            Map.entry("calendar", Set.of("bank_holiday")),
            Map.entry("casework", Set.of("action_plan", "appointment", "assessment", "case_adjustment",
                    "case_employer", "case_employer_consent", "case_employer_consent_change", "case_event",
                    "case_legal_hold", "case_message_choice", "case_outcome", "case_review", "case_service_consent_change", "contact_note",
                    "measure", "measure_answer", "measure_band", "measure_option", "measure_question",
                    "measure_response", "onward_referral", "plan_action", "plan_goal", "plan_share", "support_case",
                    "support_service", "sustainment_check", "vocational_profile")),
            Map.entry("employer", Set.of("accreditation_award", "assessment_decision", "assessment_submission",
                    "criterion_evidence", "criterion_progress", "employer", "employer_award_milestone",
                    "employer_case_study", "employer_engagement", "employer_engagement_attendee",
                    "employer_engagement_employer", "employer_figures_baseline", "employer_member", "employer_pilot",
                    "employer_pilot_measure", "employer_pilot_session", "employer_site", "framework_area", "framework_criterion",
                    "framework_level", "framework_module", "framework_version", "module_completion")),
            Map.entry("evaluation", Set.of("evaluation_agreement", "evaluation_extract")),
            Map.entry("funding", Set.of("funding_agreement", "funding_allocation", "funding_allocation_share",
                    "funding_claim", "funding_claim_event", "funding_claim_line", "funding_expenditure",
                    "funding_grant_line", "funding_locality_population", "funding_outcome_price", "funding_year")),
            Map.entry("mfa", Set.of("mfa_recovery_code", "mfa_totp", "user_credentials", "user_entities")),
            Map.entry("milestone", Set.of("milestone", "milestone_attribute", "milestone_day_count",
                    "milestone_first", "milestone_lock", "milestone_lock_contract", "milestone_month_count")),
            Map.entry("notification", Set.of("notification_message")),
            Map.entry("organisation", Set.of("organisation", "organisation_type", "person", "person_message_opt_out",
                    "person_role",
                    "role_grant")),
            Map.entry("performance", Set.of("kpi_definition", "kpi_figure", "kpi_forecast", "kpi_target",
                    "rag_threshold")),
            Map.entry("platform", Set.of("event_publication", "rate_limit_client", "rate_limit_use",
                    "rate_limit_window", "scheduled_tasks", "spring_session", "spring_session_attributes")),
            Map.entry("programme", Set.of("cohort", "contract", "programme")),
            Map.entry("referral", Set.of("cohort_rule", "contact_attempt", "eligibility_rule",
                    "postcode_deprivation", "postcode_deprivation_load", "referral", "referral_area",
                    "referral_backfill", "referral_duplicate", "referral_event", "referral_upload")),
            Map.entry("research", Set.of("research_consent", "research_consent_withdrawal",
                    "research_information_sheet")),
            Map.entry("retention", Set.of("retention_period", "retention_run", "retention_run_count")),
            Map.entry("returns", Set.of("data_return", "data_return_contract", "data_return_event",
                    "data_return_figure", "data_return_issue", "data_return_part", "data_return_row",
                    "return_participant", "return_template", "return_template_column")),
            Map.entry("trial", Set.of("trial", "trial_allocation", "trial_allocation_stratum_value", "trial_arm",
                    "trial_drop_out", "trial_employer_consent", "trial_exclusion", "trial_follow_up",
                    "trial_grant_instalment", "trial_grant_payment", "trial_grant_plan", "trial_stratum")));

    /**
     * Migrations already applied to live databases cannot change (Flyway checks their checksums); these statements
     * in them read across modules, once, to fill a new table, and stay as history.
     */
    private static final Set<String> APPLIED_HISTORY = Set.of(
            "V20261207_30__kpis_counted_from_and_summed.sql statement 5");

    /** Reading across modules that is still to be moved behind the owner's API: this list only shrinks. */
    private static final Set<String> NOT_YET_MOVED = Set.of();

    private static final Path SOURCES = Path.of("src/main/java/org/workhealth");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Pattern STRING = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"",
            Pattern.DOTALL);
    /** SQL in the Java sources is written with upper-case keywords, which keeps prose ("from the list") out. */
    private static final Pattern NAMED_TABLE = Pattern.compile(
            "\\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\\s+([a-z_][a-z0-9_]*)\\b");
    private static final Pattern MIGRATION_TABLE = Pattern.compile(
            "\\b(?:FROM|JOIN|INTO|UPDATE|TABLE|ON)\\s+([a-z_][a-z0-9_]*)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern SPRING_DATA_TABLE = Pattern.compile("@Table\\(\"([a-z_]+)\"\\)");
    private static final Pattern CREATED_OR_DROPPED = Pattern.compile(
            "(CREATE|DROP) TABLE (?:IF (?:NOT )?EXISTS )?([a-z_][a-z0-9_]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern REFERENCES = Pattern.compile("REFERENCES\\s+[a-z_][a-z0-9_]*",
            Pattern.CASE_INSENSITIVE);

    @Test
    void everyTableInTheMigrationsHasOneOwner() throws IOException {
        Set<String> created = new TreeSet<>();
        for (Path migration : migrations()) {
            Matcher m = CREATED_OR_DROPPED.matcher(Files.readString(migration));
            while (m.find()) {
                if (m.group(1).equalsIgnoreCase("CREATE")) {
                    created.add(m.group(2).toLowerCase());
                } else {
                    created.remove(m.group(2).toLowerCase());
                }
            }
        }
        List<String> owned = OWNERS.values().stream().flatMap(Set::stream).toList();
        assertThat(owned).doesNotHaveDuplicates();
        assertThat(new TreeSet<>(owned)).as("tables in the migrations, each with its owner here")
                .containsAll(created);
    }

    @Test
    void aModulesSqlNamesOnlyItsOwnTables() throws IOException {
        List<String> trespasses = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String module = SOURCES.relativize(file).getName(0).toString();
                String source = Files.readString(file);
                for (String table : tablesNamed(sqlIn(source), NAMED_TABLE)) {
                    report(trespasses, module, SOURCES.relativize(file).toString(), table);
                }
                for (String table : tablesNamed(source, SPRING_DATA_TABLE)) {
                    report(trespasses, module, SOURCES.relativize(file).toString(), table);
                }
            }
        }
        assertThat(trespasses).as("SQL naming another module's table").isEmpty();
    }

    @Test
    void noMigrationStatementSpansTwoModulesTables() throws IOException {
        List<String> spanning = new ArrayList<>();
        for (Path migration : migrations()) {
            String[] statements = Files.readString(migration).replaceAll("--[^\\n]*", "").split(";");
            for (int i = 0; i < statements.length; i++) {
                String statement = REFERENCES.matcher(statements[i]).replaceAll("");
                Set<String> modules = tablesNamed(statement, MIGRATION_TABLE).stream().map(TableOwnershipTest::owner)
                        .filter(o -> o != null).collect(Collectors.toCollection(TreeSet::new));
                String where = migration.getFileName() + " statement " + (i + 1);
                if (modules.size() > 1 && !APPLIED_HISTORY.contains(where)) {
                    spanning.add(where + " names tables of " + modules);
                }
            }
        }
        assertThat(spanning).as("migration statements reading or writing another module's tables").isEmpty();
    }

    private static void report(List<String> trespasses, String module, String file, String table) {
        String owner = owner(table);
        String trespass = file + " names " + table + " (" + owner + ")";
        if (owner != null && !owner.equals(module) && !NOT_YET_MOVED.contains(trespass)) {
            trespasses.add(trespass);
        }
    }

    static String owner(String table) {
        return OWNERS.entrySet().stream().filter(e -> e.getValue().contains(table)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    private static String sqlIn(String javaSource) {
        StringBuilder sql = new StringBuilder();
        Matcher m = STRING.matcher(javaSource);
        while (m.find()) {
            sql.append(m.group(1) != null ? m.group(1) : m.group(2)).append('\n');
        }
        return sql.toString();
    }

    private static Set<String> tablesNamed(String text, Pattern pattern) {
        Set<String> tables = new TreeSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            String name = m.group(1).toLowerCase();
            if (owner(name) != null) {
                tables.add(name);
            }
        }
        return tables;
    }

    private static List<Path> migrations() throws IOException {
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            return files.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
        }
    }
}
