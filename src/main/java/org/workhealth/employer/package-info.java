/**
 * Thrive at Work: the employers a hub runs its workplace wellbeing programme for, how they sign up (on a public
 * form, by an advisor, or referred from a partner's business diagnostic), the advisors who hold them as a
 * caseload, and the employer's own people. Sub-packages hold the framework and assessment ({@code framework},
 * {@code assessment}) and the engagements, pilots and figures ({@code engagement}, {@code pilot},
 * {@code figures}); they use this package's public types. See docs/employer-accreditation.md.
 */
package org.workhealth.employer;
