package org.workhealth.referral;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.milestone.Milestones;
import org.workhealth.milestone.NewMilestone;
import org.workhealth.referral.internal.ReferenceNumbers;
import org.workhealth.referral.internal.ReferralSource;

/**
 * Demo referrals in bulk, for demo data that needs hundreds of them quickly (a trial's recruitment): written with
 * JDBC batches, already decided (so no triage queue fills up), each with its "referral received" milestone, so the
 * programme's referral counts include them. Made-up people: no name, date of birth or postcode is anyone's.
 */
@Component
public class ReferralBatchExamples {

    /** One referral to make: when it came in, what became of it, and whether the person was in work. */
    public record Example(LocalDate receivedOn, ReferralStatus status, boolean inWork) {
    }

    private static final String[] FIRST = {"Amy", "Ben", "Chloe", "Dev", "Ella", "Femi", "Gita", "Harry", "Isla",
            "Jay", "Kiran", "Lola", "Mo", "Nia", "Owen", "Pat", "Rhys", "Sana", "Tom", "Zara"};
    private static final String[] LAST = {"Adams", "Bibi", "Carter", "Dhillon", "Evans", "Fox", "Grant", "Hale",
            "Iqbal", "Jones", "Khan", "Lewis", "Mason", "Nowak", "Osei", "Price", "Reid", "Singh", "Taylor", "Wood"};
    private static final String[] POSTCODES = {"WV1 1AA", "WV2 4BB", "WS1 2CC", "DY1 3DD", "B70 6EE", "B66 1FF"};

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final Milestones milestones;

    ReferralBatchExamples(JdbcClient jdbc, JdbcTemplate jdbcTemplate, Milestones milestones) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.milestones = milestones;
    }

    /**
     * @param contractFor the contract each referral counts under, by date received (null for none)
     * @return the new referrals' ids, in the order of {@code examples}
     */
    public List<Long> received(long programmeId, long routedTo, List<Example> examples,
            Function<LocalDate, Long> contractFor) {
        Set<String> used = new HashSet<>();
        List<String> references = new ArrayList<>();
        while (references.size() < examples.size()) {
            String reference = ReferenceNumbers.next();
            if (used.add(reference)) {
                references.add(reference);
            }
        }
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            Example e = examples.get(i);
            Timestamp received = Timestamp.from(e.receivedOn().atTime(LocalTime.of(10, 0)).toInstant(ZoneOffset.UTC));
            String first = FIRST[i % FIRST.length];
            String last = LAST[(i / FIRST.length) % LAST.length];
            rows.add(new Object[] {references.get(i), e.status().name(), ReferralSource.PARTNER.name(), received,
                    Timestamp.from(received.toInstant().plusSeconds(2 * 86_400)), routedTo, "SELF", first, last,
                    Date.valueOf(LocalDate.of(1960 + i % 40, 1 + i % 12, 1 + i % 28)), POSTCODES[i % POSTCODES.length],
                    "PHONE", e.inWork() ? EmploymentStatus.OFF_SICK.name() : EmploymentStatus.UNEMPLOYED.name(),
                    true, "demo-trial|" + references.get(i), programmeId, e.status().open() ? null : received});
        }
        jdbcTemplate.batchUpdate("""
                INSERT INTO referral (reference, status, source, received_at, response_due_at, routed_organisation_id,
                    referring_for, first_name, last_name, date_of_birth, postcode, contact_preference,
                    employment_status, consent_to_contact, match_key, programme_id, decided_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        Map<String, Long> ids = new LinkedHashMap<>();
        for (int from = 0; from < references.size(); from += 500) {
            jdbc.sql("SELECT id, reference FROM referral WHERE reference IN (:refs)")
                    .param("refs", references.subList(from, Math.min(references.size(), from + 500)))
                    .query((rs, n) -> ids.put(rs.getString(2), rs.getLong(1))).list();
        }
        List<Long> made = references.stream().map(ids::get).toList();
        List<NewMilestone> receivedMilestones = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            Example e = examples.get(i);
            EmploymentStatus status = e.inWork() ? EmploymentStatus.OFF_SICK : EmploymentStatus.UNEMPLOYED;
            receivedMilestones.add(new NewMilestone(MilestoneType.REFERRAL_RECEIVED, null, made.get(i), programmeId,
                    contractFor.apply(e.receivedOn()), routedTo, e.receivedOn(), Map.of("employment_status",
                            status.name(), "in_work", String.valueOf(status.inWork())), null));
        }
        milestones.recordAll(receivedMilestones);
        return made;
    }
}
