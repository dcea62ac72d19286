/**
 * FHIR R4 referrals from GP systems: HAPI FHIR's plain server at {@code /fhir}, a ServiceRequest (with its Patient,
 * requester and reasons, in a Bundle or contained) validated against base R4, mapped to the web form's intake
 * ({@code referral.SystemReferrals}), and its status read back by the practice that sent it. docs/fhir.md has the
 * mapping.
 */
package org.workhealth.fhir;
