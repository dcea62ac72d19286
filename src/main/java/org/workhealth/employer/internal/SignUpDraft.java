package org.workhealth.employer.internal;

import org.workhealth.classification.SicSection;
import org.workhealth.govuk.TextAnswer;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.workhealth.govuk.Answers;
import org.workhealth.govuk.Choices;

/**
 * The answers of an employer's sign-up in progress, exactly as typed, kept in the session between question pages
 * (public or an advisor's). Each page binds only its own fields onto it; {@link SignUpQuestion} checks them.
 */
public class SignUpDraft implements Serializable {

    private static final long serialVersionUID = 1L;

    /** How many sites the sign-up asks about; more are added from the employer's page later. */
    public static final int SITES = 3;

    private final String submissionKey = UUID.randomUUID().toString();
    private String name;
    private String companiesHouseNumber;
    private String sicSection;
    private String employees;
    private String[] siteName = new String[SITES];
    private String[] sitePostcode = new String[SITES];
    private String[] siteAuthority = new String[SITES];
    private String contactName;
    private String contactEmail;
    private String contactPhone;
    private String agreeToContact;

    /** The answers as the sign-up records them; call only once {@link SignUpQuestion} finds no problem. */
    public NewEmployer toNewEmployer() {
        return new NewEmployer(name.strip(), normalisedCompaniesHouse(companiesHouseNumber),
                Choices.chosen(SicSection.class, sicSection), Integer.parseInt(employees.strip().replace(",", "")),
                sites(), toContact());
    }

    /** The sites answered, in order. */
    public List<NewSite> sites() {
        List<NewSite> sites = new ArrayList<>();
        for (int i = 0; i < SITES; i++) {
            if (siteAnswered(i)) {
                sites.add(new NewSite(siteName[i].strip(), normalisedPostcode(sitePostcode[i]),
                        Choices.chosen(LocalAuthority.class, siteAuthority[i])));
            }
        }
        return sites;
    }

    public EmployerContact toContact() {
        return new EmployerContact(contactName.strip(), contactEmail.strip(), TextAnswer.orNull(contactPhone));
    }

    public boolean siteAnswered(int i) {
        return !Answers.blank(siteName[i]) || !Answers.blank(sitePostcode[i]) || !Answers.blank(siteAuthority[i]);
    }

    public static String normalisedCompaniesHouse(String number) {
        return Answers.blank(number) ? null : number.replace(" ", "").strip().toUpperCase(Locale.ROOT);
    }

    public static String normalisedPostcode(String postcode) {
        if (Answers.blank(postcode)) {
            return null;
        }
        String compact = postcode.replace(" ", "").strip().toUpperCase(Locale.ROOT);
        return compact.length() > 3 ? compact.substring(0, compact.length() - 3) + " "
                + compact.substring(compact.length() - 3) : compact;
    }

    public String getSubmissionKey() { return submissionKey; }
    public String getName() { return name; }
    public void setName(String v) { name = v; }
    public String getCompaniesHouseNumber() { return companiesHouseNumber; }
    public void setCompaniesHouseNumber(String v) { companiesHouseNumber = v; }
    public String getSicSection() { return sicSection; }
    public void setSicSection(String v) { sicSection = v; }
    public String getEmployees() { return employees; }
    public void setEmployees(String v) { employees = v; }
    public String[] getSiteName() { return siteName; }
    public void setSiteName(String[] v) { siteName = sized(v); }
    public String[] getSitePostcode() { return sitePostcode; }
    public void setSitePostcode(String[] v) { sitePostcode = sized(v); }
    public String[] getSiteAuthority() { return siteAuthority; }
    public void setSiteAuthority(String[] v) { siteAuthority = sized(v); }
    public String getContactName() { return contactName; }
    public void setContactName(String v) { contactName = v; }
    public String getContactEmail() { return contactEmail; }
    public void setContactEmail(String v) { contactEmail = v; }
    public String getContactPhone() { return contactPhone; }
    public void setContactPhone(String v) { contactPhone = v; }
    public String getAgreeToContact() { return agreeToContact; }
    public void setAgreeToContact(String v) { agreeToContact = v; }

    /** Exactly {@link #SITES} answers, whatever was sent: extra indexes are dropped. */
    private static String[] sized(String[] values) {
        String[] sized = new String[SITES];
        if (values != null) {
            System.arraycopy(values, 0, sized, 0, Math.min(values.length, SITES));
        }
        return sized;
    }
}
