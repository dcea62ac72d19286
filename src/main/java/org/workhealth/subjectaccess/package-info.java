/**
 * Subject access: finding a person's records across programmes by NHS number, or by surname and date of birth,
 * within the organisations the member of staff answers for, and exporting everything held about them (a PDF for
 * the person, JSON for the record). The modules that hold personal data say what they hold through
 * {@link org.workhealth.subjectaccess.HeldRecords}; only the referral module can find people, through
 * {@link org.workhealth.subjectaccess.SubjectFinder}. This module names no other module's table.
 */
package org.workhealth.subjectaccess;
