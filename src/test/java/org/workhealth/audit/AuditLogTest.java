package org.workhealth.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.workhealth.SignIn;

@SpringBootTest
@AutoConfigureMockMvc
class AuditLogTest {

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final AuditSearch search;

    @Autowired
    AuditLogTest(MockMvc mvc, JdbcClient jdbc, AuditLog audit, AuditSearch search) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.audit = audit;
        this.search = search;
    }

    /** "Who has seen this referral?" finds the lists that showed it among others, not only its own page. */
    @Test
    void searchingForARecordFindsTheListPagesThatShowedIt() {
        long organisation = jdbc.sql("SELECT MIN(id) FROM organisation").query(Long.class).single();
        String referral = String.valueOf(900_000_000L + System.nanoTime() % 1_000_000L);
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(new AuditActor() {
            public Long actorId() {
                return 1L;
            }

            public String actorEmail() {
                return "triager@example.org";
            }

            public long actorOrganisationId() {
                return organisation;
            }
        }, null));
        try {
            audit.recordListView("referral-queue", AuditedRecord.all("referral", List.of(1L, Long.valueOf(referral))));
            audit.recordView("referral", referral, organisation);
            audit.recordListView("referral-queue", AuditedRecord.all("referral", List.of(1L)));
        } finally {
            SecurityContextHolder.clearContext();
        }

        List<AuditEntry> found = search.search(new AuditQuery(null, "referral", referral, null, null),
                jdbc.sql("SELECT id FROM organisation").query(Long.class).list(), 1);
        assertThat(found).extracting(AuditEntry::recordType).containsExactly("referral", "referral-queue");
        assertThat(search.search(new AuditQuery(null, null, referral, null, null),
                jdbc.sql("SELECT id FROM organisation").query(Long.class).list(), 1)).hasSize(2);
    }

    @Test
    void signInsAreRecordedWithWhoWhenAndTheAddress() throws Exception {
        SignIn.as(mvc, SignIn.BURY_MANAGER);
        assertThat(jdbc.sql("""
                SELECT ip_address FROM audit_event WHERE action = 'SIGN_IN' AND actor_email = ?
                """).param(SignIn.BURY_MANAGER).query(String.class).list()).isNotEmpty().allMatch(ip -> ip != null);
    }

    @Test
    void anAdministratorSearchesByPersonAndDateWithinTheirOwnScope() throws Exception {
        SignIn.as(mvc, SignIn.WMCA_COMMISSIONER);
        SignIn.as(mvc, SignIn.BURY_MANAGER);
        MockHttpSession gmAdmin = SignIn.as(mvc, SignIn.GM_ADMIN);
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/London"));
        String page = page(gmAdmin, "actor", "manager@bury", "fromDay", String.valueOf(today.getDayOfMonth()),
                "fromMonth", String.valueOf(today.getMonthValue()), "fromYear", String.valueOf(today.getYear()));
        assertThat(page).contains(SignIn.BURY_MANAGER).contains("SIGN_IN");
        assertThat(page(gmAdmin, "actor", "commissioner@wmca")).contains("No entries match your search");
        assertThat(page(gmAdmin, "fromDay", "1", "fromMonth", "1", "fromYear", String.valueOf(today.getYear() + 1)))
                .contains("No entries match your search");
    }

    @Test
    void anImpossibleDateIsShownAsAnError() throws Exception {
        MockHttpSession admin = SignIn.as(mvc, SignIn.NATIONAL_ADMIN);
        assertThat(page(admin, "fromDay", "31", "fromMonth", "2", "fromYear", "2025"))
                .contains("There is a problem").contains("Date from must be a real date").contains("href=\"#from-day\"");
    }

    @Test
    void onlyAdministratorsCanReadTheLog() throws Exception {
        MockHttpSession commissioner = SignIn.as(mvc, SignIn.GM_COMMISSIONER);
        mvc.perform(get("/audit").session(commissioner)).andExpect(status().isForbidden());
    }

    /**
     * The log is append-only: no code in the application updates or deletes its entries, except the retention
     * schedule's removal of entries older than its period, in {@link AuditRetention} alone.
     */
    @Test
    void noApplicationCodeChangesOrDeletesAuditEntries() throws IOException {
        Path retention = Path.of("src/main/java/org/workhealth/audit/AuditRetention.java");
        Pattern change = Pattern.compile("(?i)(update\\s+audit_event|delete\\s+from\\s+audit_event|truncate\\s+(table\\s+)?audit_event)");
        try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
            List<Path> offenders = files.filter(Files::isRegularFile).filter(file -> !file.equals(retention))
                    .filter(file -> {
                try {
                    return change.matcher(Files.readString(file)).find();
                } catch (IOException e) {
                    return false;
                }
            }).toList();
            assertThat(offenders).isEmpty();
        }
        // Retention deletes by age only, never an entry chosen any other way, and never updates one.
        assertThat(Files.readString(retention)).doesNotContainIgnoringCase("update audit_event")
                .containsIgnoringCase("DELETE FROM audit_event WHERE id IN (")
                .containsIgnoringCase("SELECT id FROM audit_event WHERE occurred_at < ?");
        assertThat(List.of(AuditLog.class.getMethods())).filteredOn(m -> m.getDeclaringClass() == AuditLog.class)
                .allMatch(m -> m.getName().startsWith("record"));
    }

    private String page(MockHttpSession session, String... params) throws Exception {
        var request = get("/audit").session(session);
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
