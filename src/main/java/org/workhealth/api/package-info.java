/**
 * The service's JSON API for other systems (a council's reporting tool, a GP system, the department's systems) and
 * the API clients that call it: who they are, what they may do, and how a call proves it.
 */
package org.workhealth.api;
