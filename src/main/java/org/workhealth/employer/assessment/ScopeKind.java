package org.workhealth.employer.assessment;

/** What is submitted for assessment: a level (for an award) or a module (completed on its own). */
enum ScopeKind {
    LEVEL, MODULE
}
