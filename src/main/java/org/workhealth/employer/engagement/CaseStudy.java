package org.workhealth.employer.engagement;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A case study of one employer's work on workforce wellbeing.
 *
 * @param consentGivenBy who at the employer agreed to its publication, once recorded
 */
record CaseStudy(long id, long employerId, String employerName, long hubOrganisationId, String title, String body,
        CaseStudyStatus status, String consentGivenBy, Long consentRecordedBy, Instant consentRecordedAt,
        LocalDate publishedOn, int version) {

    static final int TITLE_MAX = 160;
    static final int BODY_MAX = 4000;
    static final int CONSENT_NAME_MAX = 100;
}
