package org.workhealth.organisation;

/** The actions that roles grant; checked together with organisation scope by {@link AccessPolicy}. */
public enum Permission {
    VIEW_ORGANISATIONS,
    MANAGE_ORGANISATIONS,
    MANAGE_PEOPLE,
    VIEW_AUDIT_LOG,
    VIEW_PROGRAMMES,
    MANAGE_PROGRAMMES,
    VIEW_PERSONAL_DATA,
    MANAGE_CASES,
    MAKE_REFERRALS,
    SUBMIT_RETURNS_AND_CLAIMS,
    APPROVE_RETURNS_AND_CLAIMS,
    VIEW_FIGURES,
    RECEIVE_EXTRACTS,
    RECEIVE_RETURNS,
    /** Set or lift a legal hold on a case, which stops its erasure (docs/security.md). */
    SET_LEGAL_HOLD,
    /** See the retention schedule and erasure runs, and erase a person's records on their request. */
    MANAGE_RETENTION,
    /** An employer's own people (Thrive at Work): their employer's pages only, never casework. */
    EMPLOYER_SELF_SERVICE,
    /** Hold a caseload of Thrive at Work employers and sign employers up. */
    ADVISE_EMPLOYERS,
    /** Assess employers' evidence against the Thrive at Work framework. */
    ASSESS_EMPLOYERS,
    /** Run the employer programme: edit the framework, assign advisors, see every employer of hubs in scope. */
    MANAGE_EMPLOYER_PROGRAMME
}
