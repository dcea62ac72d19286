package org.workhealth.returns;

import java.util.List;

import org.springframework.stereotype.Component;
import org.workhealth.programme.Programmes;

/**
 * The demo's return templates. WorkWell's quarterly data return (Bury, September 2024, in docs/sources.md:
 * compiled locally, collated by the hub, submitted to the national department, with payment depending on
 * returns arriving by the due date) carries the programme's KPI figures and the participant-level extract.
 * The report gives no due date; 20 days after the quarter ends is an assumption a commissioner would replace.
 */
@Component
public class ReturnExamples {

    static final int WORKWELL_DUE_DAYS = 20;

    private final ReturnTemplates templates;
    private final Programmes programmes;

    ReturnExamples(ReturnTemplates templates, Programmes programmes) {
        this.templates = templates;
        this.programmes = programmes;
    }

    /** WorkWell's return template; the programme with code {@code WW} must exist. */
    public void workWell() {
        standard(programmes.findByCode("WW").orElseThrow().id(), "WorkWell quarterly data return");
    }

    /** WorkWell's template for another programme with WorkWell's KPIs, as a new programme would start from. */
    public void standard(long programmeId, String name) {
        templates.save(programmeId, name, WORKWELL_DUE_DAYS,
                List.of("REFERRALS", "ENGAGED", "ACTION_PLANS", "JOB_OUTCOMES", "CONVERSION"), standardColumns());
    }

    /** Every column the service compiles; the participant id, cohort, age band, status and referral are required. */
    static List<ReturnTemplate.Column> standardColumns() {
        List<ReturnColumn> required = List.of(ReturnColumn.PARTICIPANT_ID, ReturnColumn.COHORT,
                ReturnColumn.AGE_BAND, ReturnColumn.EMPLOYMENT_STATUS, ReturnColumn.REFERRED_ON);
        return java.util.Arrays.stream(ReturnColumn.values())
                .map(c -> new ReturnTemplate.Column(c.name(), required.contains(c))).toList();
    }
}
