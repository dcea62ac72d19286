package org.workhealth.employer.pilot;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.calendar.Quarter;
import org.workhealth.organisation.Organisations;

/**
 * The three rapid pilots of the WMCA Wellbeing Board paper "Thrive Programmes: Update" (6 March 2024, 2.2.3), run
 * in the last quarter of 2023/24 by the providers it names. The paper gives no budgets, sessions or measures: those
 * here are made up for the demo, and the pages say pilots' figures are the providers' reports.
 */
@Service
public class PilotExamples {

    private static final LocalDate STARTS = LocalDate.of(2024, 1, 8);
    private static final LocalDate ENDS = LocalDate.of(2024, 3, 28);
    private static final Quarter Q4 = Quarter.of(2023, 4);

    private final Pilots pilots;
    private final Organisations organisations;

    PilotExamples(Pilots pilots, Organisations organisations) {
        this.pilots = pilots;
        this.organisations = organisations;
    }

    /** The pilots, under the programme, at the hub; their providers become organisations below the hub. */
    @Transactional
    public void load(long programmeId, long hubOrganisationId, long recordedBy) {
        pilot(programmeId, hubOrganisationId, recordedBy, "Empowering workforces through behaviour change",
                "The Wellbeing Project", "Workshops, webinars and one-to-one training in psychological and "
                        + "cognitive-behavioural approaches, so employees and leaders support their own health and "
                        + "resilience at work.", 2_500_000L,
                new Object[][] {{10, SessionKind.WORKSHOP, 18}, {24, SessionKind.WEBINAR, 46}, {45, SessionKind.ONE_TO_ONE, 1},
                        {60, SessionKind.WORKSHOP, 22}},
                "Participants reporting better resilience", "71", "%");
        pilot(programmeId, hubOrganisationId, recordedBy, "Black Thrive", "Happiworkers",
                "Culturally sensitive workplace mental health support, especially for employees from ethnic minority "
                        + "backgrounds, open to all employees.", 2_000_000L,
                new Object[][] {{15, SessionKind.WORKSHOP, 14}, {38, SessionKind.EVENT, 35}, {66, SessionKind.TRAINING, 12}},
                "Participants who would recommend the support", "88", "%");
        pilot(programmeId, hubOrganisationId, recordedBy, "Thrive at Night", "The Drinks Trust",
                "Understanding of workforce mental health and business practice for staff in the night-time "
                        + "economy, replicating a Bristol initiative.", 1_500_000L,
                new Object[][] {{20, SessionKind.TRAINING, 16}, {52, SessionKind.WORKSHOP, 21}},
                "Night-time venues taking part", "9", "venues");
    }

    private void pilot(long programmeId, long hub, long recordedBy, String name, String provider, String aim,
            long budgetPence, Object[][] sessions, String measure, String value, String unit) {
        long providerId = organisations.findByName(provider)
                .orElseGet(() -> organisations.create(provider, "PROVIDER", hub, null)).id();
        long id = pilots.createUnchecked(new NewPilot(programmeId, hub, providerId, name, aim, STARTS, ENDS,
                budgetPence), recordedBy);
        for (Object[] session : sessions) {
            pilots.recordSession(id, STARTS.plusDays((Integer) session[0]), (SessionKind) session[1],
                    (Integer) session[2], recordedBy);
        }
        pilots.reportMeasure(id, measure, Q4, new BigDecimal(value), unit, recordedBy);
    }
}
