package org.workhealth.subjectaccess;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.workhealth.audit.AuditLog;
import org.workhealth.audit.AuditedRecord;
import org.workhealth.organisation.AccessPolicy;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.Permission;
import org.workhealth.organisation.Role;

/**
 * Answers subject access requests for the organisations a provider manager or commissioner answers for: finds the
 * person's referrals that any of those organisations holds (the referral, or a case from it), and gathers
 * everything each module holds about one of them. Every search, view and export is in the audit log; a referral
 * outside the person's scope is never listed, and asking for it by id is "not found".
 */
@Service
class SubjectAccessRequests {

    /** A referral found, with the organisations in scope that hold records from it. */
    record Found(Subject subject, long organisationId, String heldBy) {
    }

    /** Everything held about the person one referral is about. */
    record SubjectFile(Found found, List<RecordSet> sets) {

        Subject subject() {
            return found.subject();
        }
    }

    private final SubjectFinder finder;
    private final List<HeldRecords> holders;
    private final AccessPolicy access;
    private final Organisations organisations;
    private final AuditLog audit;

    SubjectAccessRequests(SubjectFinder finder, List<HeldRecords> holders, AccessPolicy access,
            Organisations organisations, AuditLog audit) {
        this.finder = finder;
        this.holders = holders.stream().sorted(Comparator.comparingInt(HeldRecords::order)).toList();
        this.access = access;
        this.organisations = organisations;
        this.audit = audit;
    }

    /** Provider managers and commissioners answer requests; they see personal data for their organisations. */
    static boolean mayAnswer(CurrentUser user) {
        return (user.has(Role.PROVIDER_MANAGER) || user.has(Role.COMMISSIONER))
                && user.has(Permission.VIEW_PERSONAL_DATA);
    }

    List<Found> search(CurrentUser user, SubjectQuery query) {
        List<Found> found = inScope(user, finder.find(query));
        audit.recordListView("subject-access-search",
                AuditedRecord.all("referral", found.stream().map(f -> f.subject().referralId()).toList()));
        return found;
    }

    SubjectFile file(CurrentUser user, long referralId) {
        Found found = find(user, referralId);
        audit.recordView("subject-access", referralId, found.organisationId());
        return gather(found);
    }

    SubjectFile export(CurrentUser user, long referralId, String format) {
        Found found = find(user, referralId);
        // A download shows the person's data as a page does: one view, naming the download it was.
        audit.recordView("subject-access-" + format.toLowerCase(java.util.Locale.ROOT), referralId,
                found.organisationId());
        return gather(found);
    }

    private Found find(CurrentUser user, long referralId) {
        return inScope(user, finder.find(referralId).stream().toList()).stream().findFirst()
                .orElseThrow(OutOfScopeException::new);
    }

    private SubjectFile gather(Found found) {
        long referralId = found.subject().referralId();
        return new SubjectFile(found, holders.stream().flatMap(h -> h.heldAbout(referralId).stream()).toList());
    }

    /** The subjects held by an organisation in the person's scope, with who holds them: one query per module. */
    private List<Found> inScope(CurrentUser user, List<Subject> subjects) {
        if (!mayAnswer(user)) {
            throw new OutOfScopeException();
        }
        Set<Long> scope = access.scope(user);
        List<Long> ids = subjects.stream().map(Subject::referralId).toList();
        Map<Long, Set<Long>> heldBy = new HashMap<>();
        for (HeldRecords holder : holders) {
            holder.holders(ids).forEach((id, orgs) -> heldBy.computeIfAbsent(id, k -> new HashSet<>()).addAll(orgs));
        }
        Map<Long, String> names = organisations.namesById();
        return subjects.stream().map(subject -> {
            List<Long> ours = heldBy.getOrDefault(subject.referralId(), Set.of()).stream().filter(scope::contains)
                    .sorted().toList();
            return ours.isEmpty() ? null : new Found(subject, ours.get(0),
                    ours.stream().map(names::get).sorted().collect(Collectors.joining(", ")));
        }).filter(java.util.Objects::nonNull).toList();
    }
}
