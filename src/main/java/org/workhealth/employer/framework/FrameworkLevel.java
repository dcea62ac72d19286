package org.workhealth.employer.framework;

/** Foundation, Bronze, Silver or Gold, in that order. */
public record FrameworkLevel(String code, String name, int position) {
}
