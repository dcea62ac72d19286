/**
 * Returns: each programme's quarterly data return template (the KPI figures it carries, the documented columns of
 * its pseudonymous participant-level extract, and when each quarter's return is due), compiling an organisation's
 * return from the milestone record with one action, and validating it before it leaves the locality.
 */
package org.workhealth.returns;
