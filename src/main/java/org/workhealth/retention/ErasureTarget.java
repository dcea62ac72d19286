package org.workhealth.retention;

import java.util.Optional;

/**
 * Erasure of one person's referral, and its case if it has one, on their request. The referral module implements
 * it (it knows the referral and asks casework about the case), so this module names no other module's tables.
 */
public interface ErasureTarget {

    Optional<ErasureSubject> find(String reference);

    /**
     * Erases the referral and its case now, whatever the schedule says.
     *
     * @return how many records were erased (0 when it was refused or already erased)
     */
    int erase(String reference);
}
