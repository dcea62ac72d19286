package org.workhealth.subjectaccess;

import java.util.List;
import java.util.Optional;

/**
 * Finds the people a subject access request is about, wherever they are held; {@link HeldRecords} then says which
 * organisations hold them. The referral module, which holds who people are, implements it.
 */
public interface SubjectFinder {

    /** Every referral matching the query, newest first. */
    List<Subject> find(SubjectQuery query);

    Optional<Subject> find(long referralId);
}
