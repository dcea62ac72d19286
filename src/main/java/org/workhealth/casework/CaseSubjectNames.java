package org.workhealth.casework;

import java.util.Collection;
import java.util.Map;

/**
 * The names of the people a list of cases is about, in one look-up. Like {@link CaseSubjects}, casework declares it
 * and the referral module, which keeps the names, implements it, so that casework never reads the referral table.
 */
public interface CaseSubjectNames {

    /** Full names by referral id; an unknown id has no entry. */
    Map<Long, String> fullNames(Collection<Long> referralIds);
}
