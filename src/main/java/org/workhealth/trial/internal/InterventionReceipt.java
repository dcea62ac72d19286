package org.workhealth.trial.internal;

import java.util.Collection;
import java.util.Set;
import org.workhealth.trial.Trial;
import org.workhealth.trial.TrialUnit;

/**
 * Which units of an intervention arm received the intervention, for the CONSORT diagram: participants by the
 * casework record (a case opened with an engagement); an employer trial's grant payments may say so for employers.
 * Set-based: one call for the whole arm.
 */
public interface InterventionReceipt {

    TrialUnit unit();

    Set<Long> received(Trial trial, Collection<Long> unitIds);
}
