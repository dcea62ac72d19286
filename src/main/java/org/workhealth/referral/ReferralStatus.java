package org.workhealth.referral;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Where a referral has got to, as referrers see it, and the moves between statuses ({@link Move}): the one place
 * that says which status may become which. Tag colours are the templates' (templates/referral/status.html).
 */
public enum ReferralStatus {
    RECEIVED("Received"),
    IN_TRIAGE("In triage"),
    ACCEPTED("Accepted"),
    /**
     * No move leads here: passing a referral on leaves it RECEIVED at the new organisation ({@link Move#ROUTE}). The
     * value stays so that every stored status still reads.
     */
    ROUTED("Passed to another service"),
    SIGNPOSTED("Signposted"),
    DECLINED("Declined"),
    UNABLE_TO_CONTACT("Unable to contact"),
    /** Randomised to a trial's control arm: no case is opened on the programme (docs/trials.md, "The control arm"). */
    TRIAL_CONTROL("Allocated to the control arm");

    /** Still waiting for a triage decision. */
    static final Set<ReferralStatus> OPEN = EnumSet.of(RECEIVED, IN_TRIAGE);

    /**
     * The moves a referral makes, each to one status from the statuses listed. The conditional
     * {@code UPDATE referral … WHERE status IN (…)} binds {@link #fromNames()}, so two people deciding at once
     * cannot both move it.
     */
    enum Move {
        START_TRIAGE(IN_TRIAGE, EnumSet.of(RECEIVED)),
        /** Passed to another organisation: waiting there again, its response clock still running. */
        ROUTE(RECEIVED, OPEN),
        ACCEPT(ACCEPTED, OPEN),
        SIGNPOST(SIGNPOSTED, OPEN),
        DECLINE(DECLINED, OPEN),
        ALLOCATE_TO_CONTROL(TRIAL_CONTROL, OPEN),
        /** At first contact the person says they do not want support. */
        DECLINE_AT_FIRST_CONTACT(DECLINED, EnumSet.of(ACCEPTED)),
        NOT_CONTACTED(UNABLE_TO_CONTACT, EnumSet.of(ACCEPTED));

        private final ReferralStatus to;
        private final Set<ReferralStatus> from;

        Move(ReferralStatus to, Set<ReferralStatus> from) {
            this.to = to;
            this.from = from;
        }

        ReferralStatus to() {
            return to;
        }

        Set<ReferralStatus> from() {
            return from;
        }

        /** The statuses the move may start from, as stored, for binding to {@code status IN (…)}. */
        List<String> fromNames() {
            return from.stream().map(Enum::name).toList();
        }
    }

    private final String label;

    ReferralStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Still waiting for a triage decision. */
    public boolean open() {
        return OPEN.contains(this);
    }

    /** Whether some move takes a referral from this status to the next. */
    public boolean canBecome(ReferralStatus next) {
        return Arrays.stream(Move.values()).anyMatch(m -> m.to == next && m.from.contains(this));
    }
}
