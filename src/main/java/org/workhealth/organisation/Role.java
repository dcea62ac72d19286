package org.workhealth.organisation;

import java.util.EnumSet;
import java.util.Set;

/** What a person may do, as docs/design.md describes each role. */
public enum Role {
    ADMINISTRATOR("Administrator", "Manages organisations and people",
            EnumSet.of(Permission.MANAGE_ORGANISATIONS, Permission.MANAGE_PEOPLE, Permission.VIEW_AUDIT_LOG,
                    Permission.VIEW_ORGANISATIONS, Permission.VIEW_PROGRAMMES, Permission.MANAGE_RETENTION)),
    COMMISSIONER("Commissioner", "Configures programmes, contracts and targets; approves returns and claims",
            EnumSet.of(Permission.MANAGE_PROGRAMMES, Permission.VIEW_PROGRAMMES, Permission.VIEW_ORGANISATIONS,
                    Permission.APPROVE_RETURNS_AND_CLAIMS, Permission.VIEW_FIGURES, Permission.VIEW_PERSONAL_DATA,
                    Permission.SET_LEGAL_HOLD, Permission.MANAGE_EMPLOYER_PROGRAMME)),
    PROVIDER_MANAGER("Provider manager", "Manages caseloads, assigns work, prepares returns and claims",
            EnumSet.of(Permission.VIEW_PROGRAMMES, Permission.VIEW_ORGANISATIONS, Permission.MANAGE_CASES,
                    Permission.VIEW_PERSONAL_DATA, Permission.SUBMIT_RETURNS_AND_CLAIMS, Permission.VIEW_FIGURES,
                    Permission.MAKE_REFERRALS, Permission.SET_LEGAL_HOLD, Permission.MANAGE_EMPLOYER_PROGRAMME)),
    PRACTITIONER("Practitioner", "Triages, contacts, assesses, plans, supports and records outcomes",
            EnumSet.of(Permission.VIEW_PROGRAMMES, Permission.MANAGE_CASES, Permission.VIEW_PERSONAL_DATA,
                    Permission.MAKE_REFERRALS)),
    REFERRER("Referrer", "Refers people and sees what became of their referrals",
            EnumSet.of(Permission.MAKE_REFERRALS)),
    EVALUATOR("Evaluator", "Receives pseudonymised extracts",
            EnumSet.of(Permission.RECEIVE_EXTRACTS, Permission.VIEW_FIGURES)),
    NATIONAL("National", "Receives collated returns; sees figures, never names",
            EnumSet.of(Permission.VIEW_FIGURES, Permission.VIEW_PROGRAMMES, Permission.VIEW_ORGANISATIONS,
                    Permission.RECEIVE_RETURNS)),
    EMPLOYER("Employer: wellbeing lead or champion", "Sees and updates their own employer's Thrive at Work pages",
            EnumSet.of(Permission.EMPLOYER_SELF_SERVICE)),
    EMPLOYER_ADVISOR("Thrive at Work advisor", "Holds a caseload of employers and signs employers up",
            EnumSet.of(Permission.ADVISE_EMPLOYERS, Permission.VIEW_PROGRAMMES)),
    EMPLOYER_ASSESSOR("Thrive at Work assessor", "Assesses employers' evidence and makes awards",
            EnumSet.of(Permission.ASSESS_EMPLOYERS));

    private final String label;
    private final String description;
    private final Set<Permission> permissions;

    Role(String label, String description, Set<Permission> permissions) {
        this.label = label;
        this.description = description;
        this.permissions = permissions;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    public boolean grants(Permission permission) {
        return permissions.contains(permission);
    }

    /**
     * Whether the role shows personal data: case files, pseudonymised extracts (still personal data in law) or
     * the audit log, which names staff and the records they opened. Such a role is never given by one
     * administrator alone to someone in their own organisation: see {@link RoleGrants}.
     */
    public boolean readsPersonalData() {
        return grants(Permission.VIEW_PERSONAL_DATA) || grants(Permission.RECEIVE_EXTRACTS)
                || grants(Permission.VIEW_AUDIT_LOG);
    }
}
