/**
 * Performance: KPI definitions, targets and forecasts per contract and financial year, actuals
 * counted from milestones or entered by hand, RAG ratings, dashboards and the board report.
 */
package org.workhealth.performance;
