package org.workhealth.trial.internal;


/** A change to a trial's design after its first randomisation: refused, with the reason shown to the user. */
public class TrialLockedException extends RuntimeException {

    public TrialLockedException() {
        super("This trial cannot be changed: its design was locked when the first unit was randomised");
    }
}
