package org.workhealth.casework;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.workhealth.subjectaccess.HeldRecords;
import org.workhealth.subjectaccess.RecordSet;

/** Everything a case holds about the person its referral is about, for a subject access export. */
@Component
class CaseHeldRecords implements HeldRecords {

    /** Each table of the case file with its title, read one table at a time for the case. */
    private static final List<String[]> BY_CASE = List.of(
            new String[] {"Appointments", "appointment"},
            new String[] {"Contact notes", "contact_note"},
            new String[] {"Assessments", "assessment"},
            new String[] {"Vocational profile", "vocational_profile"},
            new String[] {"Action plans", "action_plan"},
            new String[] {"Action plans shared with the employer", "plan_share"},
            new String[] {"Reviews", "case_review"},
            new String[] {"Onward referrals", "onward_referral"},
            new String[] {"Consent to share with services, given or withdrawn", "case_service_consent_change"},
            new String[] {"Consent to contact the employer, given or withdrawn later", "case_employer_consent_change"},
            new String[] {"Employer contact", "case_employer"},
            new String[] {"Workplace adjustments", "case_adjustment"},
            new String[] {"Outcomes", "case_outcome"},
            new String[] {"Sustainment checks", "sustainment_check"},
            new String[] {"Case history", "case_event"},
            new String[] {"How they get messages", "case_message_choice"},
            new String[] {"Measures", "measure_response"});

    private final JdbcClient jdbc;
    private final CaseMessages caseMessages;

    CaseHeldRecords(JdbcClient jdbc, CaseMessages caseMessages) {
        this.jdbc = jdbc;
        this.caseMessages = caseMessages;
    }

    @Override
    public int order() {
        return 2;
    }

    /** The organisation holding the case holds its file. */
    @Override
    public Map<Long, Set<Long>> holders(Collection<Long> referralIds) {
        if (referralIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Set<Long>> holders = new HashMap<>();
        jdbc.sql("SELECT referral_id, organisation_id FROM support_case WHERE referral_id IN (:ids)")
                .param("ids", referralIds).query((RowCallbackHandler) rs -> holders
                        .computeIfAbsent(rs.getLong(1), id -> new HashSet<>()).add(rs.getLong(2)));
        return holders;
    }

    @Override
    public List<RecordSet> heldAbout(long referralId) {
        List<RecordSet> sets = new ArrayList<>();
        List<Map<String, Object>> cases = jdbc.sql("SELECT * FROM support_case WHERE referral_id = ? ORDER BY id")
                .param(referralId).query(RecordSet.row("version")).list();
        add(sets, "Case", cases);
        for (Map<String, Object> supportCase : cases) {
            long caseId = ((Number) supportCase.get("id")).longValue();
            for (String[] table : BY_CASE) {
                // The table names are this class's own constants, never input.
                add(sets, table[0], jdbc.sql("SELECT * FROM " + table[1] + " WHERE case_id = ? ORDER BY 1")
                        .param(caseId).query(RecordSet.row()).list());
            }
            add(sets, "Action plan goals", jdbc.sql("""
                    SELECT g.* FROM plan_goal g JOIN action_plan p ON p.id = g.plan_id WHERE p.case_id = ? ORDER BY g.id
                    """).param(caseId).query(RecordSet.row()).list());
            add(sets, "Action plan actions", jdbc.sql("""
                    SELECT a.* FROM plan_action a JOIN action_plan p ON p.id = a.plan_id WHERE p.case_id = ?
                    ORDER BY a.id
                    """).param(caseId).query(RecordSet.row()).list());
            add(sets, "Measure answers", jdbc.sql("""
                    SELECT a.* FROM measure_answer a JOIN measure_response r ON r.id = a.response_id
                    WHERE r.case_id = ? ORDER BY a.id
                    """).param(caseId).query(RecordSet.row()).list());
            add(sets, "Messages about the case", caseMessages.heldFor(caseId));
        }
        return sets;
    }

    private static void add(List<RecordSet> sets, String title, List<Map<String, Object>> rows) {
        if (!rows.isEmpty()) {
            sets.add(new RecordSet(title, rows));
        }
    }
}
