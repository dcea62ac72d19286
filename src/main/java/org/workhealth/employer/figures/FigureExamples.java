package org.workhealth.employer.figures;

import java.time.LocalDate;

import org.springframework.stereotype.Service;

/** The demo's entered baseline of West Midlands employers, from before the service held them. */
@Service
public class FigureExamples {

    private final ThriveAtWorkFigures figures;

    FigureExamples(ThriveAtWorkFigures figures) {
        this.figures = figures;
    }

    public void load(long hub, long enteredBy) {
        figures.enterBaseline(hub, LocalDate.of(2019, 10, 24), 324, 135_000,
                "WMCA Wellbeing Board, West Midlands Thrive Update, 24 October 2019, 4.5", enteredBy);
    }
}
