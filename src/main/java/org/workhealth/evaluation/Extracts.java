package org.workhealth.evaluation;

import java.io.OutputStream;
import java.time.Clock;

import org.springframework.stereotype.Service;
import org.workhealth.audit.AuditLog;
import org.workhealth.organisation.CurrentUser;

/**
 * Making an extract under an agreement (streamed to the caller's output), logging it with its row count and
 * checksum, and reproducing a logged one: re-running it into nothing but a checksum and saying whether it matches.
 */
@Service
class Extracts {

    private final ParticipantExtract participantExtract;
    private final AggregateExtract aggregateExtract;
    private final ExtractLog log;
    private final AuditLog audit;
    private final Clock clock;

    Extracts(ParticipantExtract participantExtract, AggregateExtract aggregateExtract, ExtractLog log,
            AuditLog audit, Clock clock) {
        this.participantExtract = participantExtract;
        this.aggregateExtract = aggregateExtract;
        this.log = log;
        this.audit = audit;
        this.clock = clock;
    }

    static String parameters(Agreement a) {
        return "programme=" + a.programmeId() + ";trial=" + (a.trialId() == null ? "" : a.trialId()) + ";fields="
                + String.join(",", a.fields().stream().map(Enum::name).toList()) + ";data=" + a.dataFrom() + ".."
                + a.dataTo() + ";dates=" + a.dateHandling() + (a.dateHandling() == DateHandling.SHIFTED
                        ? "+-" + a.shiftDays() : "") + ";threshold=" + a.smallCellThreshold();
    }

    /** Writes the extract to {@code out}, then logs and audits it. */
    ExtractResult make(CurrentUser user, Agreement agreement, ExtractLog.Kind kind, OutputStream out) {
        ExtractResult result = run(agreement, kind, out);
        long id = log.record(agreement, kind, user.id(), clock.instant(), parameters(agreement), result, null, null);
        audit.recordChange("EXTRACT", "evaluation_agreement", agreement.id(), agreement.ownerOrganisationId(),
                kind.name().toLowerCase() + " extract " + id + " under agreement version " + agreement.version()
                        + ": " + result.rows() + " rows, SHA-256 " + result.sha256());
        return result;
    }

    /** Re-runs a logged extract (under the version it was made under) and logs whether the checksum matches. */
    ExtractLog.Entry reproduce(CurrentUser user, Agreement agreement, ExtractLog.Entry original) {
        ExtractResult result = run(agreement, original.kind(), Checksummed.nowhere());
        boolean matched = result.sha256().equals(original.sha256());
        long id = log.record(agreement, original.kind(), user.id(), clock.instant(), parameters(agreement), result,
                original.id(), matched);
        audit.recordChange("REPRODUCE", "evaluation_agreement", agreement.id(), agreement.ownerOrganisationId(),
                "Reproduced extract " + original.id() + ": " + result.rows() + " rows, "
                        + (matched ? "checksum matches" : "checksum differs"));
        return log.find(id).orElseThrow();
    }

    private ExtractResult run(Agreement agreement, ExtractLog.Kind kind, OutputStream out) {
        return kind == ExtractLog.Kind.PARTICIPANTS ? participantExtract.write(agreement, out)
                : aggregateExtract.write(agreement, out);
    }
}
