package org.workhealth.funding.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.workhealth.calendar.Quarter;

/**
 * A quarter's claim as the provider and commissioner see it: the lines, each with why it is there, and the
 * history. A draft or returned claim is worked out afresh; a submitted or approved one is what was submitted.
 *
 * @param claimId null until the claim is first submitted
 * @param notes   what stops the claim or explains it, such as a year with no funding set
 */
public record ClaimStatement(FundingAgreement agreement, Quarter quarter, ClaimStatus status, Long claimId,
        int version, List<ClaimLine> lines, List<String> notes, List<ClaimEvent> history, String returnReason) {

    public long totalPence() {
        return lines.stream().mapToLong(ClaimLine::amountPence).sum();
    }

    public String total() {
        return Money.format(totalPence());
    }

    public long subtotalPence(LineKind kind) {
        return lines.stream().filter(l -> l.kind() == kind).mapToLong(ClaimLine::amountPence).sum();
    }

    public String subtotal(LineKind kind) {
        return Money.format(subtotalPence(kind));
    }

    public List<ClaimLine> lines(LineKind kind) {
        return lines.stream().filter(l -> l.kind() == kind).toList();
    }

    /** The kinds of line the statement has, in statement order. */
    public List<LineKind> kinds() {
        return lines.stream().map(ClaimLine::kind).distinct().sorted().toList();
    }

    public long participantsCounted() {
        return lines.stream().filter(l -> l.kind() == LineKind.PERFORMANCE || l.kind() == LineKind.RESULT).count();
    }

    /**
     * A digest of the lines, which the submit form carries: if the evidence changed between the provider
     * reading the statement and pressing submit, they are shown the new statement instead of sending it unseen.
     */
    public String fingerprint() {
        StringBuilder text = new StringBuilder();
        for (ClaimLine line : lines) {
            text.append(line.kind()).append('|').append(line.forQuarter()).append('|').append(line.caseId())
                    .append('|').append(line.payable()).append('|').append(line.amountPence()).append('|')
                    .append(line.description()).append('\n');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean editable() {
        return status == ClaimStatus.DRAFT || status == ClaimStatus.RETURNED;
    }
}
