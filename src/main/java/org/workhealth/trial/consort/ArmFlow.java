package org.workhealth.trial.consort;

/**
 * One arm's column of the diagram. Every allocated unit is in exactly one of analysed, excluded from analysis (in
 * error, data withdrawn), lost to follow-up (final point lost, withdrew from further data) or follow-up not yet
 * complete; received + did not receive = allocated; discontinued (drop-outs) overlaps the others, as in CONSORT.
 */
public record ArmFlow(String code, String name, boolean control, int allocated, int received, int discontinued,
        int lostFinalPoint, int lostWithdrawn, int awaiting, int analysed, int excludedInError,
        int excludedDataWithdrawn) {

    public int notReceived() {
        return allocated - received;
    }

    public int lost() {
        return lostFinalPoint + lostWithdrawn;
    }

    public int excludedFromAnalysis() {
        return excludedInError + excludedDataWithdrawn;
    }

    /** Whether the column adds up: each allocated unit counted once after allocation. */
    public boolean addsUp() {
        return allocated == analysed + excludedFromAnalysis() + lost() + awaiting && received <= allocated
                && received >= 0;
    }
}
