package org.workhealth.subjectaccess;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one module holds about the person a referral is about. Each module that holds personal data implements it,
 * so a subject access export is complete without this module knowing any other module's tables.
 */
public interface HeldRecords {

    /** Orders the modules' sections in the export: the referral first, then the case. */
    int order();

    /** For each referral, the organisations that hold this module's records about its person (none: left out). */
    Map<Long, Set<Long>> holders(Collection<Long> referralIds);

    /** Every record the module holds that came from, or hangs off, this referral; empty sets left out. */
    List<RecordSet> heldAbout(long referralId);
}
