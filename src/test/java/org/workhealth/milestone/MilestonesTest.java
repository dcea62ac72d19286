package org.workhealth.milestone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.workhealth.organisation.Organisations;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;
import org.workhealth.programme.SupportType;

/** The append-only milestone record: corrections supersede, nothing is changed or removed. */
@SpringBootTest
@AutoConfigureMockMvc
class MilestonesTest {

    private final Milestones milestones;
    private final Programmes programmes;
    private final Organisations organisations;
    private final JdbcClient jdbc;

    @Autowired
    MilestonesTest(Milestones milestones, Programmes programmes, Organisations organisations, JdbcClient jdbc) {
        this.milestones = milestones;
        this.programmes = programmes;
        this.organisations = organisations;
        this.jdbc = jdbc;
    }

    @Test
    void aCorrectionSupersedesTheOriginalWhichStaysInTheRecord() {
        Programme programme = ownProgramme();
        long provider = organisations.findByName("Bury Council Live Well service").orElseThrow().id();
        long original = milestones.record(jobStart(programme, provider, LocalDate.of(2025, 6, 2), "EMPLOYED"));

        long correction = milestones.supersede(original,
                jobStart(programme, provider, LocalDate.of(2025, 6, 9), "SELF_EMPLOYED"));

        List<Milestone> current = milestones.current(new MilestoneFilter(null, null, programme.id(), null, null,
                MilestoneType.JOB_START, null, null));
        assertThat(current).extracting(Milestone::id).containsExactly(correction);
        Milestone corrected = current.get(0);
        assertThat(corrected.supersedesId()).isEqualTo(original);
        assertThat(corrected.occurredOn()).isEqualTo(LocalDate.of(2025, 6, 9));
        assertThat(corrected.attributes()).containsExactly(Map.entry("job_type", "SELF_EMPLOYED"),
                Map.entry("hours", "16"));

        Milestone kept = milestones.find(original).orElseThrow();
        assertThat(kept.occurredOn()).isEqualTo(LocalDate.of(2025, 6, 2));
        assertThat(kept.attribute("job_type")).isEqualTo("EMPLOYED");
        assertThat(milestones.isCurrent(original)).isFalse();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM milestone WHERE programme_id = ?").param(programme.id())
                .query(Integer.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE record_type = 'milestone' AND action = 'SUPERSEDE' "
                + "AND record_id = ?").param(String.valueOf(correction)).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void attributesAreKeptExactlyAsRowsAndABadOneWritesNothing() {
        Programme programme = ownProgramme();
        long provider = organisations.findByName("Bury Council Live Well service").orElseThrow().id();
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("reason", "Moved away; new address = unknown");
        typed.put("in_work", "true");
        long id = milestones.record(new NewMilestone(MilestoneType.EXIT, null, null, programme.id(), null, provider,
                LocalDate.of(2025, 8, 1), typed, null));

        assertThat(milestones.find(id).orElseThrow().attributes()).containsExactly(
                Map.entry("reason", "Moved away; new address = unknown"), Map.entry("in_work", "true"));
        assertThat(jdbc.sql("SELECT name FROM milestone_attribute WHERE milestone_id = ? ORDER BY ordinal")
                .param(id).query(String.class).list()).containsExactly("reason", "in_work");

        Map<String, String> bad = Map.of("reason", "line one\nline two");
        assertThatThrownBy(() -> milestones.record(new NewMilestone(MilestoneType.EXIT, null, null, programme.id(),
                null, provider, LocalDate.of(2025, 8, 2), bad, null))).isInstanceOf(IllegalArgumentException.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM milestone WHERE programme_id = ?").param(programme.id())
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void onlyTheCurrentMilestoneCanBeCorrected() {
        Programme programme = ownProgramme();
        long provider = organisations.findByName("Bury Council Live Well service").orElseThrow().id();
        long original = milestones.record(jobStart(programme, provider, LocalDate.of(2025, 7, 1), "EMPLOYED"));
        milestones.supersede(original, jobStart(programme, provider, LocalDate.of(2025, 7, 2), "EMPLOYED"));

        assertThatThrownBy(() -> milestones.supersede(original,
                jobStart(programme, provider, LocalDate.of(2025, 7, 3), "EMPLOYED")))
                .isInstanceOf(Milestones.NotCurrentException.class);
        assertThatThrownBy(() -> milestones.supersede(Long.MAX_VALUE,
                jobStart(programme, provider, LocalDate.of(2025, 7, 3), "EMPLOYED")))
                .isInstanceOf(Milestones.NotCurrentException.class);
        assertThat(milestones.current(new MilestoneFilter(null, null, programme.id(), null, null, null,
                LocalDate.of(2025, 7, 1), LocalDate.of(2025, 7, 31)))).hasSize(1);
    }

    @Test
    void currentMilestonesFilterByDateAndOrganisation() {
        Programme programme = ownProgramme();
        long provider = organisations.findByName("Bury Council Live Well service").orElseThrow().id();
        long other = organisations.findByName("Oldham Working Well service").orElseThrow().id();
        milestones.record(jobStart(programme, provider, LocalDate.of(2025, 3, 31), "EMPLOYED"));
        long inQuarter = milestones.record(jobStart(programme, provider, LocalDate.of(2025, 4, 1), "EMPLOYED"));
        milestones.record(jobStart(programme, other, LocalDate.of(2025, 4, 2), "EMPLOYED"));

        assertThat(milestones.current(new MilestoneFilter(null, null, programme.id(), null, java.util.Set.of(provider),
                null, LocalDate.of(2025, 4, 1), LocalDate.of(2025, 6, 30))))
                .extracting(Milestone::id).containsExactly(inQuarter);
        assertThat(milestones.current(new MilestoneFilter(null, null, programme.id(), null, java.util.Set.of(),
                null, null, null))).isEmpty();
    }

    /** The kept first milestone of each case and type is exactly what the whole record says it is. */
    @Test
    void theKeptFirstPerCaseAgreesWithTheWholeRecord() {
        String fromRecord = """
                SELECT case_id, type, id FROM (
                    SELECT m.case_id, m.type, m.id,
                           ROW_NUMBER() OVER (PARTITION BY m.case_id, m.type ORDER BY m.occurred_on, m.id) AS position
                    FROM milestone m
                    WHERE m.case_id IS NOT NULL AND m.withdrawn = FALSE
                      AND NOT EXISTS (SELECT 1 FROM milestone s WHERE s.supersedes_id = m.id)
                ) ranked WHERE position = 1 ORDER BY case_id, type""";
        List<String> expected = jdbc.sql(fromRecord).query((rs, n) -> rs.getLong(1) + " " + rs.getString(2) + " "
                + rs.getLong(3)).list();
        List<String> kept = jdbc.sql("SELECT case_id, type, milestone_id FROM milestone_first ORDER BY case_id, type")
                .query((rs, n) -> rs.getLong(1) + " " + rs.getString(2) + " " + rs.getLong(3)).list();
        assertThat(kept).isEqualTo(expected);
    }

    /** The record is append-only: no application code updates or deletes milestones. */
    private static final String ERASURE_OF_TYPED_TEXT = "UPDATE milestone SET correction_reason = NULL WHERE case_id";

    @Test
    void noApplicationCodeChangesOrDeletesMilestones() throws IOException {
        Pattern change = Pattern.compile(
                "(?i)(update\\s+milestone\\b|delete\\s+from\\s+milestone\\b|truncate\\s+(table\\s+)?milestone\\b)");
        try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
            List<Path> offenders = files.filter(Files::isRegularFile).filter(file -> {
                try {
                    // The one exception: erasure under the retention schedule empties free text staff typed on a
                    // case's milestones (and correction reasons); the milestone itself and what it counts stay.
                    String text = Files.readString(file).replace(ERASURE_OF_TYPED_TEXT, "");
                    return change.matcher(text).find();
                } catch (IOException e) {
                    return false;
                }
            }).toList();
            assertThat(offenders).isEmpty();
        }
    }

    private Programme ownProgramme() {
        String code = "MS" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        long national = organisations.findByName("Joint Work and Health Directorate (DWP and DHSC)").orElseThrow().id();
        return programmes.createUnchecked(code, "Milestone test " + code, SupportType.INTENSIVE_IPS, null, national);
    }

    private static NewMilestone jobStart(Programme programme, long provider, LocalDate on, String jobType) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("job_type", jobType);
        attributes.put("hours", "16");
        return new NewMilestone(MilestoneType.JOB_START, null, null, programme.id(), null, provider, on, attributes,
                null);
    }
}
