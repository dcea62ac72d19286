/**
 * The Thrive at Work framework as data: levels, areas, versions, the 2024 revision's modules and the criteria of
 * each version, edited by commissioners through pages (docs/employer-accreditation.md, "The framework as data").
 */
package org.workhealth.employer.framework;
