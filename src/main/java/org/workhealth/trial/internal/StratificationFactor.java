package org.workhealth.trial.internal;

import org.workhealth.trial.TrialUnit;


/**
 * The fixed list of factors a trial may stratify (or minimise) on. The trial stores only the codes: the values come
 * from the unit itself when it is randomised, so nobody types a stratum in (and nobody can pick one to steer an
 * allocation).
 */
public enum StratificationFactor {
    LOCALITY("Locality", TrialUnit.PARTICIPANT),
    IN_WORK("In or out of work", TrialUnit.PARTICIPANT),
    COHORT("Cohort", TrialUnit.PARTICIPANT),
    SIZE_BAND("Size band", TrialUnit.EMPLOYER),
    SECTOR("Sector", TrialUnit.EMPLOYER);

    private final String label;
    private final TrialUnit unit;

    StratificationFactor(String label, TrialUnit unit) {
        this.label = label;
        this.unit = unit;
    }

    public String label() {
        return label;
    }

    public TrialUnit unit() {
        return unit;
    }
}
