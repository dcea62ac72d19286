package org.workhealth.referral;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.workhealth.casework.CaseSubject;
import org.workhealth.casework.CaseSubjects;
import org.workhealth.casework.EmployerContactConsents;
import org.workhealth.casework.ParticipantContacts;

/**
 * The person a referral is about, for other modules. Callers check access to their own record
 * (a case, say) before asking. Casework asks through its {@link CaseSubjects} port, so that it
 * need not depend on this module.
 */
@Service
class ReferralSummaries implements CaseSubjects, EmployerContactConsents, ParticipantContacts {

    private final JdbcClient jdbc;

    ReferralSummaries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<CaseSubject> forReferral(long referralId) {
        return jdbc.sql("SELECT first_name, last_name, date_of_birth FROM referral WHERE id = ?").param(referralId)
                .query((rs, n) -> new CaseSubject(rs.getString("first_name") + " " + rs.getString("last_name"),
                        rs.getDate("date_of_birth").toLocalDate()))
                .optional();
    }

    /**
     * Whether the person agreed on their referral that their employer may be contacted; false for
     * an unknown referral. Casework asks through its {@link EmployerContactConsents} port.
     */
    @Override
    public boolean consentToContactEmployer(long referralId) {
        return jdbc.sql("SELECT consent_to_contact_employer FROM referral WHERE id = ?").param(referralId)
                .query(Boolean.class).optional().orElse(false);
    }

    /** One query for however many cases a message run covers. */
    @Override
    public Map<Long, Contact> forReferrals(Collection<Long> referralIds) {
        Map<Long, Contact> contacts = new HashMap<>();
        List<Long> ids = referralIds.stream().distinct().toList();
        if (ids.isEmpty()) {
            return contacts;
        }
        jdbc.sql("SELECT id, first_name, email, phone, contact_preference FROM referral WHERE id IN (:ids)")
                .param("ids", ids).query(rs -> {
                    contacts.put(rs.getLong("id"), new Contact(rs.getString("first_name"), rs.getString("email"),
                            rs.getString("phone"), rs.getString("contact_preference")));
                });
        return contacts;
    }
}
