package org.workhealth.casework;

import org.workhealth.milestone.MilestoneType;

/** What a person achieved, and the milestone each writes. */
enum OutcomeKind {
    JOB_START("Job start", MilestoneType.JOB_START),
    JOB_RETENTION("Job retention", MilestoneType.JOB_RETENTION),
    EDUCATION_START("Education or training start", MilestoneType.EDUCATION_START),
    VOLUNTEERING_START("Volunteering start", MilestoneType.VOLUNTEERING_START);

    private final String label;
    private final MilestoneType milestone;

    OutcomeKind(String label, MilestoneType milestone) {
        this.label = label;
        this.milestone = milestone;
    }

    String label() {
        return label;
    }

    MilestoneType milestone() {
        return milestone;
    }
}
