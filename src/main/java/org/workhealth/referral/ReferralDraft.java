package org.workhealth.referral;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.workhealth.govuk.DateAnswer;
import org.workhealth.referral.internal.ContactPreference;
import org.workhealth.referral.internal.ReferralAnswers;

/**
 * The answers of a referral in progress, exactly as typed, kept in the person's session between
 * question pages. Each page binds only its own fields onto it.
 */
class ReferralDraft implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String submissionKey = UUID.randomUUID().toString();
    private String referringFor;
    private String referrerName;
    private String referrerContact;
    private String personAgrees;
    private String firstName;
    private String lastName;
    private String dobDay;
    private String dobMonth;
    private String dobYear;
    private String phone;
    private String email;
    private String addressLine1;
    private String addressLine2;
    private String town;
    private String postcode;
    private String contactPreference;
    private String bestTimes;
    private String gpPractice;
    private String nhsNumber;
    private String employmentStatus;
    private String unemployedDay;
    private String unemployedMonth;
    private String unemployedYear;
    private String employerName;
    private String hasFitNote;
    private String fitNoteDay;
    private String fitNoteMonth;
    private String fitNoteYear;
    private List<String> conditions = new ArrayList<>();
    private String conditionDetails;
    private String waitingForTreatment;
    private String helpWanted;
    private String consentToContact;
    private String consentToContactEmployer;
    private String sex;
    private String genderSameAsBirth;
    private String ethnicity;
    private String disability;
    private String caring;

    /** The answers in the shape the rules and the intake take; dates that do not parse are null. */
    public ReferralAnswers toAnswers() {
        boolean someoneElse = "SOMEONE_ELSE".equals(referringFor);
        return new ReferralAnswers(someoneElse, someoneElse ? "yes".equals(personAgrees) : null, referrerName,
                referrerContact, firstName, lastName, date(dobDay, dobMonth, dobYear), nhsNumber, phone, email,
                addressLine1, addressLine2, town, postcode, enumOf(ContactPreference.class, contactPreference),
                bestTimes, gpPractice, null, enumOf(EmploymentStatus.class, employmentStatus),
                date(unemployedDay, unemployedMonth, unemployedYear), employerName,
                hasFitNote == null ? null : "yes".equals(hasFitNote), date(fitNoteDay, fitNoteMonth, fitNoteYear),
                conditions.contains("MENTAL_HEALTH"), conditions.contains("MUSCULOSKELETAL"),
                conditions.contains("OTHER"), conditionDetails, waitingForTreatment, helpWanted,
                "yes".equals(consentToContact), "yes".equals(consentToContactEmployer), sex, genderSameAsBirth,
                ethnicity, disability, caring);
    }

    private static java.time.LocalDate date(String day, String month, String year) {
        if (!DateAnswer.answered(day, month, year)) {
            return null;
        }
        DateAnswer answer = DateAnswer.parse("Date", day, month, year);
        return answer.valid() ? answer.date() : null;
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public String getSubmissionKey() { return submissionKey; }
    public String getReferringFor() { return referringFor; }
    public void setReferringFor(String v) { referringFor = v; }
    public String getReferrerName() { return referrerName; }
    public void setReferrerName(String v) { referrerName = v; }
    public String getReferrerContact() { return referrerContact; }
    public void setReferrerContact(String v) { referrerContact = v; }
    public String getPersonAgrees() { return personAgrees; }
    public void setPersonAgrees(String v) { personAgrees = v; }
    public String getFirstName() { return firstName; }
    public void setFirstName(String v) { firstName = v; }
    public String getLastName() { return lastName; }
    public void setLastName(String v) { lastName = v; }
    public String getDobDay() { return dobDay; }
    public void setDobDay(String v) { dobDay = v; }
    public String getDobMonth() { return dobMonth; }
    public void setDobMonth(String v) { dobMonth = v; }
    public String getDobYear() { return dobYear; }
    public void setDobYear(String v) { dobYear = v; }
    public String getPhone() { return phone; }
    public void setPhone(String v) { phone = v; }
    public String getEmail() { return email; }
    public void setEmail(String v) { email = v; }
    public String getAddressLine1() { return addressLine1; }
    public void setAddressLine1(String v) { addressLine1 = v; }
    public String getAddressLine2() { return addressLine2; }
    public void setAddressLine2(String v) { addressLine2 = v; }
    public String getTown() { return town; }
    public void setTown(String v) { town = v; }
    public String getPostcode() { return postcode; }
    public void setPostcode(String v) { postcode = v; }
    public String getContactPreference() { return contactPreference; }
    public void setContactPreference(String v) { contactPreference = v; }
    public String getBestTimes() { return bestTimes; }
    public void setBestTimes(String v) { bestTimes = v; }
    public String getGpPractice() { return gpPractice; }
    public void setGpPractice(String v) { gpPractice = v; }
    public String getNhsNumber() { return nhsNumber; }
    public void setNhsNumber(String v) { nhsNumber = v; }
    public String getEmploymentStatus() { return employmentStatus; }
    public void setEmploymentStatus(String v) { employmentStatus = v; }
    public String getUnemployedDay() { return unemployedDay; }
    public void setUnemployedDay(String v) { unemployedDay = v; }
    public String getUnemployedMonth() { return unemployedMonth; }
    public void setUnemployedMonth(String v) { unemployedMonth = v; }
    public String getUnemployedYear() { return unemployedYear; }
    public void setUnemployedYear(String v) { unemployedYear = v; }
    public String getEmployerName() { return employerName; }
    public void setEmployerName(String v) { employerName = v; }
    public String getHasFitNote() { return hasFitNote; }
    public void setHasFitNote(String v) { hasFitNote = v; }
    public String getFitNoteDay() { return fitNoteDay; }
    public void setFitNoteDay(String v) { fitNoteDay = v; }
    public String getFitNoteMonth() { return fitNoteMonth; }
    public void setFitNoteMonth(String v) { fitNoteMonth = v; }
    public String getFitNoteYear() { return fitNoteYear; }
    public void setFitNoteYear(String v) { fitNoteYear = v; }
    public List<String> getConditions() { return conditions; }
    public void setConditions(List<String> v) { conditions = v == null ? new ArrayList<>() : new ArrayList<>(v); }
    public String getConditionDetails() { return conditionDetails; }
    public void setConditionDetails(String v) { conditionDetails = v; }
    public String getWaitingForTreatment() { return waitingForTreatment; }
    public void setWaitingForTreatment(String v) { waitingForTreatment = v; }
    public String getHelpWanted() { return helpWanted; }
    public void setHelpWanted(String v) { helpWanted = v; }
    public String getConsentToContact() { return consentToContact; }
    public void setConsentToContact(String v) { consentToContact = v; }
    public String getConsentToContactEmployer() { return consentToContactEmployer; }
    public void setConsentToContactEmployer(String v) { consentToContactEmployer = v; }
    public String getSex() { return sex; }
    public void setSex(String v) { sex = v; }
    public String getGenderSameAsBirth() { return genderSameAsBirth; }
    public void setGenderSameAsBirth(String v) { genderSameAsBirth = v; }
    public String getEthnicity() { return ethnicity; }
    public void setEthnicity(String v) { ethnicity = v; }
    public String getDisability() { return disability; }
    public void setDisability(String v) { disability = v; }
    public String getCaring() { return caring; }
    public void setCaring(String v) { caring = v; }
}
