package org.workhealth.trial;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;
import org.workhealth.organisation.AccessPolicy;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.Permission;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;
import org.workhealth.trial.internal.Allocation;
import org.workhealth.trial.internal.TrialDesign;
import org.workhealth.trial.internal.TrialLockedException;
import org.workhealth.trial.internal.TrialRepository;
import org.workhealth.trial.internal.TrialSeedCipher;

/**
 * Setting up trials. A commissioner of the organisation that owns the programme (or above it) sets up and changes
 * a trial; nobody changes it once the first unit is randomised. Allocations are shown only to the roles the trial
 * names, in the owning organisation's scope.
 */
@Service
public class Trials {

    private final TrialRepository trials;
    private final Programmes programmes;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final TrialSeedCipher cipher;
    private final Clock clock;

    Trials(TrialRepository trials, Programmes programmes, AccessPolicy access, AuditLog audit, TrialSeedCipher cipher,
            Clock clock) {
        this.trials = trials;
        this.programmes = programmes;
        this.access = access;
        this.audit = audit;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Transactional
    public Trial create(CurrentUser user, TrialDesign design) {
        Programme programme = programmes.find(design.programmeId()).orElseThrow(OutOfScopeException::new);
        access.require(user, Permission.MANAGE_PROGRAMMES, programme.ownerOrganisationId());
        return createUnchecked(design, programme.ownerOrganisationId());
    }

    /** For demo data, where nobody is signed in. */
    @Transactional
    public Trial createUnchecked(TrialDesign design, long ownerOrganisationId) {
        long id = trials.insert(design, ownerOrganisationId);
        audit.recordChange("CREATE", "trial", id, ownerOrganisationId, design.code());
        return trials.find(id).orElseThrow();
    }

    /** @throws TrialLockedException once a unit has been randomised */
    @Transactional
    public Trial update(CurrentUser user, long id, TrialDesign design) {
        Trial trial = manageable(user, id);
        Trial current = trials.findForUpdate(id).orElseThrow();
        if (current.locked()) {
            throw new TrialLockedException();
        }
        trials.update(id, design);
        audit.recordChange("UPDATE", "trial", id, trial.ownerOrganisationId(), design.code());
        return trials.find(id).orElseThrow();
    }

    /** The trial, with no access check: for the randomisation page, whose access is the referral's. */
    public Optional<Trial> find(long id) {
        return trials.find(id);
    }

    public boolean codeInUse(String code) {
        return trials.codeInUse(code);
    }

    /** A trial the person may see: a programme viewer or allocation viewer in the owning organisation's scope. */
    public Trial visible(CurrentUser user, long id) {
        Trial trial = trials.find(id).orElseThrow(OutOfScopeException::new);
        if (!mayView(user, trial)) {
            throw new OutOfScopeException();
        }
        return trial;
    }

    public Trial manageable(CurrentUser user, long id) {
        Trial trial = trials.find(id).orElseThrow(OutOfScopeException::new);
        access.require(user, Permission.MANAGE_PROGRAMMES, trial.ownerOrganisationId());
        return trial;
    }

    public boolean mayManage(CurrentUser user, Trial trial) {
        return access.may(user, Permission.MANAGE_PROGRAMMES, trial.ownerOrganisationId());
    }

    public boolean mayView(CurrentUser user, Trial trial) {
        return access.may(user, Permission.VIEW_PROGRAMMES, trial.ownerOrganisationId()) || maySeeAllocations(user, trial);
    }

    /** Only the roles the trial names, and only within the owning organisation's scope. */
    public boolean maySeeAllocations(CurrentUser user, Trial trial) {
        return user != null && trial.allocationViewers().stream().anyMatch(user::has)
                && access.scope(user).contains(trial.ownerOrganisationId());
    }

    public List<Trial> visibleTo(CurrentUser user) {
        return trials.all().stream().filter(t -> mayView(user, t)).toList();
    }

    /** Trials of a programme open for randomisation today (for the triage page's link). */
    public Optional<Trial> recruiting(long programmeId) {
        return trials.forProgramme(programmeId).stream()
                .filter(t -> t.unit() == TrialUnit.PARTICIPANT && t.recruitingOn(java.time.LocalDate.now(clock)))
                .findFirst();
    }

    /** Every allocation, for those the trial allows; one audit entry for the list. */
    public List<Allocation> allocations(CurrentUser user, Trial trial) {
        if (!maySeeAllocations(user, trial)) {
            throw new OutOfScopeException();
        }
        audit.recordView("trial_allocations", trial.id(), trial.ownerOrganisationId());
        return trials.allocations(trial.id());
    }

    /**
     * The seed, hex-encoded, handed once to the trial statistician (a commissioner acting for them) so the sequence
     * can be regenerated for audit. A second export is refused: a seed that could be read any time would let
     * someone compute the next allocation.
     */
    @Transactional
    public Optional<String> exportSeed(CurrentUser user, long id) {
        Trial trial = manageable(user, id);
        if (!trials.markSeedExported(id, user.id(), clock.instant())) {
            return Optional.empty();
        }
        audit.recordChange("EXPORT_SEED", "trial", id, trial.ownerOrganisationId(), "Seed exported for audit");
        byte[] seed = cipher.decrypt(trials.encryptedSeed(id).orElseThrow());
        return Optional.of(java.util.HexFormat.of().formatHex(seed));
    }
}
