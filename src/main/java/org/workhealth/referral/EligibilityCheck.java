package org.workhealth.referral;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.workhealth.organisation.AccessPolicy;
import org.workhealth.organisation.Organisation;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.programme.Contract;
import org.workhealth.programme.Programmes;
import org.workhealth.referral.internal.ReferralRules;

/**
 * Applies a programme's eligibility rules to a referral, and suggests a cohort, for triage. The caller
 * has already checked the person may see the referral; this only reads.
 *
 * <p>Ages and weeks out of work are measured on the day the referral was received (Europe/London).
 *
 * <p><b>In the area</b> ({@code IN_AREA}): the programme's area is every area ({@code referral_area}: GP practice
 * codes and postcode districts) held by an organisation that delivers or commissions one of the programme's
 * contracts, or by any organisation below one of them (a locality under a commissioning hub, a team under a
 * provider). The person is in the area when the organisation holding their GP practice code, or holding their
 * postcode district, is one of those. Local authority areas cannot be matched because the referral does not record
 * a local authority. The organisation the referral was routed to does not count on its own: routing picks the
 * organisation covering the person whatever the programme, so it would pass every programme.
 *
 * <p><b>Not already on the programme</b> ({@code NOT_ALREADY_ACTIVE}): no other referral with the same match key
 * (normalised name, date of birth and postcode) or the same NHS number has status ACCEPTED for the same programme.
 */
@Service
class EligibilityCheck {

    private final JdbcClient jdbc;
    private final EligibilityRules rules;
    private final AccessPolicy access;
    private final Organisations organisations;
    private final Programmes programmes;
    private final Clock clock;

    EligibilityCheck(JdbcClient jdbc, EligibilityRules rules, AccessPolicy access, Organisations organisations,
            Programmes programmes, Clock clock) {
        this.programmes = programmes;
        this.jdbc = jdbc;
        this.rules = rules;
        this.access = access;
        this.organisations = organisations;
        this.clock = clock;
    }

    /** Each of the programme's rules, in order, passed or failed and why; empty when the programme has none. */
    List<RuleOutcome> assess(long referralId, long programmeId) {
        List<EligibilityRule> programmeRules = rules.rules(programmeId);
        if (programmeRules.isEmpty()) {
            return List.of();
        }
        PersonFacts person = facts(referralId, programmeId);
        return programmeRules.stream().map(rule -> rule.evaluate(person)).toList();
    }

    /** The cohort of the programme's first cohort rule that holds, and why; empty when none holds. */
    Optional<SuggestedCohort> suggestCohort(long referralId, long programmeId) {
        List<CohortRule> cohortRules = rules.cohortRules(programmeId);
        if (cohortRules.isEmpty()) {
            return Optional.empty();
        }
        return suggest(cohortRules, facts(referralId, programmeId));
    }

    /** First match wins. */
    static Optional<SuggestedCohort> suggest(List<CohortRule> cohortRules, PersonFacts person) {
        for (CohortRule rule : cohortRules) {
            Optional<String> why = rule.why(person);
            if (why.isPresent()) {
                return Optional.of(new SuggestedCohort(rule.cohortId(), rule.cohortName(), why.get()));
            }
        }
        return Optional.empty();
    }

    private record Row(String reference, Timestamp receivedAt, LocalDate dateOfBirth, String postcode,
            String gpPracticeCode, String employmentStatus, LocalDate unemployedSince, boolean mentalHealth,
            boolean musculoskeletal, boolean otherCondition, String waitingForTreatment, String matchKey,
            String nhsNumber) {
    }

    PersonFacts facts(long referralId, long programmeId) {
        Row row = jdbc.sql("""
                        SELECT reference, received_at, date_of_birth, postcode, gp_practice_code, employment_status,
                               unemployed_since, condition_mental_health, condition_musculoskeletal, condition_other,
                               waiting_for_treatment, match_key, nhs_number
                        FROM referral WHERE id = ?
                        """)
                .param(referralId)
                .query((rs, n) -> new Row(rs.getString("reference"), rs.getTimestamp("received_at"),
                        rs.getObject("date_of_birth", LocalDate.class), rs.getString("postcode"),
                        rs.getString("gp_practice_code"), rs.getString("employment_status"),
                        rs.getObject("unemployed_since", LocalDate.class), rs.getBoolean("condition_mental_health"),
                        rs.getBoolean("condition_musculoskeletal"), rs.getBoolean("condition_other"),
                        rs.getString("waiting_for_treatment"), rs.getString("match_key"), rs.getString("nhs_number")))
                .optional().orElseThrow(OutOfScopeException::new);
        LocalDate referredOn = row.receivedAt().toInstant().atZone(clock.getZone()).toLocalDate();
        String district = ReferralRules.postcodeDistrict(row.postcode());
        return new PersonFacts(row.dateOfBirth(), referredOn, district, row.gpPracticeCode(),
                row.employmentStatus() == null ? null : EmploymentStatus.valueOf(row.employmentStatus()),
                row.unemployedSince(), row.mentalHealth(), row.musculoskeletal(), row.otherCondition(),
                row.waitingForTreatment(), areaMatch(programmeId, row.gpPracticeCode(), district),
                activeReference(referralId, programmeId, row.matchKey(), row.nhsNumber()));
    }

    /** How the person is in the programme's area, or null; see the class comment for what the area is. */
    private String areaMatch(long programmeId, String gpPracticeCode, String district) {
        Set<Long> programmeOrganisations = new HashSet<>();
        for (Contract contract : programmes.contractsOf(programmeId)) {
            programmeOrganisations.addAll(access.scopeOf(contract.providerOrganisationId()));
            programmeOrganisations.addAll(access.scopeOf(contract.commissionerOrganisationId()));
        }
        if (programmeOrganisations.isEmpty()) {
            return null;
        }
        if (gpPracticeCode != null) {
            Optional<Long> holder = areaHolder(AreaKind.GP_PRACTICE, gpPracticeCode);
            if (holder.isPresent() && programmeOrganisations.contains(holder.get())) {
                return "GP practice " + gpPracticeCode + " (" + name(holder.get()) + ")";
            }
        }
        if (district != null) {
            Optional<Long> holder = areaHolder(AreaKind.POSTCODE_DISTRICT, district);
            if (holder.isPresent() && programmeOrganisations.contains(holder.get())) {
                return "Postcode district " + district + " (" + name(holder.get()) + ")";
            }
        }
        return null;
    }

    private Optional<Long> areaHolder(AreaKind kind, String code) {
        return jdbc.sql("SELECT organisation_id FROM referral_area WHERE kind = ? AND code = ?")
                .params(kind.name(), code).query(Long.class).optional();
    }

    private String name(long organisationId) {
        return organisations.find(organisationId).map(Organisation::name).orElse("an organisation");
    }

    private String activeReference(long referralId, long programmeId, String matchKey, String nhsNumber) {
        return jdbc.sql("""
                        SELECT reference FROM referral
                        WHERE id <> ? AND programme_id = ? AND status = ?
                          AND (match_key = ? OR (nhs_number IS NOT NULL AND nhs_number = ?))
                        ORDER BY id FETCH FIRST 1 ROWS ONLY
                        """)
                .params(referralId, programmeId, ReferralStatus.ACCEPTED.name(), matchKey, nhsNumber)
                .query(String.class).optional().orElse(null);
    }
}
