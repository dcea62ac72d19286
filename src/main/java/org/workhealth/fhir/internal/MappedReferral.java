package org.workhealth.fhir.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.workhealth.referral.EmploymentStatus;
import org.workhealth.referral.SystemReferral;
import org.workhealth.referral.SystemReferrals;

/**
 * The web form's answers as read from FHIR resources, with where each came from (or would have come from), so
 * that the intake's problems, which name the answer, can point at the FHIR element.
 */
final class MappedReferral {

    String referrerName;
    String referrerContact;
    boolean personAgrees;
    String firstName;
    String lastName;
    LocalDate dateOfBirth;
    String nhsNumber;
    String phone;
    String email;
    String addressLine1;
    String addressLine2;
    String town;
    String postcode;
    String contactPreference;
    String gpPractice;
    String gpPracticeCode;
    EmploymentStatus employmentStatus;
    LocalDate unemployedSince;
    String employerName;
    Boolean hasFitNote;
    LocalDate fitNoteSince;
    boolean mentalHealth;
    boolean musculoskeletal;
    boolean otherCondition;
    String conditionDetails;
    String helpWanted;
    boolean consentToContact;
    boolean consentToContactEmployer;

    private final Map<String, String> where = new HashMap<>();
    private final List<SystemReferrals.Problem> problems = new ArrayList<>();

    /** A problem found in reading the resources, before the intake's rules are applied. */
    void problem(String field, String message) {
        problems.add(new SystemReferrals.Problem(field, message));
    }

    List<SystemReferrals.Problem> problems() {
        return problems;
    }

    /** Records the FHIRPath an answer is read from. */
    void at(String field, String expression) {
        where.put(field, expression);
    }

    /** The FHIRPath of the answer, or null when the service cannot say. */
    String where(String field) {
        return where.get(field);
    }

    /** The texts that go into text columns, by answer, for the control character check. */
    Map<String, String> texts() {
        Map<String, String> texts = new HashMap<>();
        texts.put("referrerName", referrerName);
        texts.put("referrerContact", referrerContact);
        texts.put("firstName", firstName);
        texts.put("lastName", lastName);
        texts.put("nhsNumber", nhsNumber);
        texts.put("phone", phone);
        texts.put("email", email);
        texts.put("addressLine1", addressLine1);
        texts.put("addressLine2", addressLine2);
        texts.put("town", town);
        texts.put("postcode", postcode);
        texts.put("gpPractice", gpPractice);
        texts.put("gpPracticeCode", gpPracticeCode);
        texts.put("employerName", employerName);
        texts.put("conditionDetails", conditionDetails);
        texts.put("helpWanted", helpWanted);
        return texts;
    }

    SystemReferral referral() {
        return new SystemReferral(referrerName, referrerContact, personAgrees, firstName, lastName, dateOfBirth,
                nhsNumber, phone, email, addressLine1, addressLine2, town, postcode, contactPreference, null,
                gpPractice, gpPracticeCode, employmentStatus, unemployedSince, employerName, hasFitNote, fitNoteSince,
                mentalHealth, musculoskeletal, otherCondition, conditionDetails, null, helpWanted, consentToContact,
                consentToContactEmployer);
    }
}
