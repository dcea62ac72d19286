/**
 * Funding: funding agreements on contracts with their payment model (block plus payment by results, or
 * basic plus performance, with a fixed management and team budget), fair-share allocations of a regional
 * pot, and quarterly claims computed from expenditure and from the milestone record, submitted by the
 * provider and approved or returned by the commissioner.
 */
package org.workhealth.funding;
