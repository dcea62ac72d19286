/**
 * National classifications several modules record answers in, kept once so that a job start and an employer's
 * sector mean the same thing: today the sections of the UK Standard Industrial Classification (SIC 2007).
 */
package org.workhealth.classification;
