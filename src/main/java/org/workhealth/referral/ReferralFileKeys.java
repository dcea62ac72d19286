package org.workhealth.referral;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.workhealth.referral.internal.MatchKey;
import org.workhealth.referral.internal.ReferralAnswers;
import org.workhealth.referral.internal.ReferralRules;

/** Fingerprints of bulk referral files and their rows, so that neither is imported twice. */
final class ReferralFileKeys {

    private ReferralFileKeys() {
    }

    /**
     * The row's submission key: the same person's row from the same organisation gives the same key
     * in any later file, however it is spaced, cased or its dates written, so it is imported once.
     */
    static String submissionKey(long organisationId, ReferralAnswers a) {
        StringBuilder canonical = new StringBuilder().append("bulk|").append(organisationId);
        Object[] parts = {MatchKey.name(a.firstName()), MatchKey.name(a.lastName()), a.dateOfBirth(),
                ReferralRules.normaliseNhsNumber(a.nhsNumber()), ReferralRules.normalisePhone(a.phone()), a.email(),
                a.addressLine1(), a.addressLine2(), a.town(), ReferralRules.normalisePostcode(a.postcode()),
                a.contactPreference(), a.bestTimes(), a.gpPractice(), a.gpPracticeCode(), a.employmentStatus(),
                a.unemployedSince(), a.employerName(), a.hasFitNote(), a.fitNoteSince(), a.mentalHealth(),
                a.musculoskeletal(), a.otherCondition(), a.conditionDetails(), a.waitingForTreatment(),
                a.helpWanted(), a.consentToContact(), a.consentToContactEmployer()};
        for (Object part : parts) {
            canonical.append('\u001f');
            if (part != null) {
                canonical.append(part.toString().strip().replaceAll("\\s+", " ").toLowerCase(Locale.UK));
            }
        }
        return sha256(canonical.toString().getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
