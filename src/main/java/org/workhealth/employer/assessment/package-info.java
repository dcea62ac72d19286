/**
 * Assessment and awards: the employer's task list and self-assessment, evidence, submissions and the assessor's
 * rounds, awards with their certificate, and the public register. Its events and {@code Awards} are the module's
 * interface to the figures and to other modules.
 */
@org.springframework.modulith.NamedInterface("assessment")
package org.workhealth.employer.assessment;
